import { err, ok, type ErrorCode, type Result } from '../../shared/result';
import { parsePurchaseAmount, type Currency } from '../../shared/money';
import { isSettled } from '../../shared/payment-state';
import type { QrView } from '../../shared/ipc/views';
import {
  bestBeforeText,
  customerInstructions,
  describeGateError,
  finalOutcome,
  outcomeUnknown,
  purchaseOutcome,
  REFUND_OPERATION_TYPES,
  type GateCallback,
  type GateClient,
  type GateStatus,
} from '../gate';
import type { ReceivedCallback } from '../callbacks/callback-listener';
import { StaleStateError, type Journal } from '../journal/journal';
import type { PaymentPatch, PaymentRecord, PurchaseMode } from '../journal/payment-record';
import { createLogger } from '../logging/logger';
import type { Settings } from '../settings/settings';
import { PaymentEventBus } from './payment-events';
import { newPaymentId } from './payment-id';
import { fetchQrImage, qrViewOf } from './qr-view';
import { decide, DEFAULT_NOT_FOUND_GRACE_MS, type SaleEvent } from './sale-state-machine';
import { StatusPoller } from './status-poller';
import { DEFAULT_POLL_SCHEDULE, type PollSchedule } from './status-poll-schedule';

const log = createLogger('payments');

/** Points in a sale where tests may stop the process (crash tests); no effect otherwise. */
export type SaleStep =
  | 'journal-created'
  | 'response-received'
  | 'ack-recorded'
  | 'intermediate-recorded'
  | 'final-received'
  | 'final-recorded';

/** The Gate client, or why there is none (not configured, keychain unavailable). */
export type GateAccess = Result<GateClient, 'NOT_CONFIGURED' | 'KEYCHAIN_UNAVAILABLE'>;

/** What the payment service needs from the rest of main. */
export interface PaymentServiceDeps {
  readonly journal: Journal;
  readonly gate: () => GateAccess;
  /** The client for status requests (defaults to `gate`): allowed while only a non-Gate address is wrong. */
  readonly statusGate?: () => GateAccess;
  readonly settings: () => Settings;
  /** The URL Gate should send this sale's callbacks to (merchant_callback_url). */
  readonly callbackUrl: () => string | undefined;
  /** True when the payment is the one on the counter's screen (else a late success alerts). */
  readonly isOnScreen: (paymentId: string) => boolean;
  readonly fetchImage?: (url: string) => Promise<QrView>;
  /** Overrides of the status poll schedule (tests run it in milliseconds). */
  readonly pollSchedule?: Partial<Omit<PollSchedule, 'thresholdMs'>>;
  readonly now?: () => number;
  /** How long after a sale "not found" still means "not yet" (60 s; tests shorten it). */
  readonly notFoundGraceMs?: number;
  readonly onStep?: (step: SaleStep, paymentId: string) => void;
  /** Where refund callbacks go (the refund service). */
  readonly onRefundCallback?: (callback: GateCallback) => string;
  /** How this counter takes the next sale: Gate QR, or a Payment Page link (issue 5). */
  readonly purchaseMode?: () => PurchaseMode;
  /** Signs a Payment Page link with the project secret. */
  readonly paymentPageLink?: (params: Record<string, string | number>) => Result<string, ErrorCode>;
  /** Status polling interval for Payment Page payments (5 s; tests shorten it). */
  readonly paymentPagePollMs?: number;
}

/** How often a Payment Page payment is asked about while its link can be paid. */
export const PAYMENT_PAGE_POLL_MS = 5000;

/** An expired link is polled up to this many times less often than a live one (5 s → 1 min). */
const EXPIRED_LINK_BACKOFF = 12;

/**
 * The money path (DESIGN §3): journal first, then Gate; callbacks and status answers applied
 * through the state machine, idempotently, after checking amount and currency; unfinished
 * payments polled and recovered. Every change is a journal transition before it is an event.
 */
export class PaymentService {
  readonly events = new PaymentEventBus();
  private readonly poller: StatusPoller;
  private readonly now: () => number;

