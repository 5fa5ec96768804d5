import { said, type Said } from '../../shared/i18n/said';
import { isCurrency } from '../../shared/money';
import { isSettled } from '../../shared/payment-state';
import { err, ok, type ErrorCode, type Result } from '../../shared/result';
import {
  customerInstructions,
  describeGateError,
  purchaseOutcome,
  type GateError,
  type GateStatus,
} from '../gate';
import type { PaymentRecord } from '../journal/payment-record';
import { createLogger } from '../logging/logger';
import { amountMismatch } from './callback-application';
import type { ReconcilerDeps } from './polled-service';
import { gateWord, type PaymentTransitions } from './payment-transitions';
import { customerQr, type CustomerQrDeps } from './customer-qr';
import { DEFAULT_NOT_FOUND_GRACE_MS } from './sale-state-machine';
import { DEFAULT_POLL_SCHEDULE, type PollSchedule } from './status-poll-schedule';

const log = createLogger('payments');

/** How often a Payment Page payment is asked about while its link can be paid. */
export const PAYMENT_PAGE_POLL_MS = 5000;

/** An expired link is polled up to this many times less often than a live one (5 s → 1 min). */
const EXPIRED_LINK_BACKOFF = 12;

/** What Gate's answers say about the connection itself, for the cashier's banner. */
export type GateAnswerHealth =
  /** A signed answer verified: the secret key and Gate agree. */
  | { readonly ok: true }
  /** Gate's answers fail the signature check, or Gate refuses the counter's own signature. */
  | { readonly ok: false; readonly message: Said };

/** What reconciling by status needs. */
export interface StatusReconcilerDeps extends CustomerQrDeps, ReconcilerDeps<PaymentTransitions> {
  readonly pollSchedule?: Partial<Omit<PollSchedule, 'thresholdMs'>>;
  readonly paymentPagePollMs?: number;
  /** Told what each status answer says about the signature (a banner on the cashier's screen). */
  readonly onAnswerHealth?: (health: GateAnswerHealth) => void;
}

/**
 * Status polling and start-up recovery: asks Gate about unfinished payments
 * and applies the answers through the state machine; keeps watching expired links for the
 * threshold time, since a customer who confirmed at the last second can still be charged.
 */
export class StatusReconciler {
  constructor(private readonly deps: StatusReconcilerDeps) {}

  private get grace(): number {
    return this.deps.notFoundGraceMs ?? DEFAULT_NOT_FOUND_GRACE_MS;
  }

  /** When to ask about a payment: Gate QR sales back off; a live link is asked every 5 s. */
  schedule(paymentId: string): PollSchedule {
    const threshold = this.deps.settings().thresholdSeconds * 1000;
    const payment = this.deps.journal.get(paymentId);
    // A Payment Page link has no callback to wait for: polling is how the result arrives.
    // After it expired, it is asked about less and less often (from the expiry on).
    if (payment?.mode === 'payment_page') {
      const every = this.deps.paymentPagePollMs ?? PAYMENT_PAGE_POLL_MS;
      if (payment.state === 'expired')
        return {
          firstAfterMs: every,
          maxIntervalMs: every * EXPIRED_LINK_BACKOFF,
          thresholdMs: threshold,
        };
      // A link may live longer than the threshold time: keep asking until it has expired.
      const untilExpired =
        (payment.qrExpiresAt ?? payment.createdAt) - payment.createdAt + this.grace + every;
      return {
        firstAfterMs: every,
        maxIntervalMs: every,
        thresholdMs: Math.max(threshold, untilExpired),
      };
    }
    return { ...DEFAULT_POLL_SCHEDULE, ...this.deps.pollSchedule, thresholdMs: threshold };
  }

