import type { Logger } from '../logging/logger';

/** The part of Electron's app the quit sequence uses (a fake in tests). */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
  exit(code: number): void;
}

export interface QuitSequenceOptions {
  /** Stops what must not run while closing (updates, displays, IPC); synchronous. */
  readonly stop: () => void;
  /** Closes the counter: listener, relay, journal. */
  readonly close: () => Promise<void>;
  readonly log: Logger;
  /** How long closing may take before the app exits anyway. */
  readonly limitMs?: number;
}

/**
 * A healthy close takes milliseconds; one stuck on the network (a relay broker that does not
 * answer) gets three seconds, then the app exits. Windows' installer ends the app about two
 * seconds into an update anyway: nothing depends on closing to the end.
 */
export const QUIT_LIMIT_MS = 3000;

/**
 * On quit (a person, the last window closed, an update installing): stop, close the counter,
 * then quit. A close that fails or takes longer than the limit still ends in an exit: quitting
 * never turns into a relaunch, and never waits for ever. The journal survives an exit mid-close
 * (SQLite's write-ahead log), and open payments are recovered at the next start.
 */
export function installQuitSequence(app: QuittingApp, options: QuitSequenceOptions): void {
  let phase: 'running' | 'closing' | 'closed' = 'running';
  app.on('before-quit', (event) => {
    if (phase === 'closed') return;
    event.preventDefault();
    if (phase === 'closing') return;
    phase = 'closing';
    try {
      options.stop();
    } catch (error) {
      options.log.error('stopping before quit failed', { error: String(error) });
    }
    const limitMs = options.limitMs ?? QUIT_LIMIT_MS;
    const finish = (how: 'quit' | 'exit') => {
      if (phase === 'closed') return;
      phase = 'closed';
      clearTimeout(timer);
      if (how === 'quit') app.quit();
      else app.exit(0);
    };
    const timer = setTimeout(() => {
      options.log.error('the counter did not close in time: exiting anyway', { limitMs });
      finish('exit');
    }, limitMs);
    options.close().then(
      () => finish('quit'),
      (error: unknown) => {
        options.log.error('closing the counter failed: exiting anyway', {
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        });
        finish('exit');
      },
    );
  });
}
