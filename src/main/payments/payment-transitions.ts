import { isSettled } from '../../shared/payment-state';
import { StaleStateError, type Journal } from '../journal/journal';
import type { PaymentPatch, PaymentRecord } from '../journal/payment-record';
import { createLogger } from '../logging/logger';
import type { PaymentEventBus } from './payment-events';
import { decide, type SaleEvent } from './sale-state-machine';

const log = createLogger('payments');

/** Starts and stops status polling of one payment (the status poller). */
export interface PaymentTracker {
  track(paymentId: string, since: number): void;
  untrack(paymentId: string): void;
}

/** What applying events needs from the rest of the payment service. */
export interface TransitionDeps {
  readonly journal: Journal;
  readonly events: PaymentEventBus;
  readonly tracker: PaymentTracker;
  /** True when the payment is the one on the counter's screen (else a late success alerts). */
  readonly isOnScreen: (paymentId: string) => boolean;
  readonly now: () => number;
}

/** How the counter learned what a transition records from Gate. */
export type GateChannel = 'callback' | 'status';

/**
 * A transition's detail for Gate's word: how it came, and Gate's operation id (receipts print
 * it) when Gate sent one.
 */
export function gateWord(via: GateChannel, operationId?: string | null): Record<string, unknown> {
  return operationId ? { via, operationId } : { via };
}

/** How the counter learned a payment's state, from the detail of the transition that set it. */
export function learnedVia(detail: unknown): GateChannel | undefined {
  const via = (detail as { via?: unknown } | null)?.via;
  return via === 'callback' || via === 'status' ? via : undefined;
}

/**
 * The one place a sale's state changes: each event goes through the state machine (`decide`),
 * then the decision is journaled with its transition row before anyone hears of it. Polling
 * follows the new state, and a success the cashier was not waiting for raises the late alert.
 */
export class PaymentTransitions {
  constructor(private readonly deps: TransitionDeps) {}

  /**
   * Feeds one event to the state machine and journals the result; returns what was done.
   * `detail` goes into the transition row (Gate's operation id, which receipts print).
   */
  apply(
    paymentId: string,
    event: SaleEvent,
    cause: string,
    patch: PaymentPatch = {},
    detail: Record<string, unknown> = {},
  ): string {
    const { journal } = this.deps;
    for (let attempt = 0; attempt < 3; attempt++) {
      const payment = journal.get(paymentId);
      if (!payment) return 'ignored: unknown payment';
      const decision = decide(payment.state, event);
      if (decision.kind === 'ignore') return `ignored: ${decision.reason}`;
      if (decision.kind === 'forbidden') {
        journal.audit('gate', 'contradictory answer', paymentId, {
          state: payment.state,
          event: event.type,
          reason: decision.reason,
        });
        log.error('contradictory answer from Gate', {
          paymentId,
          state: payment.state,
          event: event.type,
        });
        return `refused: ${decision.reason}`;
      }
      // Late: the cashier gave up, moved on, or was told it ended unpaid (expired, rejected),
      // even if that screen is still up: the customer may already have paid another way.
      const late =
        decision.to === 'succeeded' &&
        (payment.cancelledAt !== null ||
          !this.deps.isOnScreen(paymentId) ||
          this.endedUnpaidBefore(payment));
      const fullPatch: PaymentPatch = late ? { ...patch, lateAlert: 'open' } : patch;
      try {
        // The transition and its audit entry (a late payment) in one transaction.
        const record = journal.inTransaction(() => {
          const moved = journal.transition(
            paymentId,
            payment.state,
            decision.to,
            cause,
            fullPatch,
            {
              event: event.type,
              ...detail,
            },
          );
          if (late)
            journal.audit('gate', 'late payment', paymentId, {
              amount: moved.amount,
              currency: moved.currency,
            });
          return moved;
        });
        this.follow(record);
        this.emit(record);
        if (late) this.deps.events.emit('late', record);
        return `applied: ${payment.state} → ${record.state}`;
      } catch (error) {
        if (!(error instanceof StaleStateError)) throw error;
      }
    }
    return 'ignored: state kept changing';
  }

  /** Tells the screens a payment changed (journal first: callers emit after writing). */
  emit(record: PaymentRecord): void {
    this.deps.events.emit('updated', record);
  }

  /** Polling follows the state: settled stops it, open (or reopened) starts it. */
  private follow(record: PaymentRecord): void {
    const { tracker } = this.deps;
    if (isSettled(record.state)) tracker.untrack(record.id);
    // Gate may reopen a payment we had settled (a rejected sale it processes after all).
    else tracker.track(record.id, record.createdAt);
    // A customer who confirmed a link at the last second can still be charged: keep asking.
    if (record.state === 'expired') tracker.track(record.id, this.deps.now());
  }

  /**
   * Whether the cashier was ever told this payment ended unpaid (declined, rejected, expired),
   * even if Gate reopened it since: a success now may come after the customer paid another way.
   */
  private endedUnpaidBefore(payment: PaymentRecord): boolean {
    if (isSettled(payment.state)) return true;
    return this.deps.journal.transitionsOf(payment.id).some((t) => isSettled(t.to));
  }
}
