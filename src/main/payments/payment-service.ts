import { err, ok, type ErrorCode, type Result } from '../../shared/result';
import {
  effectiveLimits,
  isCurrency,
  parsePurchaseAmount,
  type Currency,
  type Money,
} from '../../shared/money';
import { isSettled } from '../../shared/payment-state';
import type { QrView } from '../../shared/ipc/views';
import type { GateCallback, GateClient } from '../gate';
import type { ReceivedCallback } from '../callbacks/callback-listener';
import type { Journal } from '../journal/journal';
import type { PaymentRecord, PurchaseMode } from '../journal/payment-record';
import type { Settings } from '../settings/settings';
import { CallbackApplication, type CallbackStep } from './callback-application';
import type { CustomerQrDeps } from './customer-qr';
import { sendGateSale, type GateSaleStep } from './gate-qr-sale';
import { PaymentEventBus } from './payment-events';
import { newPaymentId } from './payment-id';
import { showPaymentPageLink, type LinkSigner } from './payment-page-link';
import { PaymentTransitions } from './payment-transitions';
import { StatusPoller } from './status-poller';
import type { Applied } from './state-change';
import type { PollSchedule } from './status-poll-schedule';
import { StatusReconciler, type GateAnswerHealth } from './status-reconciler';

export { PAYMENT_PAGE_POLL_MS } from './status-reconciler';

/** How one sale is taken, beyond its amount. */
export interface SaleOptions {
  /** Runs as soon as the payment is journaled (the screens show it while Gate answers). */
  readonly onCreated?: (payment: PaymentRecord) => void;
  /** The payment id to use; a fresh one from the terminal id and the time by default. */
  readonly paymentId?: string;
  /** What Gate and the customer see as the purchase (`payment.description`). */
  readonly description?: string;
}

/** Points in a sale where tests may stop the process (crash tests); no effect otherwise. */
export type SaleStep = 'journal-created' | GateSaleStep | CallbackStep;

/** The Gate client, or why there is none (not configured, keychain unavailable). */
export type GateAccess = Result<GateClient, 'NOT_CONFIGURED' | 'KEYCHAIN_UNAVAILABLE'>;

/** What the payment service needs from the rest of main. */
export interface PaymentServiceDeps {
  readonly journal: Journal;
  readonly gate: () => GateAccess;
  /** The client for status requests (defaults to `gate`): allowed while only a non-Gate address is wrong. */
  readonly statusGate?: () => GateAccess;
  readonly settings: () => Settings;
  /** Why a new sale may not start (setup unfinished), checked before anything is journaled. */
  readonly canCharge?: () => Result<void, ErrorCode>;
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
  readonly onRefundCallback?: (callback: GateCallback) => Applied;
  /** How this counter takes the next sale: Gate QR, or a Payment Page link (issue 5). */
  readonly purchaseMode?: () => PurchaseMode;
  /** Signs a Payment Page link with the project secret. */
  readonly paymentPageLink?: LinkSigner;
  /** Status polling interval for Payment Page payments (5 s; tests shorten it). */
  readonly paymentPagePollMs?: number;
  /** What status answers say about signatures (the cashier's banner). */
  readonly onAnswerHealth?: (health: GateAnswerHealth) => void;
  /** Unverified callbacks recorded per source address and minute (30). */
  readonly unverifiedPerMinute?: number;
  /** Makes a POST redirect scannable through the callback relay (see customer-qr.ts). */
  readonly hostRedirect?: CustomerQrDeps['hostRedirect'];
}

/**
 * The money path (DESIGN §3), as one facade over its parts: a new sale is journaled first, then
 * goes out as a Gate QR sale (`gate-qr-sale.ts`) or a Payment Page link (`payment-page-link.ts`);
 * callbacks (`callback-application.ts`) and status answers (`status-reconciler.ts`) change it only
 * through `PaymentTransitions`, the one place the state machine decides.
 */
export class PaymentService {
  readonly events = new PaymentEventBus();
  private readonly poller: StatusPoller;
  private readonly now: () => number;
  private readonly transitions: PaymentTransitions;
  private readonly callbacks: CallbackApplication;
  private readonly reconciler: StatusReconciler;

