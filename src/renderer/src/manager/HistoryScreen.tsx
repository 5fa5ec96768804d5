import { useEffect, useState } from 'react';
import { CURRENCIES } from '../../../shared/money';
import { PAYMENT_STATES, type PaymentState } from '../../../shared/payment-state';
import { Money } from '../components/Money';
import { useCounter } from '../store';
import type { HistoryFilters } from '../store/manager-slice';
import { PaymentDetailPanel } from './PaymentDetailPanel';

const when = (ms: number) =>
  new Date(ms).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' });

/** The history: filters, newest first, paging, CSV; a payment opens its detail. */
export function HistoryScreen() {
  const { historyItems, historyNext, historyError, detail } = useCounter();
  const search = useCounter((s) => s.searchHistory);
  const more = useCounter((s) => s.loadMoreHistory);
  const open = useCounter((s) => s.openDetail);
  const exportCsv = useCounter((s) => s.exportHistory);
  const [form, setForm] = useState<HistoryFilters>({});
  useEffect(() => void search({}), [search]);
  if (detail) return <PaymentDetailPanel />;

  const field =
    (key: keyof HistoryFilters) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
      const value = e.target.value;
      const next = { ...form };
      if (value === '') delete next[key];
      else (next as Record<string, string>)[key] = value;
      setForm(next);
    };
  return (
    <section className="history" aria-label="History">
      <h1>History</h1>
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
          Payment id
          <input
            value={form.paymentId ?? ''}
            placeholder="type, or scan the receipt's QR"
            autoFocus
            onChange={field('paymentId')}
          />
        </label>
        <label>
          Amount
          <input value={form.amount ?? ''} inputMode="decimal" onChange={field('amount')} />
        </label>
        <label>
          Currency
          <select value={form.currency ?? ''} onChange={field('currency')}>
            <option value="">any</option>
            {CURRENCIES.map((c) => (
              <option key={c}>{c}</option>
            ))}
          </select>
        </label>
        <label>
          Status
          <select value={form.state ?? ''} onChange={field('state')}>
            <option value="">any</option>
            {PAYMENT_STATES.map((s: PaymentState) => (
              <option key={s} value={s}>
                {s.replaceAll('_', ' ')}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input type="date" value={form.from ?? ''} onChange={field('from')} />
        </label>
        <label>
          To
          <input type="date" value={form.to ?? ''} onChange={field('to')} />
        </label>
        <button type="submit" className="primary">
          Search
        </button>
        <button type="button" onClick={() => void exportCsv()}>
          Export CSV
        </button>
      </form>
      {historyError ? (
        <p className="action-error" role="alert">
          {historyError}
        </p>
      ) : null}
      <table className="history-table">
        <thead>
          <tr>
            <th>Time</th>
            <th>Payment</th>
            <th className="num">Amount</th>
            <th className="num">Refunded</th>
            <th>Status</th>
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
              <td className="num">
                <Money amount={p.amount} currency={p.currency} />
              </td>
              <td className="num">
                {p.refundedAmount > 0 ? (
                  <Money amount={p.refundedAmount} currency={p.currency} />
                ) : (
                  ''
                )}
              </td>
              <td className={`status status-${p.state}`}>{p.state.replaceAll('_', ' ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {historyItems.length === 0 && !historyError ? (
        <p className="hint">No payments match.</p>
      ) : null}
      {historyNext ? (
        <button type="button" className="more" onClick={() => void more()}>
          Load more
        </button>
      ) : null}
    </section>
  );
}
