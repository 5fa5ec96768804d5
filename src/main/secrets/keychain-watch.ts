import { inBackground } from '../logging/in-background';
import { createLogger } from '../logging/logger';

const log = createLogger('app');

/** Pauses between checks of a keychain that was not available: 1 s, then growing to 1 min. */
export const KEYCHAIN_RETRY_MS = [1000, 2000, 5000, 10_000, 30_000, 60_000] as const;

/** What the watch needs: whether the keychain works, and what to do about it. */
export interface KeychainWatchDeps {
  /** Reads the keychain again (the secret, the keys); true when it is available now. */
  readonly recheck: () => Promise<{ available: boolean; message: string }>;
  /** The keychain is not available: say so on the cashier's screen. */
  readonly down: (message: string) => void;
  /** It is back: take the banner down and reconcile what waited. */
  readonly up: () => void;
  /** Pauses between checks (tests shorten them). */
  readonly retryMs?: readonly number[];
}

/**
 * Watches a keychain that was locked or unavailable: checks it again with a growing pause, says
 * what is wrong meanwhile, and once it answers, lets the counter carry on without a restart.
 */
export class KeychainWatch {
  private timer: NodeJS.Timeout | undefined;
  private attempt = 0;
  private stopped = false;

  constructor(private readonly deps: KeychainWatchDeps) {}

  /** Reports a keychain found unavailable and starts checking it again (once). */
  unavailable(message: string): void {
    this.deps.down(message);
    if (this.timer || this.stopped) return;
    this.schedule();
  }

  /** Stops checking (shutdown). */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const pauses = this.deps.retryMs ?? KEYCHAIN_RETRY_MS;
    const pause = pauses[Math.min(this.attempt, pauses.length - 1)]!;
    this.attempt++;
    this.timer = setTimeout(() => inBackground(this.check(), log, 'checking the keychain'), pause);
    this.timer.unref?.();
  }

  private async check(): Promise<void> {
    this.timer = undefined;
    if (this.stopped) return;
    const status = await this.deps.recheck().catch((error: Error) => ({
      available: false,
      message: error.message,
    }));
    if (this.stopped) return;
    if (status.available) {
      log.info('the keychain is available again', { attempts: this.attempt });
      this.attempt = 0;
      this.deps.up();
      return;
    }
    this.deps.down(status.message);
    this.schedule();
  }
}