  constructor(private readonly deps: PaymentServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.poller = new StatusPoller(
      (id) => {
        const threshold = deps.settings().thresholdSeconds * 1000;
        const payment = this.get(id);
        // A Payment Page link has no callback to wait for: polling is how the result arrives.
        // After it expired, it is asked about less and less often (from the expiry on).
        if (payment?.mode === 'payment_page') {
          const every = deps.paymentPagePollMs ?? PAYMENT_PAGE_POLL_MS;
          if (payment.state === 'expired')
            return {
              firstAfterMs: every,
              maxIntervalMs: every * EXPIRED_LINK_BACKOFF,
              thresholdMs: threshold,
            };
          // A link may live longer than the threshold time: keep asking until it has expired.
          const grace = deps.notFoundGraceMs ?? DEFAULT_NOT_FOUND_GRACE_MS;
          const untilExpired =
            (payment.qrExpiresAt ?? payment.createdAt) - payment.createdAt + grace + every;
          return {
            firstAfterMs: every,
            maxIntervalMs: every,
            thresholdMs: Math.max(threshold, untilExpired),
          };
        }
        return { ...DEFAULT_POLL_SCHEDULE, ...deps.pollSchedule, thresholdMs: threshold };
      },
      (id) => this.pollOnce(id),
      this.now,
    );
  }

  /** A payment by id. */
  get(paymentId: string): PaymentRecord | undefined {
    return this.deps.journal.get(paymentId);
  }

  /**
   * Charges an amount: validates it (nothing is sent for a bad amount), journals the payment,
   * then sends the sale once. `onCreated` runs as soon as the payment is journaled (the screens
   * show it while Gate answers). Resolves with the payment as it stands after Gate's answer.
   */
  async charge(
    amountText: string,
    currencyText: string,
    onCreated: (payment: PaymentRecord) => void = () => {},
  ): Promise<Result<PaymentRecord, ErrorCode>> {
    const money = parsePurchaseAmount(amountText, currencyText);
    if (!money.ok) return money;
    const access = this.deps.gate();
    if (!access.ok) return access;
    const settings = this.deps.settings();
    if (settings.projectId === null)
      return err('NOT_CONFIGURED', 'Enter the ecommpay project id in Settings.');
    const callbackUrl = this.deps.callbackUrl();

    if (this.deps.purchaseMode?.() === 'payment_page') {
      const created = this.journalNewSale(
        { ...money.value, projectId: settings.projectId, mode: 'payment_page' },
        'cashier pressed Charge (Payment Page link)',
        onCreated,
      );
      return this.showLink(created, settings, callbackUrl);
    }
    const created = this.journalNewSale(
      { ...money.value, projectId: settings.projectId, mode: 'gate_qr' },
      'cashier pressed Charge',
      onCreated,
    );
    const id = created.id;
    this.poller.track(id, created.createdAt);

    const answer = await access.value.sale({
      paymentId: id,
      amount: created.amount,
      currency: created.currency,
      description: `${settings.merchantName || 'Alipay Counter'} ${settings.terminalId} sale`,
      customerId: `counter-${settings.terminalId}`,
      customerIp: '127.0.0.1',
      ...(callbackUrl ? { callbackUrl } : {}),
    });
    this.step('response-received', id);
    if (answer.ok) {
      this.apply(
        id,
        { type: 'acknowledged', requestId: answer.value.request_id },
        'Gate acknowledged the sale',
        { requestId: answer.value.request_id },
      );
      this.step('ack-recorded', id);
    } else if (answer.error.kind === 'rejected' && answer.error.code !== '3041') {
      const { code, message } = answer.error;
      this.apply(id, { type: 'rejected', code, message }, 'Gate rejected the sale', {
        gateCode: code,
        gateMessage: message,
      });
    } else if (answer.error.kind === 'network') {
      // The connection was never made: nothing reached Gate, so nothing can have been charged.
      this.apply(
        id,
        { type: 'rejected', code: 'NETWORK', message: describeGateError(answer.error) },
        'sale request could not be sent',
        {
          gateCode: 'NETWORK',
          gateMessage: describeGateError(answer.error),
        },
      );
    } else {
      // Timeout, cut connection, 5xx, garbage, or "3041 already exists" for our own fresh id:
      // Gate may hold the payment. Never send again; the status answer settles it.
      const reason = outcomeUnknown(answer.error)
        ? describeGateError(answer.error)
        : `${answer.error.kind}: ${describeGateError(answer.error)}`;
      this.apply(id, { type: 'outcome_unknown', reason }, 'sale outcome unknown', {
        gateMessage: reason,
      });
    }
    return ok(this.get(id)!);
  }

