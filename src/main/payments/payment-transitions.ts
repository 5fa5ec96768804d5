import { said } from '../../shared/i18n/said';
import { isSettled, type PaymentState } from '../../shared/payment-state';
import { err, ok, type Result } from '../../shared/result';
import { StaleStateError } from '../journal/journal';
import type { PaymentPatch, PaymentRecord } from '../journal/payment-record';
import { createLogger } from '../logging/logger';
import type { PaymentEventBus } from './payment-events';
import type { TransitionBase } from './polled-service';
import { alertOf, decideLateAlert, type LateAlertEvent, type LateAlertState } from './late-alert';
import { decide, type SaleEvent } from './sale-state-machine';
import { applyWithRetry, describeApplied, type Applied } from './state-change';

const log = createLogger('payments');

/** Starts and stops status polling of one payment (the status poller). */
export interface PaymentTracker {
  track(paymentId: string, since: number): void;
  untrack(paymentId: string): void;
}

/** What applying events needs from the rest of the payment service. */
export interface TransitionDeps extends TransitionBase<PaymentEventBus> {
  /** True when the payment is the one on the counter's screen (else a late success alerts). */
  readonly isOnScreen: (paymentId: string) => boolean;
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

/** The cashier's answer for a payment id the journal does not hold. */
export function noPayment(paymentId: string): Result<never, 'NOT_FOUND'> {
  return err(
    'NOT_FOUND',
    `No payment ${paymentId}.`,
    said('cashier.error.noPayment', { id: paymentId }),
  );
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
   * `detail` goes into the transition row (how Gate's word came, its operation id).
   */
  apply(
    paymentId: string,
    event: SaleEvent,
    cause: string,
    patch: PaymentPatch = {},
    detail: Record<string, unknown> = {},
  ): Applied {
    const { journal } = this.deps;
    let moved: { record: PaymentRecord; late: boolean } | undefined;
    const applied = applyWithRetry<PaymentRecord, PaymentState>(
      {
        read: () => journal.get(paymentId),
        stateOf: (payment) => payment.state,
        decide: (state) => decide(state, event),
        forbidden: (payment, reason) => {
          journal.audit('gate', 'contradictory answer', paymentId, {
            state: payment.state,
            event: event.type,
            reason,
          });
          log.error('contradictory answer from Gate', {
            paymentId,
            state: payment.state,
            event: event.type,
          });
        },
        write: (payment, to) => {
          // Late: the cashier gave up, moved on, or was told it ended unpaid (expired,
          // rejected), even if that screen is still up: the customer may have paid another way.
          const late =
            to === 'succeeded' &&
            (payment.cancelledAt !== null ||
              !this.deps.isOnScreen(paymentId) ||
              this.endedUnpaidBefore(payment));
          const alert = late
            ? decideLateAlert(payment.lateAlert, { type: 'paid_late' })
            : undefined;
          const fullPatch: PaymentPatch =
            alert?.kind === 'move' ? { ...patch, lateAlert: alertOf(alert.to) } : patch;
          // The transition and its audit entry (a late payment) in one transaction.
          const record = journal.inTransaction(() => {
            const written = journal.transition(paymentId, payment.state, to, cause, fullPatch, {
              event: event.type,
              ...detail,
            });
            if (alert?.kind === 'move')
              journal.audit('gate', 'late payment', paymentId, {
                amount: written.amount,
                currency: written.currency,
              });
            return written;
          });
          moved = { record, late: alert?.kind === 'move' };
        },
      },
      'payment',
    );
    if (moved) {
      this.follow(moved.record);
      this.emit(moved.record);
      if (moved.late) this.deps.events.emit('late', moved.record);
    }
    return applied;
  }

  /**
   * Moves a payment's late-payment alert (kept, refunded, reopened) through its decider, with
   * its audit entry, in one transaction; the payment's state stays. Refused when the alert is
   * not where the event needs it.
   */
  changeLateAlert(
    paymentId: string,
    event: LateAlertEvent,
    audit: { readonly actor: string; readonly action: string; readonly detail?: unknown },
    cause: string,
  ): Result<PaymentRecord, 'NOT_FOUND' | 'INVALID_STATE'> {
    const { journal } = this.deps;
    let record: PaymentRecord | undefined;
    const applied = applyWithRetry<PaymentRecord, LateAlertState>(
      {
        read: () => journal.get(paymentId),
        stateOf: (payment) => payment.lateAlert ?? 'none',
        decide: (state) => decideLateAlert(alertOf(state), event),
        forbidden: () => {},
        write: (payment, to) => {
          record = journal.inTransaction(() => {
            // Two changes of the alert racing (Keep pressed twice): the second sees the first.
            const now = journal.get(paymentId);
            if (now?.lateAlert !== payment.lateAlert)
              throw new StaleStateError(paymentId, payment.state, now?.state ?? payment.state);
            const written = journal.transition(
              paymentId,
              payment.state,
              payment.state,
              cause,
              { lateAlert: alertOf(to) },
              { lateAlert: to },
            );
            journal.audit(audit.actor, audit.action, paymentId, audit.detail);
            return written;
          });
        },
      },
      'payment',
    );
    if (record) {
      this.emit(record);
      if (record.lateAlert === 'open') this.deps.events.emit('late', record);
      return ok(record);
    }
    if (applied.kind === 'ignored' && applied.reason === 'unknown payment')
      return err('NOT_FOUND', `No payment ${paymentId}.`);
    return err('INVALID_STATE', `Payment ${paymentId}: ${describeApplied(applied)}.`);
  }

  /**
   * The cashier gives up: the screens stop showing the QR, but the payment is still tracked to
   * its final state (a success afterwards raises the late-payment alert).
   */
  cancel(paymentId: string, why: string): Result<PaymentRecord, 'NOT_FOUND' | 'INVALID_STATE'> {
    const { journal } = this.deps;
    const payment = journal.get(paymentId);
    if (!payment) return noPayment(paymentId);
    if (isSettled(payment.state))
      return err(
        'INVALID_STATE',
        `Payment ${paymentId} is already ${payment.state}; there is nothing to cancel.`,
        said('cashier.error.nothingToCancel'),
      );
    if (payment.cancelledAt !== null) return ok(payment);
    // The change and its audit entry in one transaction: neither without the other.
    const record = journal.inTransaction(() => {
      const cancelled = journal.transition(
        paymentId,
        payment.state,
        payment.state,
        `cashier cancelled (${why}); still tracking`,
        { cancelledAt: this.deps.now() },
      );
      journal.audit('cashier', why, paymentId, {
        state: payment.state,
        amount: payment.amount,
        currency: payment.currency,
      });
      return cancelled;
    });
    this.emit(record);
    return ok(record);
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
