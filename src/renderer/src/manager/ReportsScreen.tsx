import { useEffect } from 'react';
import type { ReportView } from '../../../shared/ipc/views';
import { Money } from '../components/Money';
import { useCounter } from '../store';
import { PrintNoticeLine } from '../printing/PrintNoticeLine';

const when = (ms: number) =>
  ms === 0
    ? 'the first sale'
    : new Date(ms).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' });

/** One report: per currency, payments, refunds and net, declined; open counts. */
export function ReportTable({ report }: { report: ReportView }) {
  const title = report.kind === 'Z' ? `Z report ${report.number}` : 'X report (so far)';
  return (
    <article className="report" aria-label={title}>
      <h2>{title}</h2>
      <p className="hint">
        From {when(report.periodStart)} to {when(report.periodEnd)}
      </p>
      <table className="history-table">
        <thead>
          <tr>
            <th>Currency</th>
            <th className="num">Payments</th>
            <th className="num">Paid</th>
            <th className="num">Refunds</th>
            <th className="num">Refunded</th>
            <th className="num">Net</th>
            <th className="num">Declined</th>
          </tr>
        </thead>
        <tbody>
          {report.currencies.map((c) => (
            <tr key={c.currency}>
              <td>{c.currency}</td>
              <td className="num">{c.payments.count}</td>
              <td className="num">
                <Money amount={c.payments.sum} currency={c.currency} />
              </td>
              <td className="num">{c.refunds.count}</td>
              <td className="num">
                <Money amount={c.refunds.sum} currency={c.currency} />
              </td>
              <td className="num net">
                <Money amount={c.net} currency={c.currency} />
              </td>
              <td className="num">{c.declined}</td>
            </tr>
          ))}
          {report.currencies.length === 0 ? (
            <tr>
              <td colSpan={7}>No payments or refunds in this period.</td>
            </tr>
          ) : null}
        </tbody>
      </table>
      <p className="hint">
        Still open when the report was made: {report.open.payments} payments, {report.open.refunds}{' '}
        refunds.
      </p>
      {report.evidence ? <Evidence evidence={report.evidence} /> : null}
    </article>
  );
}

/**
 * A Z report's proof, printed with it: the audit log's head when the day closed, and the digest
 * of its payments, refunds and transitions. Kept on paper, it lets `audit verify --head` find a
 * log cut back or money rows edited since.
 */
function Evidence({ evidence }: { evidence: NonNullable<ReportView['evidence']> }) {
  return (
    <p className="evidence" aria-label="Audit evidence">
      Audit head {evidence.auditId === null ? '(none)' : `#${evidence.auditId}`}{' '}
      <code>{evidence.auditHash ?? '-'}</code>
      <br />
      Money digest <code>{evidence.digest}</code>
      {evidence.keyed ? '' : ' (not keyed: the keychain was unavailable)'}
    </p>
  );
}

/** The X report, closing the day (Z, with the PIN), past Z reports, CSV and print. */
export function ReportsScreen() {
  const { currentReport, zReports, reportError } = useCounter();
  const load = useCounter((s) => s.loadReports);
  const closeDay = useCounter((s) => s.closeDay);
  const exportReport = useCounter((s) => s.exportReport);
  const printReport = useCounter((s) => s.printReport);
  useEffect(() => void load(), [load]);
  return (
    <section className="reports" aria-label="Reports">
      <div className="detail-head no-print">
        <h1>Reports</h1>
        <button type="button" onClick={() => void load()}>
          Refresh
        </button>
        <button type="button" onClick={() => void exportReport()}>
          X report CSV
        </button>
        <button type="button" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" onClick={() => void printReport()}>
          X report on the receipt printer
        </button>
        <button type="button" className="primary" onClick={closeDay}>
          Close the day (Z)…
        </button>
      </div>
      {reportError ? (
        <p className="action-error" role="alert">
          {reportError}
        </p>
      ) : null}
      <PrintNoticeLine />
      {currentReport ? <ReportTable report={currentReport} /> : null}
      {zReports.map((z) => (
        <div key={z.number}>
          <ReportTable report={z} />
          <button type="button" className="no-print" onClick={() => void exportReport(z.number!)}>
            Z {z.number} CSV
          </button>{' '}
          <button type="button" className="no-print" onClick={() => void printReport(z.number!)}>
            Z {z.number} on the receipt printer
          </button>
        </div>
      ))}
    </section>
  );
}
