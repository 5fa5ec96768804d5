import { useIntl } from 'react-intl';
import { Dialog } from '../components/Dialog';
import { useMoney } from '../components/Money';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { ShiftSlipPrint } from './ShiftSlipPrint';

/**
 * The shift that just ended, on screen after a handover: who, from when to when, and per
 * currency what they took and gave back, with Print for its slip.
 */
export function ShiftReportDialog() {
  const { say } = useSay();
  const intl = useIntl();
  const money = useMoney();
  const report = useCounter((s) => s.endedShift);
  const next = useCounter((s) => s.shift?.signedIn?.name ?? null);
  const close = useCounter((s) => s.closeEndedShift);
  if (!report) return null;
  const time = (at: number) =>
    intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' } as Intl.DateTimeFormatOptions);
  return (
    <Dialog
      className="pin-dialog shift-report"
      titleId="shift-report-title"
      title={say('staff.report.title', { name: report.name })}
      onEscape={close}
      actions={
        <button type="button" className="primary" autoFocus onClick={close}>
          {say('staff.report.close')}
        </button>
      }
    >
      <p>{say('staff.report.period', { from: time(report.openedAt), to: time(report.endedAt) })}</p>
      {report.totals.length === 0 ? (
        <p className="staff-hint">{say('staff.report.none')}</p>
      ) : (
        <table className="report-table">
          <thead>
            <tr>
              <th scope="col">{say('staff.report.currency')}</th>
              <th scope="col">{say('staff.report.payments')}</th>
              <th scope="col">{say('staff.report.refunds')}</th>
              <th scope="col">{say('staff.report.net')}</th>
            </tr>
          </thead>
          <tbody>
            {report.totals.map((t) => (
              <tr key={t.currency}>
                <th scope="row">{t.currency}</th>
                <td>
                  {say('staff.report.cell', {
                    sum: money(t.payments.sum, t.currency),
                    count: t.payments.count,
                  })}
                </td>
                <td>
                  {say('staff.report.cell', {
                    sum: money(t.refunds.sum, t.currency),
                    count: t.refunds.count,
                  })}
                </td>
                <td>{money(t.net, t.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next ? <p className="staff-next">{say('staff.report.next', { name: next })}</p> : null}
      <ShiftSlipPrint shiftId={report.shiftId} />
    </Dialog>
  );
}
