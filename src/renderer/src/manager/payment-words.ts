import type { MessageArgs, MessageId } from '../../../shared/i18n/message-args';
import type { PaymentView, RefundView } from '../../../shared/ipc/views';

/** A message that takes no values. */
type PlainId = { [K in MessageId]: MessageArgs[K] extends undefined ? K : never }[MessageId];

const PAID: ReadonlyArray<PaymentView['state']> = ['succeeded', 'partially_refunded', 'refunded'];
const OPEN: ReadonlyArray<PaymentView['state']> = [
  'created',
  'requested',
  'awaiting_customer',
  'unknown',
];

/**
 * What a payment is, as the manager reads it: a sale the cashier cancelled reads Cancelled
 * (whatever Gate says later, unless the customer paid after all), else its state.
 */
export function statusOf(p: PaymentView): PaymentView['state'] | 'cancelled' {
  return p.cancelledAt !== null && !PAID.includes(p.state) ? 'cancelled' : p.state;
}

/** Its short label (History's Status column, the detail's Status). */
export function statusLabel(p: PaymentView): PlainId {
  return `manager.status.${statusOf(p)}`;
}

/** A payment the customer made after the cashier cancelled the sale. */
export const paidLate = (p: PaymentView): boolean => p.lateAlert !== null;

/** One plain sentence of what happened to the payment and whether anything is left to do. */
export function outcomeSentence(p: PaymentView): PlainId {
  if (p.lateAlert === 'open') return 'manager.outcome.lateOpen';
  if (p.lateAlert === 'kept') return 'manager.outcome.lateKept';
  if (p.lateAlert === 'refund_requested') return 'manager.outcome.lateRefund';
  const status = statusOf(p);
  if (status === 'cancelled')
    return OPEN.includes(p.state)
      ? 'manager.outcome.cancelledWatching'
      : 'manager.outcome.cancelled';
  if (OPEN.includes(status) && status !== 'unknown') return 'manager.outcome.open';
  return `manager.outcome.${status as Exclude<typeof status, 'created' | 'requested' | 'awaiting_customer'>}`;
}

/** A refund's state in a word. */
export function refundLabel(r: RefundView): PlainId {
  if (r.state === 'succeeded' || r.state === 'declined' || r.state === 'rejected')
    return `manager.refundState.${r.state}`;
  return 'manager.refundState.open';
}
