import { parseAmount } from '../../shared/money';
import { err, type ErrorCode, type Result } from '../../shared/result';
import type { Journal } from '../journal/journal';
import type { RefundRecord } from '../journal/refund-journal';
import type { Report } from '../journal/report-queries';
import type { RefundService } from '../payments/refund-service';
import type { ManagerPin, PinStatus } from './manager-pin';

/**
 * What only a manager may do, each under the manager PIN checked here in main (the screens only
 * forward what was typed): refund, close the day, change the PIN, or set a new one with the
 * project's secret key when the old one cannot be checked.
 */
export class ManagerActions {
  constructor(
    private readonly deps: {
      readonly journal: Journal;
      readonly pin: ManagerPin;
      readonly refunds: RefundService;
      /** Whether `secret` is the project's secret key (true), or why it cannot be told. */
      readonly secretMatches: (secret: string) => true | string;
      readonly now: () => number;
    },
  ) {}

  /** Refunds an amount, as typed in the payment's currency, of a paid payment. */
  async refund(request: {
    paymentId: string;
    amount: string;
    reason: string;
    pin: string;
  }): Promise<Result<RefundRecord, ErrorCode>> {
    const payment = this.deps.journal.get(request.paymentId);
    if (!payment) return err('NOT_FOUND', `No payment ${request.paymentId}.`);
    const minor = parseAmount(request.amount, payment.currency);
    if (!minor.ok) return minor;
    const allowed = await this.deps.pin.check(request.pin, `refund ${request.paymentId}`);
    if (!allowed.ok) return allowed;
    return this.deps.refunds.refund({
      paymentId: request.paymentId,
      amount: minor.value,
      reason: request.reason,
      actor: 'manager',
    });
  }

  /** Closes the day: the Z report, which cannot be undone. */
  async closeDay(pin: string): Promise<Result<Report, ErrorCode>> {
    const allowed = await this.deps.pin.check(pin, 'close the day');
    if (!allowed.ok) return allowed;
    return { ok: true, value: this.deps.journal.closeDay(this.deps.now(), 'manager') };
  }

  /** Sets the PIN: the first time freely, afterwards only with the current one. */
  setPin(newPin: string, currentPin: string | undefined): Promise<Result<PinStatus, ErrorCode>> {
    return this.deps.pin.set(newPin, currentPin, 'manager');
  }

  /**
   * Sets a new PIN for whoever holds the project's secret key (the merchant, from ecommpay's
   * Dashboard), checked against the keychain's copy in constant time; a wrong key is audited.
   */
  async resetPin(secret: string, newPin: string): Promise<Result<PinStatus, ErrorCode>> {
    const proof = this.deps.secretMatches(secret);
    if (proof !== true) {
      this.deps.journal.audit('manager', 'manager PIN reset refused', null, { why: proof });
      return err('PIN_INCORRECT', proof);
    }
    return this.deps.pin.reset(newPin, 'manager');
  }
}
