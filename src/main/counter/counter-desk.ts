import { said } from '../../shared/i18n/said';
import { err, ok, type ErrorCode, type Result } from '../../shared/result';
import type { PaymentRecord } from '../journal/payment-record';
import type { PaymentService } from '../payments/payment-service';
import type { CounterSession } from './counter-session';

/**
 * The sale on the counter's screens: one at a time. A new sale starts only when the one on
 * screen may be left (its QR can no longer be scanned); what the cashier does to a payment
 * (cancel, keep a late one) goes through the payment service, and the screens hear of it.
 */
export class CounterDesk {
  constructor(
    private readonly deps: {
      readonly payments: PaymentService;
      readonly session: CounterSession;
      /** The sale on screen changed. */
      readonly changed: () => void;
    },
  ) {}

  /** Charges an amount as the new sale on screen. */
  async charge(amount: string, currency: string): Promise<Result<PaymentRecord, ErrorCode>> {
    const busy = this.busy('cancel it before starting another');
    if (busy) return busy;
    const result = await this.deps.payments.charge(amount, currency, {
      onCreated: (created) => this.show(created.id),
    });
    return result.ok ? ok(this.deps.payments.get(result.value.id)!) : result;
  }

  /** Takes the sale on screen again as a Payment Page link (its Gate QR cannot be scanned). */
  async retryAsLink(paymentId: string): Promise<Result<PaymentRecord, ErrorCode>> {
    if (this.deps.session.activeId() !== paymentId)
      return err(
        'INVALID_STATE',
        `Payment ${paymentId} is not the sale on the counter.`,
        said('cashier.error.notOnCounter'),
      );
    const result = await this.deps.payments.retryAsLink(paymentId, (created) =>
      this.show(created.id),
    );
    return result.ok ? ok(this.deps.payments.get(result.value.id)!) : result;
  }

  /** The cashier gives up on a payment (it is still tracked to its end). */
  cancel(paymentId: string): Result<PaymentRecord, ErrorCode> {
    return this.changedIf(this.deps.payments.cancel(paymentId));
  }

  /** The cashier keeps a late payment. */
  keepLate(paymentId: string): Result<PaymentRecord, ErrorCode> {
    return this.changedIf(this.deps.payments.keepLate(paymentId));
  }

  /** Clears the screens for the next sale. */
  newSale(): Result<void, ErrorCode> {
    const busy = this.busy('cancel it first');
    if (busy) return busy;
    this.show(undefined);
    return ok(undefined);
  }

  /** The sale on screen, if the cashier may not leave it yet. */
  private busy(what: string): Result<never, ErrorCode> | undefined {
    const activeId = this.deps.session.activeId();
    const active = activeId ? this.deps.payments.get(activeId) : undefined;
    if (active && !this.deps.session.canLeave(active))
      return err(
        'BUSY',
        `Sale ${active.id} is still waiting for the customer: ${what}.`,
        said('cashier.error.busy'),
      );
    return undefined;
  }

  private show(paymentId: string | undefined): void {
    this.deps.session.setActive(paymentId);
    this.deps.changed();
  }

  private changedIf<T>(result: Result<T, ErrorCode>): Result<T, ErrorCode> {
    if (result.ok) this.deps.changed();
    return result;
  }
}
