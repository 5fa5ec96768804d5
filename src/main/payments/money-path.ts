import { PaymentService, type PaymentServiceDeps } from './payment-service';
import { RefundService, type RefundServiceDeps } from './refund-service';

/** What sales and refunds both need, and what each needs of its own. */
export interface MoneyPathDeps
  extends Omit<PaymentServiceDeps, 'onRefundCallback'>, Pick<RefundServiceDeps, 'canRefund'> {}

/** The sale and refund services over one journal and one Gate. */
export interface MoneyPath {
  readonly payments: PaymentService;
  readonly refunds: RefundService;
}

/**
 * Builds the money path once, the same way for the app and the command line: one payment
 * service and one refund service over the same journal and Gate access.
 */
export function createMoneyPath(deps: MoneyPathDeps): MoneyPath {
  // The two call each other, each only once both exist: refund callbacks arrive with the sale's
  // callbacks, and a refund moves its late payment's alert.
  const refunds: RefundService = new RefundService({
    journal: deps.journal,
    gate: deps.gate,
    ...(deps.statusGate ? { statusGate: deps.statusGate } : {}),
    settings: deps.settings,
    ...(deps.canRefund ? { canRefund: deps.canRefund } : {}),
    callbackUrl: deps.callbackUrl,
    ...(deps.pollSchedule ? { pollSchedule: deps.pollSchedule } : {}),
    ...(deps.now ? { now: deps.now } : {}),
    ...(deps.notFoundGraceMs !== undefined ? { notFoundGraceMs: deps.notFoundGraceMs } : {}),
    lateAlerts: (paymentId, event, audit, cause) =>
      payments.changeLateAlert(paymentId, event, audit, cause),
  });
  const payments: PaymentService = new PaymentService({
    ...deps,
    onRefundCallback: (callback) => refunds.applyCallback(callback),
  });
  return { payments, refunds };
}
