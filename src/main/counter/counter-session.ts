import { isSettled } from '../../shared/payment-state';
import type { Journal } from '../journal/journal';
import type { PaymentRecord } from '../journal/payment-record';

const ACTIVE_KEY = 'active_payment';

/**
 * Which sale is on the counter's screens. Kept in the journal, so that after a restart the
 * cashier sees the same sale (an unknown outcome turns into its result in place).
 */
export class CounterSession {
  constructor(
    private readonly journal: Journal,
    private readonly now: () => number = Date.now,
  ) {}

  /** The payment on screen, if any. */
  activeId(): string | undefined {
    return this.journal.getCounterState(ACTIVE_KEY);
  }

  /** Puts a payment on screen (or clears the screens with undefined). */
  setActive(paymentId: string | undefined): void {
    this.journal.setCounterState(ACTIVE_KEY, paymentId);
  }

  /**
   * Whether the cashier may move on from this payment to a new sale. A QR the customer may still
   * scan must be cancelled first; everything else (a result, an expired QR, an unknown outcome
   * being reconciled, a QR that cannot be shown) may be left, and is still tracked.
   */
  canLeave(payment: PaymentRecord): boolean {
    if (isSettled(payment.state) || payment.cancelledAt !== null || payment.state === 'unknown')
      return true;
    if (payment.qr?.kind === 'unscannable') return true;
    return payment.qrExpiresAt !== null && this.now() >= payment.qrExpiresAt;
  }
}
