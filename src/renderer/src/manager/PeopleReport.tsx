import { useIntl } from 'react-intl';
import type { NamedTotalsView, ReportView } from '../../../shared/ipc/views';
import { TableHead } from '../components/TableHead';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { Amount, AmountCell } from './Amount';

/** Rows of takings and refunds, one per person or shift and currency. */
function TotalsRows({ rows, shifts }: { rows: NamedTotalsView[]; shifts?: boolean }) {
  const { say } = useSay();
  const intl = useIntl();
  const print = useCounter((s) => s.printShiftSlip);
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
          <AmountCell amount={r.payments.sum} currency={r.currency} />
          <AmountCell amount={r.refunds.sum} currency={r.currency} />
          <AmountCell amount={r.net} currency={r.currency} net />
          {shifts ? (
            <td>
              {/* An ended shift's slip again, once per shift (its first currency's row). */}
              {r.shiftId !== undefined && r.endedAt && rows[i - 1]?.shiftId !== r.shiftId ? (
                <button type="button" onClick={() => void print(r.shiftId!)}>
                  {say('staff.report.print')}
                </button>
              ) : null}
            </td>
          ) : null}
        </tr>
      ))}
    </>
  );
}

/** The head of a table of people's totals. */
function Head({ shifts }: { shifts?: boolean }) {
  const { say } = useSay();
  const named = [say('manager.people.staff')];
  if (shifts) named.push(say('manager.people.shiftTime'));
  const figures = (['currency', 'payments', 'paid', 'refunded', 'net'] as const).map((column) =>
    say(`manager.report.col.${column}`),
  );
  const slip = shifts ? [say('manager.people.slip')] : [];
  // The currency is words too: the figures start after it.
  return (
    <TableHead
      columns={[...named, ...figures, ...slip]}
      numbersFrom={named.length + 1}
      {...(shifts ? { numbersTo: named.length + figures.length } : {})}
    />
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
