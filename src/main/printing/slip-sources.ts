import { ok, type ErrorCode, type Result } from '../../shared/result';
import { said } from '../../shared/i18n/said';
import type { Currency } from '../../shared/money';
import { callbackSchema } from '../gate/gate-schemas';
import { parseJsonLossless } from '../../protocol/signer/lossless-json';
import { fail } from '../i18n/fail';
import type { Journal } from '../journal/journal';
import type { Settings } from '../settings/settings';
import type { RefundSlipFacts, ReportSlipFacts, SaleSlipFacts } from './slip-facts';

const PAID_STATES: ReadonlySet<string> = new Set(['succeeded', 'partially_refunded', 'refunded']);

/**
 * Gate's id of a payment's sale operation: from the transition that settled it (the payment
 * service records it there), else from a verified callback in the inbox. Null when Gate never
 * sent one. Unverified callbacks are never read: anyone could have sent them.
 */
export function gateOperationId(journal: Journal, paymentId: string): string | null {
  for (const t of journal.transitionsOf(paymentId).reverse()) {
    const id = (t.detail as { operationId?: unknown } | null)?.operationId;
    if (typeof id === 'string' && id !== '') return id;
  }
  for (const c of journal.callbacksOf(paymentId).reverse()) {
    if (!c.verified) continue;
    try {
      const parsed = callbackSchema.safeParse(parseJsonLossless(c.raw));
      const operation = parsed.success ? parsed.data.operation : undefined;
      if (operation?.type === 'sale' && operation.id) return operation.id;
    } catch {
      // A recorded callback that is not JSON carries no id.
    }
  }
  return null;
}

/**
 * The audit chain's head hash recorded with Z report `number`. The one place that reads it, so
 * a change to how the chain is kept changes only this function.
 */
export function zAuditHeadHash(journal: Journal, number: number): string | null {
  return journal.reports.zAuditHeadHash(number);
}

/** The facts of a paid sale's slip; an error for a payment that was never paid. */
export function saleFacts(
  journal: Journal,
  settings: Pick<Settings, 'merchantName'>,
  paymentId: string,
): Result<SaleSlipFacts, ErrorCode> {
  const payment = journal.get(paymentId);
  if (!payment) return fail('NOT_FOUND', said('printing.error.noPayment', { paymentId }));
  if (!PAID_STATES.has(payment.state))
    return fail('INVALID_STATE', said('printing.error.notPaid', { paymentId }));
  return ok({
    merchantName: settings.merchantName,
    terminalId: payment.terminalId,
    paymentId: payment.id,
    amount: payment.amount,
    currency: payment.currency,
    paidAt: payment.settledAt ?? payment.updatedAt,
    operationId: gateOperationId(journal, payment.id),
  });
}

/**
 * The facts of a refund's slip. What can still be refunded is counted as it stood right after
 * this refund (refunds that succeeded up to it), so a reprint says what the original said.
 */
export function refundFacts(
  journal: Journal,
  settings: Pick<Settings, 'merchantName'>,
  refundId: string,
): Result<RefundSlipFacts, ErrorCode> {
  const refund = journal.refunds.get(refundId);
  if (!refund) return fail('NOT_FOUND', said('printing.error.noRefund', { refundId }));
  if (refund.state !== 'succeeded' || refund.settledAt === null)
    return fail('INVALID_STATE', said('printing.error.refundNotDone', { refundId }));
  const payment = journal.get(refund.paymentId)!;
  const refundedSoFar = journal.refunds
    .ofPayment(refund.paymentId)
    .filter(
      (r) =>
        r.state === 'succeeded' &&
        r.settledAt !== null &&
        (r.settledAt < refund.settledAt! ||
          (r.settledAt === refund.settledAt && r.id <= refund.id)),
    )
    .reduce((sum, r) => sum + r.amount, 0);
  return ok({
    merchantName: settings.merchantName,
    terminalId: payment.terminalId,
    paymentId: payment.id,
    refundId: refund.id,
    currency: payment.currency,
    paymentAmount: payment.amount,
    refundAmount: refund.amount,
    remaining: Math.max(0, payment.amount - refundedSoFar),
    reason: refund.reason,
    refundedAt: refund.settledAt,
  });
}

/** The facts of an X report (now) or of Z report `number`. */
export function reportFacts(
  journal: Journal,
  settings: Pick<Settings, 'merchantName' | 'terminalId'>,
  number: number | null,
  now: number,
): Result<ReportSlipFacts, ErrorCode> {
  const report = number === null ? journal.reports.current(now) : journal.reports.zReport(number);
  if (!report) return fail('NOT_FOUND', said('printing.error.noReport', { number: number ?? 0 }));
  return ok({
    merchantName: settings.merchantName,
    terminalId: settings.terminalId,
    kind: report.kind,
    number: report.number,
    periodStart: report.periodStart,
    periodEnd: report.periodEnd,
    currencies: report.currencies.map((c) => ({ ...c, currency: c.currency as Currency })),
    open: report.open,
    auditHeadHash: number === null ? null : zAuditHeadHash(journal, number),
    periodDigest: number === null ? null : (report.evidence?.digest ?? null),
    printedAt: now,
  });
}
