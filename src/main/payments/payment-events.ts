import { EventEmitter } from 'node:events';
import type { PaymentRecord } from '../journal/payment-record';

/** What the payment service tells the rest of main. */
export interface PaymentEvents {
  /** A payment changed (state, QR, cancel, late alert ...). */
  updated: [PaymentRecord];
  /** A payment succeeded after the cashier gave up on it: Keep or Refund. */
  late: [PaymentRecord];
}

/** A typed event emitter for PaymentEvents. */
export class PaymentEventBus extends EventEmitter<PaymentEvents> {}
