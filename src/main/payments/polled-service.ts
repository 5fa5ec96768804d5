import type { Journal } from '../journal/journal';
import type { Settings } from '../settings/settings';
import type { GateAccess } from './payment-deps';
import type { PaymentTracker } from './payment-transitions';
import type { PollSchedule } from './status-poll-schedule';
import { trackerOf, type StatusPoller } from './status-poller';

/** What the sale and the refund service both need from the rest of main. */
export interface GateServiceDeps {
  readonly journal: Journal;
  readonly gate: () => GateAccess;
  /** The client for status requests (defaults to `gate`): allowed while only a non-Gate address is wrong. */
  readonly statusGate?: () => GateAccess;
  readonly settings: () => Settings;
  /** The URL Gate should send the request's callbacks to (merchant_callback_url). */
  readonly callbackUrl: () => string | undefined;
  /** Overrides of the status poll schedule (tests run it in milliseconds). */
  readonly pollSchedule?: Partial<Omit<PollSchedule, 'thresholdMs'>>;
  readonly now?: () => number;
  /** How long after a request "not found" still means "not yet" (60 s; tests shorten it). */
  readonly notFoundGraceMs?: number;
}

/** What learning outcomes from Gate needs, for sales (`T`: their transitions) and refunds alike. */
export interface ReconcilerDeps<T> {
  readonly journal: Journal;
  readonly transitions: T;
  readonly tracker: PaymentTracker;
  readonly statusGate: () => GateAccess;
  readonly settings: () => Settings;
  readonly now: () => number;
  readonly notFoundGraceMs?: number;
}

/** What the sale's and the refund's transitions both need (`E`: their events). */
export interface TransitionBase<E> {
  readonly journal: Journal;
  readonly events: E;
  readonly tracker: PaymentTracker;
  readonly now: () => number;
}

/**
 * The frame of the sale and refund services: their clock, the status poller that follows each
 * open record until Gate settles it, and the tracker their transitions start and stop it with.
 * A subclass makes its poller last, as the poller needs the reconciler built with the tracker.
 */
export abstract class PolledService {
  protected readonly now: () => number;
  protected readonly tracker: PaymentTracker;
  protected abstract readonly poller: StatusPoller;

  constructor(now: (() => number) | undefined) {
    this.now = now ?? Date.now;
    this.tracker = trackerOf(() => this.poller);
  }

  /** What the service's transitions share with every part: the journal, its events, tracking, time. */
  protected transitionDeps<E>(journal: Journal, events: E): TransitionBase<E> {
    return { journal, events, tracker: this.tracker, now: this.now };
  }

  /** The reconciler's deps from the service's own, as both services give them. */
  protected reconcilerDeps<T>(deps: GateServiceDeps, transitions: T): ReconcilerDeps<T> {
    return {
      journal: deps.journal,
      transitions,
      tracker: this.tracker,
      statusGate: deps.statusGate ?? deps.gate,
      settings: deps.settings,
      now: this.now,
      ...(deps.notFoundGraceMs !== undefined ? { notFoundGraceMs: deps.notFoundGraceMs } : {}),
    };
  }

  /** Asks Gate about every unfinished record now (its access was just restored). */
  reconcileNow(): void {
    this.poller.nudgeAll();
  }

  /** Stops polling (shutdown). Unfinished records are recovered at the next start. */
  stop(): void {
    this.poller.stop();
  }
}
