import { useState } from 'react';
import type { ReportView } from '../../../shared/ipc/views';
import { TableHead } from '../components/TableHead';
import { useSay } from '../i18n/use-say';
import { AmountCell } from './Amount';

/** A report's columns, each worded by `manager.report.col.<column>`. */
const REPORT_COLUMNS = [
  'currency',
  'payments',
  'paid',
  'refunds',
  'refunded',
  'net',
  'declined',
  'cancelled',
] as const;

/**
 * One report: per currency, payments, refunds and net, declined and cancelled; open counts;
 * then `children` (its split by person or shift) inside the same card.
 */
export function ReportTable({
  report,
  titled = true,
  children,
}: {
  report: ReportView;
  titled?: boolean;
  children?: React.ReactNode;
}) {
  const { say } = useSay();
  const title =
    report.kind === 'Z'
      ? say('manager.report.zTitle', { number: report.number ?? 0 })
      : say('manager.report.xTitle');
  return (
    <article className="report" aria-label={title}>
      {titled ? <h2>{title}</h2> : null}
      <p className="hint">
        {report.periodStart === 0
          ? say('manager.report.periodFirst', { to: report.periodEnd })
          : say('manager.report.period', { from: report.periodStart, to: report.periodEnd })}
      </p>
      <table className="history-table">
        <TableHead
          columns={REPORT_COLUMNS.map((column) => say(`manager.report.col.${column}`))}
          numbersFrom={1}
        />
        <tbody>
          {report.currencies.map((c) => (
            <tr key={c.currency}>
              <td>{c.currency}</td>
              <td className="num">{c.payments.count}</td>
              <AmountCell amount={c.payments.sum} currency={c.currency} />
              <td className="num">{c.refunds.count}</td>
              <AmountCell amount={c.refunds.sum} currency={c.currency} />
              <AmountCell amount={c.net} currency={c.currency} net />
              <td className="num">{c.declined}</td>
              <td className="num">{c.cancelled ?? 0}</td>
            </tr>
          ))}
          {report.currencies.length === 0 ? (
            <tr>
              <td colSpan={REPORT_COLUMNS.length}>{say('manager.report.empty')}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p className="hint">
        {say('manager.report.open', {
          payments: report.open.payments,
          refunds: report.open.refunds,
        })}
      </p>
      {children}
      {report.evidence ? <Evidence evidence={report.evidence} /> : null}
    </article>
  );
}

/**
 * A Z report's proof, printed with it: the audit log's head when the day closed, and the digest
 * of its payments, refunds and transitions. Kept on paper, it lets `audit verify --head` find a
 * log cut back or money rows edited since. The figures stay behind Details.
 */
function Evidence({ evidence }: { evidence: NonNullable<ReportView['evidence']> }) {
  const { say } = useSay();
  const [open, setOpen] = useState(false);
  return (
    <div className="evidence">
      <p>
        <span>{say('manager.report.evidenceSummary')}</span>
        <button
          type="button"
          className="no-print link-button"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {say(open ? 'manager.detail.hideDetails' : 'manager.detail.showDetails')}
        </button>
      </p>
      {/* On paper the proof is always printed. */}
      <p className={open ? '' : 'print-only'}>
        {say('manager.report.evidenceHead', {
          entry:
            evidence.auditId === null
              ? say('manager.report.evidenceNone')
              : `#${evidence.auditId} ${evidence.auditHash ?? ''}`,
        })}
        <br />
        {say('manager.report.evidenceDigest', { digest: evidence.digest })}
        {evidence.keyed ? null : (
          <>
            <br />
            {say('manager.report.evidenceUnkeyed')}
          </>
        )}
      </p>
    </div>
  );
}
