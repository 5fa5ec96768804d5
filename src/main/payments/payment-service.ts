import { said } from '../../shared/i18n/said';
import { err, ok, type ErrorCode, type Result } from '../../shared/result';
import {
  effectiveLimits,
  parsePurchaseAmount,
  type Currency,
  type Money,
} from '../../shared/money';
import { isSettled } from '../../shared/payment-state';
import type { ReceivedCallback } from '../callbacks/callback-listener';
import type { PaymentRecord, PurchaseMode } from '../journal/payment-record';
import { CallbackApplication } from './callback-application';
import { sendGateSale } from './gate-qr-sale';
import type { PaymentServiceDeps, SaleOptions, SaleStep } from './payment-deps';
import { PaymentEventBus } from './payment-events';
import { newPaymentId } from './payment-id';
import { showPaymentPageLink } from './payment-page-link';
import { noPayment, PaymentTransitions } from './payment-transitions';
import { PolledService } from './polled-service';
import { StatusPoller } from './status-poller';
import { StatusReconciler } from './status-reconciler';

export type { GateAccess, PaymentServiceDeps, SaleOptions, SaleStep } from './payment-deps';
export { PAYMENT_PAGE_POLL_MS } from './status-reconciler';

/**
 * The money path, as one facade over its parts: a new sale is journaled first, then
 * goes out as a Gate QR sale (`gate-qr-sale.ts`) or a Payment Page link (`payment-page-link.ts`);
 * callbacks (`callback-application.ts`) and status answers (`status-reconciler.ts`) change it only
 * through `PaymentTransitions`, the one place the state machine decides.
 */
export class PaymentService extends PolledService {
  readonly events = new PaymentEventBus();
  protected readonly poller: StatusPoller;
  private readonly transitions: PaymentTransitions;
  private readonly callbacks: CallbackApplication;
  private readonly reconciler: StatusReconciler;

  constructor(private readonly deps: PaymentServiceDeps) {
    super(deps.now);
    this.transitions = new PaymentTransitions({
      ...this.transitionDeps(deps.journal, this.events),
      isOnScreen: deps.isOnScreen,
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
      ...this.reconcilerDeps(deps, this.transitions),
      ...(deps.pollSchedule ? { pollSchedule: deps.pollSchedule } : {}),
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
      return err(
        'NOT_CONFIGURED',
        'Enter the ecommpay project id in Settings.',
        said('cashier.error.noProject'),
      );
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
    if (!first) return noPayment(paymentId);
    if (first.mode !== 'gate_qr' || first.qr?.kind !== 'unscannable' || isSettled(first.state))
      return err(
        'INVALID_STATE',
        `Payment ${paymentId} is not a Gate QR sale waiting with a code that cannot be scanned.`,
        said('cashier.error.notForLink'),
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
    return this.transitions.cancel(paymentId, why);
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
   * Follows a payment made elsewhere (another terminal, an earlier run of the command line)
   * through the same state machine as the counter's own sales (see StatusReconciler.adopt).
   */
  adopt(
    paymentId: string,
    sum: { readonly amount: number; readonly currency: string },
  ): Promise<Result<PaymentRecord, ErrorCode>> {
    return this.reconciler.adopt(paymentId, sum);
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
