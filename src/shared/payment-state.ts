/**
 * States of a payment in the journal. `unknown`: a request was sent and its outcome
 * is not known yet; it is reconciled by status, never treated as failed.
 */
export const PAYMENT_STATES = [
  'created',
  'requested',
  'awaiting_customer',
  'succeeded',
  'declined',
  'rejected',
  'unknown',
  'partially_refunded',
  'refunded',
  /** A Payment Page link the customer never paid before it expired (nothing was charged). */
  'expired',
] as const;

/** One of the payment states. */
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** States in which Gate may still change the outcome: tracked, polled, recovered at start-up. */
export const OPEN_STATES: readonly PaymentState[] = [
  'created',
  'requested',
  'awaiting_customer',
  'unknown',
];

/** True when nothing more is expected for the purchase itself. */
export function isSettled(state: PaymentState): boolean {
  return !OPEN_STATES.includes(state);
}

/** True when the customer's money moved (refunds aside). */
export function isPaid(state: PaymentState): boolean {
  return state === 'succeeded' || state === 'partially_refunded' || state === 'refunded';
}
