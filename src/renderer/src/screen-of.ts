import type { PaymentView } from '../../shared/ipc/views';

/** Which cashier screen a payment puts on the counter. */
export type CashierScreen =
  | 'sale'
  | 'sending'
  | 'waiting'
  | 'expired'
  | 'unknown'
  | 'paid'
  | 'declined'
  | 'rejected'
  | 'cancelled';

/**
 * The screen for the payment on the counter at time `now`. Cancel keeps tracking, so a cancelled
 * payment that succeeds shows as paid (with the late-payment alert on top).
 */
export function screenOf(payment: PaymentView | null, now: number): CashierScreen {
  if (!payment) return 'sale';
  switch (payment.state) {
    case 'succeeded':
    case 'partially_refunded':
    case 'refunded':
      return 'paid';
    case 'declined':
      return payment.cancelledAt !== null ? 'cancelled' : 'declined';
    case 'rejected':
      return payment.cancelledAt !== null ? 'cancelled' : 'rejected';
    case 'created':
      return payment.cancelledAt !== null ? 'cancelled' : 'sending';
    case 'unknown':
      return payment.cancelledAt !== null ? 'cancelled' : 'unknown';
    case 'expired':
      return payment.cancelledAt !== null ? 'cancelled' : 'expired';
    case 'requested':
    case 'awaiting_customer':
      if (payment.cancelledAt !== null) return 'cancelled';
      if (payment.qrExpiresAt !== null && now >= payment.qrExpiresAt) return 'expired';
      return 'waiting';
  }
}

/** Whole seconds left on the QR (rounded); undefined when Gate gave no lifetime. */
export function secondsLeft(payment: PaymentView | null, now: number): number | undefined {
  if (!payment || payment.qrExpiresAt === null) return undefined;
  return Math.max(0, Math.round((payment.qrExpiresAt - now) / 1000));
}

/** "9:41" */
export function mmss(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
