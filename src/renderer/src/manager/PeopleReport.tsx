import { useIntl } from 'react-intl';
import type { NamedTotalsView, ReportView } from '../../../shared/ipc/views';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { Amount } from './Amount';

/** Rows of takings and refunds, one per person or shift and currency. */
function TotalsRows({ rows, shifts }: { rows: NamedTotalsView[]; shifts?: boolean }) {
  const { say } = useSay();
  const intl = useIntl();
  const time = (ms: number) => intl.formatTime(ms, { hour: '2-digit', minute: '2-digit' });
  return (
    <>
      {rows.map((r, i) => (
        <tr key={`${r.name ?? ''}-${r.currency}-${i}`}>
          <td translate={r.name === null ? undefined : 'no'}>
            {r.name ?? say('manager.people.nobody')}
          </td>
          {shifts ? (
            <td>
              {r.openedAt === undefined
                ? ''
                : r.endedAt
                  ? say('manager.people.shiftFromTo', {
                      from: time(r.openedAt),
                      to: time(r.endedAt),
                    })
                  : say('manager.people.shiftOpen', { from: time(r.openedAt) })}
            </td>
          ) : null}
          <td>{r.currency}</td>
          <td className="num">{r.payments.count}</td>
          <td className="num">
            <Amount amount={r.payments.sum} currency={r.currency} />
          </td>
          <td className="num">
            <Amount amount={r.refunds.sum} currency={r.currency} />
          </td>
          <td className="num net">
            <Amount amount={r.net} currency={r.currency} />
          </td>
        </tr>
      ))}
    </>
  );
}

/** The head of a table of people's totals. */
function Head({ shifts }: { shifts?: boolean }) {
  const { say } = useSay();
  return (
    <thead>
      <tr>
        <th>{say('manager.people.staff')}</th>
        {shifts ? <th>{say('manager.people.shiftTime')}</th> : null}
        <th>{say('manager.report.col.currency')}</th>
        <th className="num">{say('manager.report.col.payments')}</th>
        <th className="num">{say('manager.report.col.paid')}</th>
        <th className="num">{say('manager.report.col.refunded')}</th>
        <th className="num">{say('manager.report.col.net')}</th>
      </tr>
    </thead>
  );
}

/** The X report's takings and refunds by staff member. */
export function XByPerson() {
  const { say } = useSay();
  const rows = useCounter((s) => s.reportPeople?.xByPerson);
  if (!rows || rows.length === 0) return null;
  const title = say('manager.people.xTitle');
  return (
    <section className="people-report" aria-label={title}>
      <h3>{title}</h3>
      <table className="history-table">
        <Head />
        <tbody>
          <TotalsRows rows={rows} />
        </tbody>
      </table>
    </section>
  );
}

/** A Z report's shifts (who, from–to, totals) and whether they add up to the Z. */
export function ZShifts({ report }: { report: ReportView }) {
  const { say } = useSay();
  const rows = useCounter(
    (s) => s.reportPeople?.zShifts.find((z) => z.number === report.number)?.byShift,
  );
  if (!rows || rows.length === 0) return null;
  const title = say('manager.people.zShiftsTitle', { number: report.number ?? 0 });
  return (
    <section className="people-report" aria-label={title}>
      <h3>{title}</h3>
      <table className="history-table">
        <Head shifts />
        <tbody>
          <TotalsRows rows={rows} shifts />
        </tbody>
      </table>
      {report.currencies.map((c) => {
        const sum = rows.filter((r) => r.currency === c.currency).reduce((t, r) => t + r.net, 0);
        return (
          <p key={c.currency} className={sum === c.net ? 'hint' : 'action-error'}>
            {sum === c.net
              ? say('manager.people.shiftsAddUp', { currency: c.currency })
              : say('manager.people.shiftsDiffer', { currency: c.currency })}
            <strong className="people-sum">
              <Amount amount={sum} currency={c.currency} />
            </strong>
          </p>
        );
      })}
    </section>
  );
}
