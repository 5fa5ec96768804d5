import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../logging/logger';

/** What the policy may do: the Electron shell passes app.relaunch/app.exit and a dialog. */
export interface CrashDeps {
  readonly log: Logger;
  /** Where recent crash times are kept across relaunches (a small JSON file). */
  readonly historyFile: string;
  readonly relaunch: () => void;
  readonly exit: (code: number) => void;
  /** Shown when the app gives up relaunching. */
  readonly showFatal: (message: string) => void;
  readonly now?: () => number;
  /** This many crashes within `windowMs` stop the relaunching (a crash loop). */
  readonly maxCrashes?: number;
  readonly windowMs?: number;
}

function recentCrashes(file: string, since: number): number[] {
  try {
    const times = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return Array.isArray(times)
      ? times.filter((t): t is number => typeof t === 'number' && t >= since)
      : [];
  } catch {
    return [];
  }
}

/**
 * After an uncaught exception main is in an unknown state: it logs the error, then relaunches
 * (the new process recovers any open sale from the journal at start). A crash loop (three
 * crashes within ten minutes) stops with a message instead of relaunching for ever.
 */
export function handleFatalError(error: unknown, deps: CrashDeps): 'relaunched' | 'gave up' {
  const now = (deps.now ?? Date.now)();
  const windowMs = deps.windowMs ?? 10 * 60_000;
  const maxCrashes = deps.maxCrashes ?? 3;
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  deps.log.error('fatal error: main is in an unknown state', { error: stack });
  const crashes = [...recentCrashes(deps.historyFile, now - windowMs), now];
  try {
    mkdirSync(dirname(deps.historyFile), { recursive: true });
    writeFileSync(deps.historyFile, JSON.stringify(crashes));
  } catch {
    // The history only guards against loops; failing to write it must not stop the relaunch.
  }
  if (crashes.length >= maxCrashes) {
    deps.log.error('crash loop: not relaunching', { crashes: crashes.length, windowMs });
    deps.showFatal(
      `Alipay Counter stopped after ${crashes.length} errors in ${Math.round(windowMs / 60_000)} minutes. ` +
        'Open payments are safe in the journal. Start it again, and send the log file to support if it happens again.',
    );
    deps.exit(1);
    return 'gave up';
  }
  deps.relaunch();
  deps.exit(1);
  return 'relaunched';
}

/** Clears the crash history once the app has run long enough to count as healthy. */
export function forgetCrashes(historyFile: string): void {
  if (existsSync(historyFile)) writeFileSync(historyFile, '[]');
}

/** Routes uncaught exceptions and unhandled rejections (Node treats both as fatal) to the policy. */
export function installCrashHandlers(target: NodeJS.EventEmitter, deps: CrashDeps): () => void {
  let handling = false;
  const onFatal = (error: unknown) => {
    // A second error while relaunching changes nothing: the first one decides.
    if (handling) return;
    handling = true;
    handleFatalError(error, deps);
  };
  target.on('uncaughtException', onFatal);
  target.on('unhandledRejection', onFatal);
  return () => {
    target.off('uncaughtException', onFatal);
    target.off('unhandledRejection', onFatal);
  };
}
