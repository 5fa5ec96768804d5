import type { EventEmitter } from 'node:events';
import {
  OPEN_REFUND_STATES,
  type RefundPatch,
  type RefundRecord,
  type RefundState,
} from '../journal/refund-journal';
import type { LateAlertEvent } from './late-alert';
import { gateWord, type GateChannel } from './payment-transitions';
import type { TransitionBase } from './polled-service';
import { decideRefund, type RefundEvent } from './refund-state-machine';
import { applyWithRetry, type Applied } from './state-change';

/** Moves a payment's late-payment alert, with its audit entry (PaymentTransitions). */
export type LateAlertChanger = (
  paymentId: string,
  event: LateAlertEvent,
  audit: { readonly actor: string; readonly action: string; readonly detail?: unknown },
  cause: string,
) => unknown;

/** What applying refund events needs. */
export interface RefundTransitionDeps extends TransitionBase<
  EventEmitter<{ updated: [RefundRecord] }>
> {
  /** Moves a refunded late payment's alert. */
  readonly lateAlerts?: LateAlertChanger;
}

/**
 * The one place a refund's state changes: each event goes through the refund state machine,
 * then the decision is journaled, with the audit entry of a refund that ended and the late
 * alert a failed one brings back, before anyone hears of it; polling follows the new state.
 */
export class RefundTransitions {
  constructor(private readonly deps: RefundTransitionDeps) {}

  apply(
    refundId: string,
    event: RefundEvent,
    cause: string,
    patch: RefundPatch = {},
    via?: GateChannel,
  ): Applied {
    const { journal } = this.deps;
    let moved: RefundRecord | undefined;
    const applied = applyWithRetry<RefundRecord, RefundState>(
      {
        read: () => journal.refunds.get(refundId),
        stateOf: (refund) => refund.state,
        decide: (state) => decideRefund(state, event),
        forbidden: (refund) =>
          journal.audit('gate', 'contradictory refund answer', refund.paymentId, {
            refundId,
            state: refund.state,
            event: event.type,
          }),
        write: (refund, to) => {
          // The refund's change, the late alert it brings back and its audit entry: one
          // transaction.
          moved = journal.inTransaction(() => {
            const written = journal.refunds.transition(
              refundId,
              refund.state,
              to,
              cause,
              patch,
              this.deps.now(),
              via ? gateWord(via) : {},
            );
            if (!OPEN_REFUND_STATES.includes(written.state)) {
              if (written.state !== 'succeeded') this.refundFailed(written);
              journal.audit('gate', `refund ${written.state}`, written.paymentId, {
                refundId,
                amount: written.amount,
                currency: written.currency,
                gateCode: written.gateCode,
                gateMessage: written.gateMessage,
              });
            }
            return written;
          });
        },
      },
      'refund',
    );
    if (moved) {
      // Gate may reopen a refund we had settled (one written off that it still processes).
      if (OPEN_REFUND_STATES.includes(moved.state))
        this.deps.tracker.track(refundId, moved.createdAt);
      else this.deps.tracker.untrack(refundId);
      this.deps.events.emit('updated', moved);
    }
    return applied;
  }
  /**
   * A late payment's refund that failed leaves the customer charged: when nothing else is under
   * way and money is still taken, the late-payment alert comes back for Keep or Refund.
   */
  private refundFailed(refund: RefundRecord): void {
    const payment = this.deps.journal.get(refund.paymentId);
    if (!payment) return;
    this.deps.lateAlerts?.(
      payment.id,
      {
        type: 'refund_failed',
        moneyStillTaken: payment.refundedAmount < payment.amount,
        refundsUnderWay: this.deps.journal.refunds
          .ofPayment(payment.id)
          .some((r) => OPEN_REFUND_STATES.includes(r.state)),
      },
      {
        actor: 'gate',
        action: 'late payment alert reopened',
        detail: { refundId: refund.id, refund: refund.state },
      },
      `the late payment's refund ${refund.state}`,
    );
  }
}