  constructor(private readonly deps: PaymentServiceDeps) {
    this.now = deps.now ?? Date.now;
    const tracker = {
      track: (id: string, since: number) => this.poller.track(id, since),
      untrack: (id: string) => this.poller.untrack(id),
    };
    this.transitions = new PaymentTransitions({
      journal: deps.journal,
      events: this.events,
      tracker,
      isOnScreen: deps.isOnScreen,
      now: this.now,
    });
    this.callbacks = new CallbackApplication({
      journal: deps.journal,
      transitions: this.transitions,
      settings: deps.settings,
      now: this.now,
      ...(deps.fetchImage ? { fetchImage: deps.fetchImage } : {}),
      ...(deps.onRefundCallback ? { onRefundCallback: deps.onRefundCallback } : {}),
      ...(deps.unverifiedPerMinute !== undefined
        ? { unverifiedPerMinute: deps.unverifiedPerMinute }
        : {}),
      step: (step, id) => this.step(step, id),
      ...(deps.hostRedirect ? { hostRedirect: deps.hostRedirect } : {}),
    });
    this.reconciler = new StatusReconciler({
      journal: deps.journal,
      transitions: this.transitions,
      tracker,
      statusGate: deps.statusGate ?? deps.gate,
      settings: deps.settings,
      now: this.now,
      ...(deps.pollSchedule ? { pollSchedule: deps.pollSchedule } : {}),
      ...(deps.notFoundGraceMs !== undefined ? { notFoundGraceMs: deps.notFoundGraceMs } : {}),
      ...(deps.paymentPagePollMs !== undefined
        ? { paymentPagePollMs: deps.paymentPagePollMs }
        : {}),
      ...(deps.fetchImage ? { fetchImage: deps.fetchImage } : {}),
      ...(deps.hostRedirect ? { hostRedirect: deps.hostRedirect } : {}),
      ...(deps.onAnswerHealth ? { onAnswerHealth: deps.onAnswerHealth } : {}),
    });
    this.poller = new StatusPoller(
      (id) => this.reconciler.schedule(id),
      (id) => this.reconciler.pollOnce(id),
      this.now,
    );
  }

  /** A payment by id. */
  get(paymentId: string): PaymentRecord | undefined {
    return this.deps.journal.get(paymentId);
  }

  /**
   * Charges an amount: validates it (nothing is sent for a bad amount), journals the payment,
   * then sends the sale once (or shows a Payment Page link). Resolves with the payment as it
   * stands after Gate's answer.
   */
  async charge(
    amountText: string,
    currencyText: string,
    options: SaleOptions = {},
  ): Promise<Result<PaymentRecord, ErrorCode>> {
    const limits = effectiveLimits(this.deps.settings().amountLimits);
    const money = parsePurchaseAmount(amountText, currencyText, limits);
    if (!money.ok) return money;
    return this.chargeMoney(money.value, options, this.deps.purchaseMode?.());
  }

  /** Charges an amount already checked against Alipay's limits, in the given purchase mode. */
  private async chargeMoney(
    money: Money,
    options: SaleOptions,
    mode: PurchaseMode | undefined,
  ): Promise<Result<PaymentRecord, ErrorCode>> {
    const ready = this.deps.canCharge?.() ?? ok(undefined);
    if (!ready.ok) return ready;
    const access = this.deps.gate();
    if (!access.ok) return access;
    const settings = this.deps.settings();
    if (settings.projectId === null)
      return err('NOT_CONFIGURED', 'Enter the ecommpay project id in Settings.');
    const callbackUrl = this.deps.callbackUrl();
    const sale = { amount: money.amount, currency: money.currency, projectId: settings.projectId };

    if (mode === 'payment_page') {
      const created = this.journalNewSale(
        { ...sale, mode: 'payment_page' },
        'cashier pressed Charge (Payment Page link)',
        options,
      );
      showPaymentPageLink(
        created,
        settings,
        callbackUrl,
        this.deps.paymentPageLink,
        this.transitions,
        this.now(),
      );
      return ok(this.get(created.id)!);
    }
    const created = this.journalNewSale(
      { ...sale, mode: 'gate_qr' },
      'cashier pressed Charge',
      options,
    );
    this.poller.track(created.id, created.createdAt);
    await sendGateSale(
      access.value,
      created,
      settings,
      { callbackUrl, ...(options.description ? { description: options.description } : {}) },
      this.transitions,
      (step) => this.step(step, created.id),
    );
    return ok(this.get(created.id)!);
  }

  /**
   * A Gate QR sale that cannot finish at the counter (Gate asked for a POST redirect or for the
   * customer's own details) is taken again, same amount, as a Payment Page link, where the
   * customer's phone handles both. The first payment is cancelled but still tracked to its
   * final state: should it be paid after all, the late-payment alert says so.
   */
  async retryAsLink(
    paymentId: string,
    onCreated: (payment: PaymentRecord) => void,
  ): Promise<Result<PaymentRecord, ErrorCode>> {
    const first = this.get(paymentId);
    if (!first) return err('NOT_FOUND', `No payment ${paymentId}.`);
    if (first.mode !== 'gate_qr' || first.qr?.kind !== 'unscannable' || isSettled(first.state))
      return err(
        'INVALID_STATE',
        `Payment ${paymentId} is not a Gate QR sale waiting with a code that cannot be scanned.`,
      );
    const cancelled = this.cancel(paymentId, 'retried as a Payment Page link');
    if (!cancelled.ok) return cancelled;
    const retried = await this.chargeMoney(
      { amount: first.amount, currency: first.currency },
      { onCreated },
      'payment_page',
    );
    this.deps.journal.audit('cashier', 'sale retried as a Payment Page link', paymentId, {
      retry: retried.ok ? retried.value.id : null,
      amount: first.amount,
      currency: first.currency,
    });
    return retried;
  }

