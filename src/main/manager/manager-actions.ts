import { said } from '../../shared/i18n/said';
import { parseAmount } from '../../shared/money';
import { err, ok, type ErrorCode, type Result } from '../../shared/result';
import { fail } from '../i18n/fail';
import type { Journal } from '../journal/journal';
import type { RefundRecord } from '../journal/refund-journal';
import type { Report } from '../journal/report-queries';
import type { RefundService } from '../payments/refund-service';
import type { ManagerPin, PinStatus } from './manager-pin';
import type { ManagerSession } from './manager-session';

/**
 * What only a manager may do, each allowed here in main (the screens only forward what was
 * typed): by the open manager session, or by the manager PIN typed with it. Refund, close the
 * day, change the PIN, or set a new one with the project's secret key when the old one cannot
 * be checked.
 */
export class ManagerActions {
  constructor(
    private readonly deps: {
      readonly journal: Journal;
      readonly pin: ManagerPin;
      readonly session: ManagerSession;
      readonly refunds: RefundService;
      /** Whether `secret` is the project's secret key (true), or why it cannot be told. */
      readonly secretMatches: (secret: string) => true | string;
      readonly now: () => number;
    },
  ) {}

  /**
   * Refunds an amount, as typed in the payment's currency, of a paid payment; the PIN may be left
   * out while the manager session is open.
   */
  async refund(request: {
    paymentId: string;
    amount: string;
    reason: string;
    pin?: string | undefined;
    /** Which manager typed the PIN, on a counter with staff. */
    staffId?: number | undefined;
  }): Promise<Result<RefundRecord, ErrorCode>> {
    const payment = this.deps.journal.get(request.paymentId);
    if (!payment)
      return fail('NOT_FOUND', said('manager.refund.noPayment', { paymentId: request.paymentId }));
    const minor = parseAmount(request.amount, payment.currency);
    if (!minor.ok) return minor;
    const allowed = await this.deps.session.authorize(
      request.pin,
      `refund ${request.paymentId}`,
      request.staffId,
    );
    if (!allowed.ok) return allowed;
    return this.deps.refunds.refund({
      paymentId: request.paymentId,
      amount: minor.value,
      reason: request.reason,
      actor: allowed.value.actor,
    });
  }

  /** Closes the day: the Z report, which cannot be undone (PIN or open session). */
  async closeDay(pin: string | undefined, staffId?: number): Promise<Result<Report, ErrorCode>> {
    const allowed = await this.deps.session.authorize(pin, 'close the day', staffId);
    if (!allowed.ok) return allowed;
    return { ok: true, value: this.deps.journal.closeDay(this.deps.now(), allowed.value.actor) };
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
    const proof = this.proveSecret(secret);
    return proof.ok ? this.deps.pin.reset(newPin, 'manager') : proof;
  }

  /**
   * Whether `secret` is the project's secret key (the proof a merchant gives to reset a forgotten
   * manager PIN), checked against the keychain's copy in constant time; a wrong key is audited.
   */
  proveSecret(secret: string): Result<void, ErrorCode> {
    const proof = this.deps.secretMatches(secret);
    if (proof === true) return ok(undefined);
    this.deps.journal.audit('manager', 'manager PIN reset refused', null, { why: proof });
    const words = proof.includes('not loaded')
      ? said('manager.pin.secretNotLoaded')
      : said('manager.pin.secretWrong');
    return err('PIN_INCORRECT', proof, words);
  }
}
