import { useState } from 'react';
import { useIntl } from 'react-intl';
import { toDecimalString, type Currency } from '../../../shared/money';
import { Fact } from '../components/Fact';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { Receipt } from './Receipt';
import { ReceiptPrintButtons, RefundPrintButton } from '../printing/ReceiptPrintButtons';
import { Amount, AmountCell } from './Amount';
import { outcomeSentence, refundLabel } from './payment-words';
import { PaymentStatus } from './PaymentStatus';
import { PaymentPeopleFacts, RefundPeopleCell } from './PaymentPeople';
import { PaymentTimeline } from './PaymentTimeline';
import { RefundDoneNote, RefundForm } from './RefundForm';

/**
 * One payment: what happened in one sentence, amounts (paid, refunded, what remains), its
 * refunds, what happened step by step, and the refund form. ecommpay's codes and the journal's
 * own words stay behind Details.
 */
export function PaymentDetailPanel() {
  const { say, sayError } = useSay();
  const intl = useIntl();
  const detail = useCounter((s) => s.detail)!;
  const error = useCounter((s) => s.historyError);
  const close = useCounter((s) => s.closeDetail);
  const { payment, refunds, refundable, timeline, people } = detail;
  const [receipt, setReceipt] = useState(false);
  const [details, setDetails] = useState(false);
  const when = (ms: number) =>
    intl.formatDate(ms, { dateStyle: 'short', timeStyle: 'medium' } as Intl.DateTimeFormatOptions);
  if (receipt)
    return <Receipt payment={payment} refunds={refunds} onClose={() => setReceipt(false)} />;
  const gate = [payment.gateCode, payment.gateMessage].filter(Boolean).join(' ');
  return (
    <section className="detail" aria-label={say('manager.detail.label')}>
      <div className="detail-head">
        <h1 className="mono">{payment.id}</h1>
        <button type="button" onClick={close}>
          {say('manager.detail.back')}
        </button>
        <button type="button" onClick={() => setReceipt(true)}>
          {say('manager.detail.receipt')}
        </button>
        <button type="button" aria-expanded={details} onClick={() => setDetails(!details)}>
          {say(details ? 'manager.detail.hideDetails' : 'manager.detail.showDetails')}
        </button>
      </div>
      <ReceiptPrintButtons payment={payment} />
      <p className="outcome-sentence">{say(outcomeSentence(payment))}</p>
      <RefundDoneNote />
      <dl className="facts">
        <dt>{say('manager.detail.status')}</dt>
        <PaymentStatus payment={payment} as="dd" />
        <Fact term={say('manager.detail.amount')}>
          <Amount amount={payment.amount} currency={payment.currency} />
        </Fact>
        <Fact term={say('manager.detail.refunded')}>
          <Amount amount={payment.refundedAmount} currency={payment.currency} />
        </Fact>
        <Fact term={say('manager.detail.refundable')}>
          <Amount amount={refundable} currency={payment.currency} />
        </Fact>
        <Fact term={say('manager.detail.started')}>{when(payment.createdAt)}</Fact>
        <PaymentPeopleFacts people={people} />
        {details ? (
          <Fact term={say('manager.detail.gate')} className="mono">
            {gate || say('manager.detail.noGate')}
          </Fact>
        ) : null}
      </dl>
      {refundable > 0 ? (
        // Keyed by what remains: after a refund the form starts again from the new remainder.
        <RefundForm
          key={refundable}
          paymentId={payment.id}
          remaining={toDecimalString(refundable, payment.currency as Currency)}
        />
      ) : null}
      {error ? (
        <p className="action-error" role="alert">
          {sayError(error)}
        </p>
      ) : null}
      {refunds.length > 0 ? (
        <>
          <h2>{say('manager.detail.refunds')}</h2>
          <table className="history-table">
            <tbody>
              {refunds.map((r) => (
                <tr key={r.id}>
                  <td>{when(r.createdAt)}</td>
                  <AmountCell amount={r.amount} currency={r.currency} />
                  <td className={`status status-${r.state}`}>{say(refundLabel(r))}</td>
                  <td>{r.reason}</td>
                  <RefundPeopleCell people={people} refundId={r.id} />
                  {details ? (
                    <td className="mono">
                      {[r.gateCode, r.gateMessage].filter(Boolean).join(' ')}
                    </td>
                  ) : null}
                  <td>
                    <RefundPrintButton refund={r} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      <h2>{say('manager.detail.timeline')}</h2>
      <PaymentTimeline entries={timeline} details={details} />
    </section>
  );
}
