import { useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { CURRENCIES } from '../../../shared/money';
import { PAYMENT_STATES } from '../../../shared/payment-state';
import { PeopleOptions } from '../components/PeopleOptions';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import type { HistoryFilters } from '../store/manager-slice';
import { Amount, AmountCell } from './Amount';
import { PaymentDetailPanel } from './PaymentDetailPanel';
import { PaymentStatus } from './PaymentStatus';

/** The states History offers to filter by (the starting ones read as one). */
const FILTER_STATES = [
  ...PAYMENT_STATES.filter((s) => s !== 'created'),
  'cancelled',
  'late',
] as const;

/** A local calendar day typed in a date field ("2026-12-06"), as a time for Intl. */
const dayOf = (value: string) => {
  const [y, m, d] = value.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
};

/** The chosen days in the window's language, under the filters. */
function Range({ from, to }: { from?: string | undefined; to?: string | undefined }) {
  const { say } = useSay();
  if (from && to)
    return (
      <p className="hint">
        {say('manager.history.rangeBoth', { from: dayOf(from), to: dayOf(to) })}
      </p>
    );
  if (from)
    return <p className="hint">{say('manager.history.rangeFrom', { from: dayOf(from) })}</p>;
  if (to) return <p className="hint">{say('manager.history.rangeTo', { to: dayOf(to) })}</p>;
  return null;
}

/** A filter picked from a list; its first choice (`any`) filters nothing. */
function FilterSelect({
  label,
  any,
  value,
  onChange,
  children,
}: {
  label: string;
  any: string;
  value: string | number;
  onChange: (e: React.ChangeEvent<HTMLSelectElement>) => void;
  children: React.ReactNode;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={onChange}>
        <option value="">{any}</option>
        {children}
      </select>
    </label>
  );
}

/** The history: filters, newest first, paging, CSV; a payment opens its detail. */
export function HistoryScreen() {
  const { say, sayError } = useSay();
  const intl = useIntl();
  const { historyItems, historyNext, historyError, detail, historyFilters } = useCounter();
  const search = useCounter((s) => s.searchHistory);
  const more = useCounter((s) => s.loadMoreHistory);
  const open = useCounter((s) => s.openDetail);
  const exportCsv = useCounter((s) => s.exportHistory);
  const [form, setForm] = useState<HistoryFilters>({});
  const takenBy = useCounter((s) => s.historyTakenBy);
  const people = useCounter((s) => s.staffMembers);
  const loadStaff = useCounter((s) => s.loadStaff);
  useEffect(() => void search({}), [search]);
  useEffect(() => void loadStaff(), [loadStaff]);
  if (detail) return <PaymentDetailPanel />;

  const when = (ms: number) =>
    intl.formatDate(ms, { dateStyle: 'short', timeStyle: 'medium' } as Intl.DateTimeFormatOptions);
  /** A filter's value as typed, and its change (an emptied filter is dropped). */
  const bind = (key: keyof HistoryFilters) => ({
    value: form[key] ?? '',
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const value = e.target.value;
      const next = { ...form };
      if (value === '') delete next[key];
      else
        (next as Record<string, string | number>)[key] = key === 'staffId' ? Number(value) : value;
      setForm(next);
    },
  });
  return (
    <section className="history" aria-label={say('common.nav.history')}>
      <h1>{say('common.nav.history')}</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          // A receipt's QR holds its payment id: a scanner types it and presses Enter here. An
          // exact match opens that payment (for a refund or a reprint); a prefix lists matches.
          const scanned = form.paymentId?.trim();
          void search(form).then(() => {
            if (scanned && useCounter.getState().historyItems.some((p) => p.id === scanned))
              void open(scanned);
          });
        }}
      >
        <label>
          {say('manager.history.paymentId')}
          <input
            className="filter-id"
            {...bind('paymentId')}
            placeholder={say('manager.history.scanHint')}
            autoFocus
          />
        </label>
        <label>
          {say('manager.history.amount')}
          <input {...bind('amount')} inputMode="decimal" />
        </label>
        <FilterSelect
          label={say('manager.history.currency')}
          any={say('manager.history.any')}
          {...bind('currency')}
        >
          {CURRENCIES.map((c) => (
            <option key={c}>{c}</option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={say('manager.history.status')}
          any={say('manager.history.any')}
          {...bind('state')}
        >
          {FILTER_STATES.map((s) => (
            <option key={s} value={s}>
              {say(`manager.status.${s}`)}
            </option>
          ))}
        </FilterSelect>
        <FilterSelect
          label={say('manager.people.person')}
          any={say('manager.people.everyone')}
          {...bind('staffId')}
        >
          <PeopleOptions people={people} />
        </FilterSelect>
        <label>
          {say('manager.history.from')}
          <input type="date" lang={intl.locale} {...bind('from')} />
        </label>
        <label>
          {say('manager.history.to')}
          <input type="date" lang={intl.locale} {...bind('to')} />
        </label>
        <button type="submit" className="primary">
          {say('manager.history.search')}
        </button>
        <button type="button" onClick={() => void exportCsv()}>
          {say('manager.history.export')}
        </button>
      </form>
      <Range from={historyFilters.from} to={historyFilters.to} />
      {historyError ? (
        <p className="action-error" role="alert">
          {sayError(historyError)}
        </p>
      ) : null}
      <table className="history-table">
        <thead>
          <tr>
            <th>{say('manager.history.col.time')}</th>
            <th>{say('manager.history.col.payment')}</th>
            <th className="num">{say('manager.history.col.amount')}</th>
            <th className="num">{say('manager.history.col.refunded')}</th>
            <th>{say('manager.history.col.status')}</th>
            <th>{say('manager.people.takenBy')}</th>
          </tr>
        </thead>
        <tbody>
          {historyItems.map((p) => (
            <tr
              key={p.id}
              onClick={() => void open(p.id)}
              tabIndex={0}
              onKeyDown={(e) => e.key === 'Enter' && void open(p.id)}
            >
              <td>{when(p.createdAt)}</td>
              <td className="mono">{p.id}</td>
              <AmountCell amount={p.amount} currency={p.currency} />
              <td className="num">
                {p.refundedAmount > 0 ? (
                  <Amount amount={p.refundedAmount} currency={p.currency} />
                ) : null}
              </td>
              <PaymentStatus payment={p} as="td" />
              <td translate="no">{takenBy[p.id] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {historyItems.length === 0 && !historyError ? (
        <p className="hint">{say('manager.history.none')}</p>
      ) : null}
      {historyNext ? (
        <button type="button" className="more" onClick={() => void more()}>
          {say('manager.history.more')}
        </button>
      ) : null}
    </section>
  );
}