  /** Asks Gate about one payment and applies the answer (the poller calls this). */
  async pollOnce(paymentId: string): Promise<void> {
    const payment = this.deps.journal.get(paymentId);
    if (!payment || (isSettled(payment.state) && !this.watchesExpiredLink(payment))) {
      this.deps.tracker.untrack(paymentId);
      return;
    }
    // Another project's payment (the project was changed since) is not this client's to ask
    // about: its "not found" would wrongly settle it. It stays open until that project is back.
    if (payment.projectId !== this.deps.settings().projectId) {
      log.warn('payment of another project left open', {
        paymentId,
        projectId: payment.projectId,
      });
      return;
    }
    const access = this.deps.statusGate();
    if (!access.ok) return;
    const answer = await access.value.status(paymentId);
    if (!answer.ok) {
      this.reportTrouble(answer.error);
      log.warn('status request failed', { paymentId, error: describeGateError(answer.error) });
      return;
    }
    if (!answer.value.found) {
      this.notFound(payment, answer.value.code, answer.value.message);
      return;
    }
    this.deps.onAnswerHealth?.({ ok: true });
    await this.applyStatus(payment, answer.value.status);
  }

  /**
   * Follows a payment made elsewhere (another terminal, an earlier run of the command line):
   * journaled as it is, with the amount Gate reports, then settled by one status request
   * through the same state machine as the counter's own sales.
   */
  async adopt(
    paymentId: string,
    sum: { readonly amount: number; readonly currency: string },
  ): Promise<Result<PaymentRecord, ErrorCode>> {
    const settings = this.deps.settings();
    if (settings.projectId === null)
      return err('NOT_CONFIGURED', 'Enter the ecommpay project id in Settings.');
    const currency = sum.currency;
    if (!isCurrency(currency))
      return err(
        'INVALID_INPUT',
        `Gate reports payment ${paymentId} in ${currency}, not an Alipay currency.`,
      );
    if (!this.deps.journal.get(paymentId))
      this.deps.journal.create(
        {
          id: paymentId,
          projectId: settings.projectId,
          terminalId: settings.terminalId,
          amount: sum.amount,
          currency,
          createdAt: this.deps.now(),
          mode: 'gate_qr',
        },
        'followed from Gate',
      );
    await this.pollOnce(paymentId);
    return ok(this.deps.journal.get(paymentId)!);
  }

  /**
   * Re-tracks every unfinished payment after a start: each is asked about
   * right away (or at 10 s after its request if that is later), then on the schedule.
   */
  recover(): PaymentRecord[] {
    const { journal, tracker } = this.deps;
    const open = journal.openPayments();
    for (const payment of open) tracker.track(payment.id, payment.createdAt);
    // An expired link is watched for the threshold time after its expiry: anything created
    // longer ago than a link's lifetime, the grace, and the threshold (with a day to spare, as
    // the settings may have changed since) is no longer watched.
    const settings = this.deps.settings();
    const since =
      this.deps.now() -
      (settings.paymentPageLifetimeSeconds + settings.thresholdSeconds + 24 * 3600) * 1000 -
      this.grace;
    for (const link of journal.expiredLinksCreatedSince(since)) {
      if (this.watchesExpiredLink(link)) tracker.track(link.id, expiredAt(link));
    }
    if (open.length > 0) log.info('recovering unfinished payments', { count: open.length });
    return open;
  }

  /** "3061 Transaction not found": what it means depends on the purchase mode and the time. */
  private notFound(payment: PaymentRecord, code: string, message: string): void {
    const now = this.deps.now();
    if (payment.mode === 'payment_page') {
      // The customer has not confirmed the form yet. Once the link's lifetime (and the grace
      // period) is over, the payment expires: nothing was charged. No qrExpiresAt: the counter
      // stopped before the link was journaled, so it was never shown and nobody can pay it.
      if (now >= (payment.qrExpiresAt ?? payment.createdAt) + this.grace) {
        this.deps.transitions.apply(
          payment.id,
          { type: 'link_expired' },
          'Payment Page link expired unpaid',
          {
            gateCode: code,
            gateMessage: 'The customer did not pay before the link expired; nothing was charged.',
          },
          gateWord('status'),
        );
      }
      return;
    }
    const conclusive = now - payment.createdAt >= this.grace;
    this.deps.transitions.apply(
      payment.id,
      { type: 'not_found', conclusive },
      'status: Gate has no record of the sale',
      {
        gateCode: code,
        gateMessage: `Gate has no record of this sale (${code} ${message}); nothing was charged.`,
      },
      gateWord('status'),
    );
  }

