import type { GateCallback } from '../main/gate';
import type { ReceivedCallback } from '../main/callbacks/callback-listener';

/**
 * Verified callbacks waiting to be read, in arrival order. Callbacks that fail verification are
 * kept aside (and reported) but never read as facts.
 */
export class CallbackInbox {
  private readonly queue: GateCallback[] = [];
  private readonly waiters = new Set<() => void>();
  readonly rejected: string[] = [];

  /** Listener hook: stores what arrived. */
  readonly receive = (received: ReceivedCallback): void => {
    if (received.parsed.ok) this.queue.push(received.parsed.callback);
    else this.rejected.push(`${received.parsed.problem}: ${received.parsed.message}`);
    for (const wake of this.waiters) wake();
  };

  /** Removes and returns the first callback matching `accept`, waiting until `signal` aborts. */
  async take(
    accept: (callback: GateCallback) => boolean,
    signal: AbortSignal,
  ): Promise<GateCallback | undefined> {
    for (;;) {
      const index = this.queue.findIndex(accept);
      if (index >= 0) return this.queue.splice(index, 1)[0];
      if (signal.aborted) return undefined;
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          signal.removeEventListener('abort', wake);
          resolve();
        };
        this.waiters.add(wake);
        signal.addEventListener('abort', wake, { once: true });
      });
    }
  }
}
