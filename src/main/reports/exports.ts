import { formatWithCode, isCurrency, toDecimalString } from '../../shared/money';
import type { ExportFile, ReportView } from '../../shared/ipc/views';
import type { PaymentRecord } from '../journal/payment-record';
import { toCsv } from './csv';

/** The most rows one history export holds; narrow the filter for more. */
export const MAX_EXPORT_ROWS = 100_000;

const iso = (ms: number | null) => (ms === null ? '' : new Date(ms).toISOString());
const decimal = (minor: number, currency: string) =>
  isCurrency(currency) ? toDecimalString(minor, currency) : String(minor);

/**
 * The history as CSV: one payment per row, amounts as decimals with their currency; when the
 * cashier cancelled it, and whether it was paid late (open, kept, refund_requested); who took it
 * and in which shift (empty when nobody was signed in).
 */
export function historyCsv(
  payments: readonly PaymentRecord[],
  truncated: boolean,
  now: Date,
  takers: ReadonlyMap<string, { name: string | null; shiftId: number | null }> = new Map(),
): ExportFile {
  const rows = payments.map((p) => [
    p.id,
    iso(p.createdAt),
    iso(p.settledAt),
    decimal(p.amount, p.currency),
    decimal(p.refundedAmount, p.currency),
    p.currency,
    p.state,
    p.gateCode,
    p.gateMessage,
    p.terminalId,
    iso(p.cancelledAt),
    p.lateAlert ?? '',
    takers.get(p.id)?.name ?? '',
    takers.get(p.id)?.shiftId ?? '',
  ]);
  const content = toCsv(
    [
      'payment_id',
      'created_at',
      'settled_at',
      'amount',
      'refunded',
      'currency',
      'status',
      'gate_code',
      'gate_message',
      'terminal',
      'cancelled_at',
      'late_payment',
      'staff',
      'shift',
    ],
    rows,
  );
  return {
    filename: `payments-${now.toISOString().slice(0, 10)}.csv`,
    mimeType: 'text/csv',
    content,
    rows: rows.length,
    truncated,
  };
}

/** A report as CSV: one row per currency, then the open counts. */
export function reportCsv(report: ReportView): ExportFile {
  const name =
    report.kind === 'Z'
      ? `z-report-${report.number}`
      : `x-report-${new Date(report.periodEnd).toISOString().slice(0, 19).replaceAll(':', '')}`;
  const rows = report.currencies.map((c) => [
    report.kind === 'Z' ? `Z ${report.number}` : 'X',
    iso(report.periodStart || null),
    iso(report.periodEnd),
    c.currency,
    c.payments.count,
    decimal(c.payments.sum, c.currency),
    c.refunds.count,
    decimal(c.refunds.sum, c.currency),
    decimal(c.net, c.currency),
    c.declined,
    c.cancelled ?? '',
  ]);
  if (report.evidence)
    rows.push([
      'audit evidence',
      `head #${report.evidence.auditId ?? '-'} ${report.evidence.auditHash ?? '-'}`,
      `digest ${report.evidence.digest}${report.evidence.keyed ? '' : ' (not keyed)'}`,
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  rows.push([
    'open at report time',
    '',
    '',
    '',
    report.open.payments,
    '',
    report.open.refunds,
    '',
    '',
    '',
    '',
  ]);
  const content = toCsv(
    [
      'report',
      'period_start',
      'period_end',
      'currency',
      'payments',
      'payments_total',
      'refunds',
      'refunds_total',
      'net',
      'declined',
      'cancelled',
    ],
    rows,
  );
  return {
    filename: `${name}.csv`,
    mimeType: 'text/csv',
    content,
    rows: rows.length,
    truncated: false,
  };
}

/** "88.00 CNY" where the currency is known. */
export function moneyText(minor: number, currency: string): string {
  return isCurrency(currency) ? formatWithCode(minor, currency) : `${minor} ${currency}`;
}