  /** Writes a new sale to the journal (before anything reaches Gate or the customer). */
  private journalNewSale(
    sale: { amount: number; currency: Currency; projectId: number; mode: PurchaseMode },
    cause: string,
    onCreated: (payment: PaymentRecord) => void,
  ): PaymentRecord {
    const terminalId = this.deps.settings().terminalId;
    const created = this.deps.journal.create(
      {
        ...sale,
        id: newPaymentId(terminalId, new Date(this.now())),
        terminalId,
        createdAt: this.now(),
      },
      cause,
    );
    onCreated(created);
    this.emit(created);
    this.step('journal-created', created.id);
    return created;
  }

  /**
   * Payment Page link mode (DESIGN §7), after the journal: a signed link with a best_before at
   * the end of the payment's lifetime, shown as the QR. Nothing is sent to Gate: the payment
   * exists there only once the customer confirms the form, and polling learns the result.
   */
  private showLink(
    created: PaymentRecord,
    settings: Settings,
    callbackUrl: string | undefined,
  ): Result<PaymentRecord, ErrorCode> {
    const id = created.id;
    const expiresAt = this.now() + settings.paymentPageLifetimeSeconds * 1000;
    const link =
      this.deps.paymentPageLink?.({
        project_id: created.projectId,
        payment_id: id,
        payment_amount: created.amount,
        payment_currency: created.currency,
        customer_id: `counter-${settings.terminalId}`,
        language_code: 'zh',
        force_payment_method: 'alipay',
        best_before: bestBeforeText(expiresAt),
        ...(callbackUrl ? { merchant_callback_url: callbackUrl } : {}),
      }) ?? err('NOT_CONFIGURED', 'Payment Page links are not available.');
    if (!link.ok) {
      this.apply(
        id,
        { type: 'rejected', code: link.error.code, message: link.error.message },
        'Payment Page link refused',
        {
          gateCode: link.error.code,
          gateMessage: link.error.message,
        },
      );
      return ok(this.get(id)!);
    }
    this.apply(
      id,
      {
        type: 'customer_instructions',
        qr: { kind: 'text', text: link.value },
        qrExpiresAt: expiresAt,
      },
      'Payment Page link shown as the QR',
      {
        qr: { kind: 'text', text: link.value },
        qrExpiresAt: expiresAt,
      },
    );
    this.poller.track(id, created.createdAt);
    return ok(this.get(id)!);
  }

  /**
   * The cashier gives up: the screens stop showing the QR, but the payment is still tracked to
   * its final state (a success afterwards raises the late-payment alert).
   */
  cancel(paymentId: string): Result<PaymentRecord, ErrorCode> {
    const payment = this.get(paymentId);
    if (!payment) return err('NOT_FOUND', `No payment ${paymentId}.`);
    if (isSettled(payment.state))
      return err(
        'INVALID_STATE',
        `Payment ${paymentId} is already ${payment.state}; there is nothing to cancel.`,
      );
    if (payment.cancelledAt !== null) return ok(payment);
    const record = this.deps.journal.transition(
      paymentId,
      payment.state,
      payment.state,
      'cashier cancelled; still tracking',
      { cancelledAt: this.now() },
    );
    this.deps.journal.audit('cashier', 'sale cancelled', paymentId, {
      state: payment.state,
      amount: payment.amount,
      currency: payment.currency,
    });
    this.emit(record);
    return ok(record);
  }

  /** The cashier keeps a late payment: it stays paid and the alert closes. */
  keepLate(paymentId: string): Result<PaymentRecord, ErrorCode> {
    const payment = this.get(paymentId);
    if (!payment) return err('NOT_FOUND', `No payment ${paymentId}.`);
    if (payment.lateAlert !== 'open')
      return err('INVALID_STATE', `Payment ${paymentId} has no late-payment alert open.`);
    const record = this.deps.journal.transition(
      paymentId,
      payment.state,
      payment.state,
      'cashier kept the late payment',
      { lateAlert: 'kept' },
    );
    this.deps.journal.audit('cashier', 'late payment kept', paymentId, {
      amount: payment.amount,
      currency: payment.currency,
    });
    this.emit(record);
    return ok(record);
  }

