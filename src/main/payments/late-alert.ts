import type { PaymentRecord } from '../journal/payment-record';
import type { Decision } from './state-change';

/** Where a payment's late-payment alert stands; `none` for a payment that never had one. */
export type LateAlertState = NonNullable<PaymentRecord['lateAlert']> | 'none';

/** What can happen to a late-payment alert. */
export type LateAlertEvent =
  /** Gate reports a success nobody at the counter was waiting for any more. */
  | { readonly type: 'paid_late' }
  /** The cashier keeps the money (the sale stands). */
  | { readonly type: 'kept' }
  /** A refund of it is on its way, or done. */
  | { readonly type: 'refund_sent' }
  /** A refund of it ended without giving the money back. */
  | {
      readonly type: 'refund_failed';
      /** Part of the customer's money is still taken. */
      readonly moneyStillTaken: boolean;
      /** Another refund of it is still under way. */
      readonly refundsUnderWay: boolean;
    };

const move = (to: LateAlertState): Decision<LateAlertState> => ({ kind: 'move', to });
const ignore = (reason: string): Decision<LateAlertState> => ({ kind: 'ignore', reason });
const forbidden = (reason: string): Decision<LateAlertState> => ({ kind: 'forbidden', reason });

/**
 * The late-payment alert, pure: a success nobody waited for opens it; Keep or a refund on its
 * way closes it; a refund that failed while money is still taken (and none other is under way)
 * opens it again, so the cashier decides once more.
 */
export function decideLateAlert(
  alert: PaymentRecord['lateAlert'],
  event: LateAlertEvent,
): Decision<LateAlertState> {
  const state: LateAlertState = alert ?? 'none';
  switch (event.type) {
    case 'paid_late':
      return state === 'none' ? move('open') : ignore(`the alert is already ${state}`);
    case 'kept':
      return state === 'open' ? move('kept') : forbidden('no late-payment alert is open');
    case 'refund_sent':
      return state === 'open' ? move('refund_requested') : ignore(`the alert is ${state}`);
    case 'refund_failed':
      if (state !== 'refund_requested') return ignore(`the alert is ${state}`);
      if (!event.moneyStillTaken) return ignore('the money was given back');
      if (event.refundsUnderWay) return ignore('another refund is under way');
      return move('open');
  }
}

/** The journal's value for an alert state. */
export function alertOf(state: LateAlertState): PaymentRecord['lateAlert'] {
  return state === 'none' ? null : state;
}