  private async applyStatus(payment: PaymentRecord, status: GateStatus): Promise<void> {
    const { journal, transitions } = this.deps;
    // Errors beside a payment ("not registered" and the like): not an answer to act on.
    if (status.errors !== undefined && status.errors.length > 0) {
      log.warn('status answer with errors left unapplied', {
        paymentId: payment.id,
        errors: status.errors.length,
      });
      return;
    }
    const sale = status.operations.find((op) => op.type === 'sale');
    // The purchase amount is the payment's sum, or (Gate left it out) its sale operation's.
    const mismatch = amountMismatch(payment, status.payment.sum ?? sale?.sum_initial);
    if (mismatch) {
      journal.audit('gate', 'status amount mismatch', payment.id, { mismatch });
      log.error('status does not match the payment', { paymentId: payment.id, mismatch });
      return;
    }
    const outcome = purchaseOutcome(status.payment.status);
    if (outcome) {
      const code = sale?.code ?? '';
      const message = sale?.message || `Gate ended the payment: ${status.payment.status}`;
      transitions.apply(
        payment.id,
        { type: 'final', outcome, code, message },
        `status: ${status.payment.status}`,
        { gateCode: code, gateMessage: message },
        gateWord('status', sale?.id),
      );
      return;
    }
    // Still open at Gate. If the intermediate callback never arrived (the usual case for a
    // counter Gate cannot reach), the answer's QR brings it to both screens.
    const instructions = payment.qr === null ? customerInstructions(status) : undefined;
    if (instructions) {
      const settings = this.deps.settings();
      const { qr } = await customerQr(payment, instructions, status, settings, this.deps);
      // Its lifetime runs from when Gate made it, shortly after the sale: counted from the sale,
      // the countdown never shows a QR as valid after it expired.
      const qrExpiresAt =
        instructions.qrTimeoutSeconds !== undefined
          ? payment.createdAt + instructions.qrTimeoutSeconds * 1000
          : null;
      transitions.apply(
        payment.id,
        { type: 'customer_instructions', qr, qrExpiresAt, firstQr: payment.qr === null },
        `status: ${status.payment.status}, QR from the status answer`,
        { qr, qrExpiresAt },
      );
      return;
    }
    transitions.apply(payment.id, { type: 'still_processing' }, `status: ${status.payment.status}`);
  }

  /** Status answers Gate signs wrongly, or refusals of our signature, go to the banner. */
  private reportTrouble(error: GateError): void {
    const report = this.deps.onAnswerHealth;
    if (!report) return;
    if (error.kind === 'unverified')
      report({ ok: false, message: said('cashier.banner.gateUnverified') });
    // Gate's own code and words go to the log (pollOnce); the banner says what they mean.
    else if (error.kind === 'rejected' && (error.code === '3261' || error.code === '3262'))
      report({ ok: false, message: said('cashier.banner.gateRefusesKey') });
  }

  /**
   * An expired Payment Page link is still asked about until the threshold time after its
   * expiry: Gate may report a payment the customer confirmed just before best_before, and with
   * no callback path polling is the only way to learn of it (then the late alert is raised).
   */
  watchesExpiredLink(payment: PaymentRecord): boolean {
    if (payment.state !== 'expired' || payment.mode !== 'payment_page') return false;
    return this.deps.now() < expiredAt(payment) + this.deps.settings().thresholdSeconds * 1000;
  }
}

/** When the link was settled as expired (the watch runs from then). */
function expiredAt(payment: PaymentRecord): number {
  return payment.settledAt ?? payment.qrExpiresAt ?? payment.createdAt;
}