  /** Payments with a late-payment alert waiting for Keep or Refund. */
  openLateAlerts(): PaymentRecord[] {
    return this.deps.journal.openLateAlerts();
  }

  /**
   * Handles a callback from the listener: recorded first (a failure to record makes the listener
   * answer 500 so Gate delivers it again), then applied if it is verified, ours, and about the
   * amount and currency we charged.
   */
  async receiveCallback(received: ReceivedCallback): Promise<void> {
    const { parsed } = received;
    const paymentId = parsed.ok ? parsed.callback.payment.id : paymentIdIn(received.rawText);
    const entryId = this.deps.journal.recordCallback({
      receivedAt: received.receivedAt.getTime(),
      paymentId,
      verified: parsed.ok || parsed.problem === 'unsupported_shape',
      problem: parsed.ok ? null : `${parsed.problem}: ${parsed.message}`,
      outcome: parsed.ok ? null : 'ignored',
      remote: received.remoteAddress,
      raw: received.rawText,
    });
    if (!parsed.ok) {
      log.warn('callback refused', { problem: parsed.problem, message: parsed.message, paymentId });
      return;
    }
    const outcome = await this.applyCallback(parsed.callback);
    this.deps.journal.setCallbackOutcome(entryId, outcome);
  }

  private async applyCallback(callback: GateCallback): Promise<string> {
    const settings = this.deps.settings();
    if (callback.project_id !== undefined && callback.project_id !== String(settings.projectId)) {
      return `ignored: project ${callback.project_id} is not this counter's project`;
    }
    const payment = this.get(callback.payment.id);
    if (!payment) return 'ignored: unknown payment';
    if (callback.operation && REFUND_OPERATION_TYPES.has(callback.operation.type)) {
      return this.deps.onRefundCallback?.(callback) ?? 'ignored: refund operation';
    }
    if (callback.operation && callback.operation.type !== 'sale')
      return `ignored: ${callback.operation.type} operation`;
    const mismatch = amountMismatch(
      payment,
      callback.operation?.sum_initial ?? callback.payment.sum,
    );
    if (mismatch) {
      this.deps.journal.audit('gate', 'callback amount mismatch', payment.id, { mismatch });
      log.error('callback does not match the payment', { paymentId: payment.id, mismatch });
      return `refused: ${mismatch}`;
    }
    const status = callback.payment.status;
    const outcome = finalOutcome(status);
    if (outcome) {
      this.step('final-received', payment.id);
      const code = callback.operation?.code ?? '';
      const message = callback.operation?.message || `Gate ended the payment: ${status}`;
      const result = this.apply(
        payment.id,
        { type: 'final', outcome, code, message },
        `final callback: ${status}`,
        { gateCode: code, gateMessage: message },
        operationDetail(callback.operation?.id),
      );
      this.step('final-recorded', payment.id);
      return result;
    }
    const instructions = customerInstructions(callback);
    if (!instructions) return `ignored: status ${status} without QR`;
    const qr = await qrViewOf(instructions.qr, settings, this.deps.fetchImage ?? fetchQrImage);
    const qrExpiresAt =
      instructions.qrTimeoutSeconds !== undefined
        ? this.now() + instructions.qrTimeoutSeconds * 1000
        : null;
    const result = this.apply(
      payment.id,
      { type: 'customer_instructions', qr, qrExpiresAt },
      'intermediate callback: QR for the customer',
      { qr, qrExpiresAt },
    );
    this.step('intermediate-recorded', payment.id);
    return result;
  }

