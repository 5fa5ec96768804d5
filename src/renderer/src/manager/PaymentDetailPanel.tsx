import { useState } from 'react';
import { toDecimalString, type Currency } from '../../../shared/money';
import { Money } from '../components/Money';
import { useCounter } from '../store';
import { Receipt } from './Receipt';
import { ReceiptPrintButtons, RefundPrintButton } from '../printing/ReceiptPrintButtons';

const when = (ms: number) =>
  new Date(ms).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'medium' });

/** Amount (what remains, to start with) and reason; the PIN is asked on submit. */
function RefundForm({
  paymentId,
  remaining,
  onRefund,
}: {
  paymentId: string;
  remaining: string;
  onRefund(id: string, amount: string, reason: string): void;
}) {
  const [amount, setAmount] = useState(remaining);
  const [reason, setReason] = useState('');
  return (
    <form
      className="refund-form"
      aria-label="Refund"
      onSubmit={(e) => {
        e.preventDefault();
        onRefund(paymentId, amount, reason);
      }}
    >
      <h2>Refund</h2>
      <label>
        Refund amount
        <input value={amount} inputMode="decimal" onChange={(e) => setAmount(e.target.value)} />
      </label>
      <label>
        Reason
        <input
          value={reason}
          maxLength={200}
          required
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={reason.trim() === ''}>
        Refund…
      </button>
    </form>
  );
}

/**
 * One payment: amounts (paid, refunded, what remains), status, Gate's code and message, its
 * refunds, the journal's timeline, and the refund form (amount and reason; the PIN is asked on
 * submit).
 */
export function PaymentDetailPanel() {
  const detail = useCounter((s) => s.detail)!;
  const close = useCounter((s) => s.closeDetail);
  const refund = useCounter((s) => s.refund);
  const { payment, refunds, refundable, timeline } = detail;
  const [receipt, setReceipt] = useState(false);
  if (receipt)
    return <Receipt payment={payment} refunds={refunds} onClose={() => setReceipt(false)} />;
  return (
    <section className="detail" aria-label="Payment detail">
      <div className="detail-head">
        <h1 className="mono">{payment.id}</h1>
        <button type="button" onClick={close}>
          Back to history
        </button>
        <button type="button" onClick={() => setReceipt(true)}>
          Receipt
        </button>
      </div>
      <ReceiptPrintButtons payment={payment} />
      <dl className="facts">
        <dt>Status</dt>
        <dd className={`status status-${payment.state}`}>{payment.state.replaceAll('_', ' ')}</dd>
        <dt>Paid</dt>
        <dd>
          <Money amount={payment.amount} currency={payment.currency} />
        </dd>
        <dt>Refunded</dt>
        <dd>
          <Money amount={payment.refundedAmount} currency={payment.currency} />
        </dd>
        <dt>Can still be refunded</dt>
        <dd>
          <Money amount={refundable} currency={payment.currency} />
        </dd>
        <dt>Gate</dt>
        <dd>{[payment.gateCode, payment.gateMessage].filter(Boolean).join(' ') || '—'}</dd>
        <dt>Created</dt>
        <dd>{when(payment.createdAt)}</dd>
      </dl>
      {refundable > 0 ? (
        // Keyed by what remains: after a refund the form starts again from the new remainder.
        <RefundForm
          key={refundable}
          paymentId={payment.id}
          remaining={toDecimalString(refundable, payment.currency as Currency)}
          onRefund={refund}
        />
      ) : null}
      {refunds.length > 0 ? (
        <>
          <h2>Refunds</h2>
          <table className="history-table">
            <tbody>
              {refunds.map((r) => (
                <tr key={r.id}>
                  <td>{when(r.createdAt)}</td>
                  <td className="num">
                    <Money amount={r.amount} currency={r.currency} />
                  </td>
                  <td className={`status status-${r.state}`}>{r.state}</td>
                  <td>{r.reason}</td>
                  <td>{[r.gateCode, r.gateMessage].filter(Boolean).join(' ')}</td>
                  <td>
                    <RefundPrintButton refund={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>Timeline</h2>
      <ol className="timeline">
        {timeline.map((t, i) => (
          <li key={i} className={`timeline-${t.kind}`}>
            <time>{when(t.at)}</time> {t.text}
          </li>
        ))}
      </ol>
    </section>
  );
}
