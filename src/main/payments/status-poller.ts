import type { PaymentTracker } from './payment-transitions';
import { inBackground } from '../logging/in-background';
import { createLogger } from '../logging/logger';
import { pollTimeMs, type PollSchedule } from './status-poll-schedule';

const log = createLogger('payments');

/** After the threshold time, an unfinished payment is still asked about, this often. */
export const AFTER_THRESHOLD_INTERVAL_MS = 5 * 60_000;

interface Tracked {
  readonly createdAt: number;
  attempt: number;
  timer: NodeJS.Timeout | undefined;
  busy: boolean;
}

/**
 * Asks Gate for the status of every unfinished payment on the schedule: the
 * first time at least 10 s after the request, backing off to once a minute until the threshold
 * time, then every 5 minutes until the payment settles. Never forgets a tracked payment.
 */
/**
 * Tracking through a poller made later (the poller needs the reconciler, which needs the
 * transitions, which start and stop tracking): each call reaches the poller when it is made.
 */
export function trackerOf(poller: () => StatusPoller): PaymentTracker {
  return {
    track: (id, since) => poller().track(id, since),
    untrack: (id) => poller().untrack(id),
  };
}

export class StatusPoller {
  private readonly tracked = new Map<string, Tracked>();
  private stopped = false;

  constructor(
    private readonly schedule: (paymentId: string) => PollSchedule,
    private readonly poll: (paymentId: string) => Promise<void>,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts (or keeps) tracking a payment created at `createdAt`. */
  track(paymentId: string, createdAt: number): void {
    if (this.stopped || this.tracked.has(paymentId)) return;
    const entry: Tracked = { createdAt, attempt: 0, timer: undefined, busy: false };
    this.tracked.set(paymentId, entry);
    this.arm(paymentId, entry);
  }

  /** Stops tracking a payment that has settled. */
  untrack(paymentId: string): void {
    const entry = this.tracked.get(paymentId);
    if (entry?.timer) clearTimeout(entry.timer);
    this.tracked.delete(paymentId);
  }

  /** Payments being tracked. */
  get size(): number {
    return this.tracked.size;
  }

  /** Asks about every tracked payment now, instead of at its next time (the Gate came back). */
  nudgeAll(): void {
    for (const [paymentId, entry] of this.tracked) {
      if (entry.busy) continue;
      if (entry.timer) clearTimeout(entry.timer);
      entry.timer = setTimeout(() => this.fireInBackground(paymentId, entry), 0);
      entry.timer.unref?.();
    }
  }

  /** Stops every timer (shutdown). */
  stop(): void {
    this.stopped = true;
    for (const entry of this.tracked.values()) if (entry.timer) clearTimeout(entry.timer);
    this.tracked.clear();
  }

  private arm(paymentId: string, entry: Tracked): void {
    const schedule = this.schedule(paymentId);
    const now = this.now();
    let at = pollTimeMs(entry.attempt, schedule);
    // Attempts whose time passed while the app was not running collapse into one poll now.
    while (at !== undefined && entry.createdAt + at < now) {
      const next = pollTimeMs(entry.attempt + 1, schedule);
      if (next === undefined || entry.createdAt + next > now) break;
      entry.attempt++;
      at = next;
    }
    const due = at !== undefined ? entry.createdAt + at : now + AFTER_THRESHOLD_INTERVAL_MS;
    const delay = Math.max(0, due - now);
    entry.timer = setTimeout(() => this.fireInBackground(paymentId, entry), delay);
    entry.timer.unref?.();
  }

  /** A failed poll is logged; the payment stays tracked and is asked about again later. */
  private fireInBackground(paymentId: string, entry: Tracked): void {
    inBackground(this.fire(paymentId, entry), log, `status poll of ${paymentId}`);
  }

  private async fire(paymentId: string, entry: Tracked): Promise<void> {
    if (this.stopped || this.tracked.get(paymentId) !== entry || entry.busy) return;
    entry.busy = true;
    try {
      await this.poll(paymentId);
    } finally {
      entry.busy = false;
      entry.attempt++;
      if (!this.stopped && this.tracked.get(paymentId) === entry) this.arm(paymentId, entry);
    }
  }
}