  /** Asks Gate about one payment and applies the answer (the poller calls this). */
  async pollOnce(paymentId: string): Promise<void> {
    const payment = this.get(paymentId);
    if (!payment || (isSettled(payment.state) && !this.watchesExpiredLink(payment))) {
      this.poller.untrack(paymentId);
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
    const access = (this.deps.statusGate ?? this.deps.gate)();
    if (!access.ok) return;
    const answer = await access.value.status(paymentId);
    if (!answer.ok) {
      log.warn('status request failed', { paymentId, error: describeGateError(answer.error) });
      return;
    }
    if (!answer.value.found && payment.mode === 'payment_page') {
      // "3061 Transaction not found": the customer has not confirmed the form yet. Once the
      // link's lifetime (and the grace period) is over, the payment expires: nothing was charged.
      // No qrExpiresAt: the counter stopped before the link was journaled, so it was never
      // shown and nobody can pay it; it expires after the grace period.
      const grace = this.deps.notFoundGraceMs ?? DEFAULT_NOT_FOUND_GRACE_MS;
      if (this.now() >= (payment.qrExpiresAt ?? payment.createdAt) + grace) {
        this.apply(paymentId, { type: 'link_expired' }, 'Payment Page link expired unpaid', {
          gateCode: answer.value.code,
          gateMessage: 'The customer did not pay before the link expired; nothing was charged.',
        });
      }
      return;
    }
    if (!answer.value.found) {
      const conclusive =
        this.now() - payment.createdAt >= (this.deps.notFoundGraceMs ?? DEFAULT_NOT_FOUND_GRACE_MS);
      this.apply(
        paymentId,
        { type: 'not_found', conclusive },
        'status: Gate has no record of the sale',
        {
          gateCode: answer.value.code,
          gateMessage: `Gate has no record of this sale (${answer.value.code} ${answer.value.message}); nothing was charged.`,
        },
      );
      return;
    }
    this.applyStatus(payment, answer.value.status);
  }

  private applyStatus(payment: PaymentRecord, status: GateStatus): void {
    // Errors beside a payment ("not registered" and the like): not an answer to act on.
    if (status.errors !== undefined && status.errors.length > 0) {
      log.warn('status answer with errors left unapplied', {
        paymentId: payment.id,
        errors: status.errors.length,
      });
      return;
    }
    const mismatch = amountMismatch(payment, status.payment.sum);
    if (mismatch) {
      this.deps.journal.audit('gate', 'status amount mismatch', payment.id, { mismatch });
      log.error('status does not match the payment', { paymentId: payment.id, mismatch });
      return;
    }
    const sale = status.operations.find((op) => op.type === 'sale');
    const outcome = purchaseOutcome(status.payment.status);
    if (outcome) {
      const code = sale?.code ?? '';
      const message = sale?.message || `Gate ended the payment: ${status.payment.status}`;
      this.apply(
        payment.id,
        { type: 'final', outcome, code, message },
        `status: ${status.payment.status}`,
        { gateCode: code, gateMessage: message },
        operationDetail(sale?.id),
      );
      return;
    }
    this.apply(payment.id, { type: 'still_processing' }, `status: ${status.payment.status}`);
  }

  /**
   * Re-tracks every unfinished payment after a start (DESIGN §3, recovery): each is asked about
   * right away (or at 10 s after its request if that is later), then on the schedule.
   */
  recover(): PaymentRecord[] {
    const open = this.deps.journal.openPayments();
    for (const payment of open) this.poller.track(payment.id, payment.createdAt);
    // An expired link is watched for the threshold time after its expiry: anything created
    // longer ago than a link's lifetime, the grace, and the threshold (with a day to spare, as
    // the settings may have changed since) is no longer watched.
    const settings = this.deps.settings();
    const since =
      this.now() -
      (settings.paymentPageLifetimeSeconds + settings.thresholdSeconds + 24 * 3600) * 1000 -
      (this.deps.notFoundGraceMs ?? DEFAULT_NOT_FOUND_GRACE_MS);
    for (const link of this.deps.journal.expiredLinksCreatedSince(since)) {
      if (this.watchesExpiredLink(link)) this.poller.track(link.id, this.expiredAt(link));
    }
    if (open.length > 0) log.info('recovering unfinished payments', { count: open.length });
    return open;
  }

  /**
   * An expired Payment Page link is still asked about until the threshold time after its
   * expiry: Gate may report a payment the customer confirmed just before best_before, and with
   * no callback path polling is the only way to learn of it (then the late alert is raised).
   */
  private watchesExpiredLink(payment: PaymentRecord): boolean {
    if (payment.state !== 'expired' || payment.mode !== 'payment_page') return false;
    return this.now() < this.expiredAt(payment) + this.deps.settings().thresholdSeconds * 1000;
  }

  /**
   * Whether the cashier was ever told this payment ended unpaid (declined, rejected, expired),
   * even if Gate reopened it since: a success now may come after the customer paid another way.
   */
  private endedUnpaidBefore(payment: PaymentRecord): boolean {
    if (isSettled(payment.state)) return true;
    return this.deps.journal.transitionsOf(payment.id).some((t) => isSettled(t.to));
  }

  /** When the link was settled as expired (the watch runs from then). */
  private expiredAt(payment: PaymentRecord): number {
    return payment.settledAt ?? payment.qrExpiresAt ?? payment.createdAt;
  }

  /** Stops polling (shutdown). Unfinished payments are recovered at the next start. */
  stop(): void {
    this.poller.stop();
  }

  /**
   * Feeds one event to the state machine and journals the result. Returns what was done, for
   * the callback inbox. Journal first, then the event; a late success raises the alert.
   */
  private apply(
    paymentId: string,
    event: SaleEvent,
    cause: string,
    patch: PaymentPatch = {},
    detail: Record<string, unknown> = {},
  ): string {
    for (let attempt = 0; attempt < 3; attempt++) {
      const payment = this.get(paymentId);
      if (!payment) return 'ignored: unknown payment';
      const decision = decide(payment.state, event);
      if (decision.kind === 'ignore') return `ignored: ${decision.reason}`;
      if (decision.kind === 'forbidden') {
        this.deps.journal.audit('gate', 'contradictory answer', paymentId, {
          state: payment.state,
          event: event.type,
          reason: decision.reason,
        });
        log.error('contradictory answer from Gate', {
          paymentId,
          state: payment.state,
          event: event.type,
        });
        return `refused: ${decision.reason}`;
      }
      // Late: the cashier gave up, moved on, or was told it ended unpaid (expired, rejected),
      // even if that screen is still up: the customer may already have paid another way.
      const late =
        decision.to === 'succeeded' &&
        (payment.cancelledAt !== null ||
          !this.deps.isOnScreen(paymentId) ||
          this.endedUnpaidBefore(payment));
      const fullPatch: PaymentPatch = late ? { ...patch, lateAlert: 'open' } : patch;
      try {
        const record = this.deps.journal.transition(
          paymentId,
          payment.state,
          decision.to,
          cause,
          fullPatch,
          { event: event.type, ...detail },
        );
        if (isSettled(record.state)) this.poller.untrack(paymentId);
        // Gate may reopen a payment we had settled (a rejected sale it processes after all).
        else this.poller.track(paymentId, record.createdAt);
        // A customer who confirmed at the last second can still be charged: keep asking.
        if (record.state === 'expired') this.poller.track(paymentId, this.now());
        this.emit(record);
        if (late) {
          this.deps.journal.audit('gate', 'late payment', paymentId, {
            amount: record.amount,
            currency: record.currency,
          });
          this.events.emit('late', record);
        }
        return `applied: ${payment.state} → ${record.state}`;
      } catch (error) {
        if (!(error instanceof StaleStateError)) throw error;
      }
    }
    return 'ignored: state kept changing';
  }

  private emit(record: PaymentRecord): void {
    this.events.emit('updated', record);
  }

  private step(step: SaleStep, paymentId: string): void {
    this.deps.onStep?.(step, paymentId);
  }
}

/** Why a callback's or status answer's sum does not match the journaled payment, if it does not. */
function amountMismatch(
  payment: PaymentRecord,
  sum: { amount: number; currency: string } | undefined,
): string | undefined {
  if (!sum) return 'Gate sent no amount to check';
  if (sum.amount !== payment.amount || sum.currency !== payment.currency) {
    return `Gate reports ${sum.amount} ${sum.currency}, the journal holds ${payment.amount} ${payment.currency}`;
  }
  return undefined;
}

/** Gate's operation id in a transition's detail (receipts print it), when Gate sent one. */
function operationDetail(operationId: string | undefined): Record<string, unknown> {
  return operationId === undefined ? {} : { operationId };
}

/** Best-effort payment id of an unverified callback, only to file it next to its payment. */
function paymentIdIn(raw: string): string | null {
  const match = /"payment"\s*:\s*\{[^{}]*?"id"\s*:\s*"([^"]{1,64})"/.exec(raw);
  return match?.[1] ?? null;
}