  /**
   * The cashier gives up: the screens stop showing the QR, but the payment is still tracked to
   * its final state (a success afterwards raises the late-payment alert).
   */
  cancel(paymentId: string, why = 'sale cancelled'): Result<PaymentRecord, ErrorCode> {
    const payment = this.get(paymentId);
    if (!payment) return err('NOT_FOUND', `No payment ${paymentId}.`);
    if (isSettled(payment.state))
      return err(
        'INVALID_STATE',
        `Payment ${paymentId} is already ${payment.state}; there is nothing to cancel.`,
      );
    if (payment.cancelledAt !== null) return ok(payment);
    // The change and its audit entry in one transaction: neither without the other.
    const record = this.deps.journal.inTransaction(() => {
      const cancelled = this.deps.journal.transition(
        paymentId,
        payment.state,
        payment.state,
        `cashier cancelled (${why}); still tracking`,
        { cancelledAt: this.now() },
      );
      this.deps.journal.audit('cashier', why, paymentId, {
        state: payment.state,
        amount: payment.amount,
        currency: payment.currency,
      });
      return cancelled;
    });
    this.transitions.emit(record);
    return ok(record);
  }

  /** The cashier keeps a late payment: it stays paid and the alert closes. */
  keepLate(paymentId: string): Result<PaymentRecord, ErrorCode> {
    const payment = this.get(paymentId);
    return this.changeLateAlert(
      paymentId,
      { type: 'kept' },
      {
        actor: 'cashier',
        action: 'late payment kept',
        detail: payment ? { amount: payment.amount, currency: payment.currency } : undefined,
      },
      'cashier kept the late payment',
    );
  }

  /** Moves a payment's late-payment alert (see PaymentTransitions.changeLateAlert). */
  changeLateAlert(
    ...change: Parameters<PaymentTransitions['changeLateAlert']>
  ): Result<PaymentRecord, ErrorCode> {
    return this.transitions.changeLateAlert(...change);
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
    if (!this.get(paymentId))
      this.deps.journal.create(
        {
          id: paymentId,
          projectId: settings.projectId,
          terminalId: settings.terminalId,
          amount: sum.amount,
          currency,
          createdAt: this.now(),
          mode: 'gate_qr',
        },
        'followed from Gate',
      );
    await this.reconciler.pollOnce(paymentId);
    return ok(this.get(paymentId)!);
  }

  /** Payments with a late-payment alert waiting for Keep or Refund. */
  openLateAlerts(): PaymentRecord[] {
    return this.deps.journal.openLateAlerts();
  }

  /** Records and applies a callback from the listener (see CallbackApplication). */
  receiveCallback(received: ReceivedCallback): Promise<void> {
    return this.callbacks.receive(received);
  }

  /** Asks Gate about one payment and applies the answer. */
  pollOnce(paymentId: string): Promise<void> {
    return this.reconciler.pollOnce(paymentId);
  }

  /** Re-tracks every unfinished payment after a start; returns them. */
  recover(): PaymentRecord[] {
    return this.reconciler.recover();
  }

  /** Asks Gate about every unfinished payment now (its access was just restored). */
  reconcileNow(): void {
    this.poller.nudgeAll();
  }

  /** Stops polling (shutdown). Unfinished payments are recovered at the next start. */
  stop(): void {
    this.poller.stop();
  }

  /** Writes a new sale to the journal (before anything reaches Gate or the customer). */
  private journalNewSale(
    sale: { amount: number; currency: Currency; projectId: number; mode: PurchaseMode },
    cause: string,
    options: SaleOptions,
  ): PaymentRecord {
    const terminalId = this.deps.settings().terminalId;
    const created = this.deps.journal.create(
      {
        ...sale,
        id: options.paymentId ?? newPaymentId(terminalId, new Date(this.now())),
        terminalId,
        createdAt: this.now(),
      },
      cause,
    );
    options.onCreated?.(created);
    this.transitions.emit(created);
    this.step('journal-created', created.id);
    return created;
  }

  private step(step: SaleStep, paymentId: string): void {
    this.deps.onStep?.(step, paymentId);
  }
}
