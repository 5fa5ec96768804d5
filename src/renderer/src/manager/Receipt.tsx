import { useIntl } from 'react-intl';
import type { PaymentView, RefundView } from '../../../shared/ipc/views';
import { toDecimalString, type Currency } from '../../../shared/money';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';

/**
 * A customer receipt for a payment and its refunds, in the window's language: merchant, date and
 * time, amount, payment id, status. Printed with the window's own print (Save as PDF there).
 */
export function Receipt({
  payment,
  refunds,
  onClose,
}: {
  payment: PaymentView;
  refunds: RefundView[];
  onClose(): void;
}) {
  const { say } = useSay();
  const intl = useIntl();
  const merchant = useCounter((s) => s.settings?.merchantName) || say('common.productName');
  const time = (ms: number) =>
    intl.formatDate(ms, { dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' });
  // With the currency's code, as on the printed slip: "¥" alone reads as yen or yuan.
  const money = (minor: number, currency: string) =>
    intl.formatNumber(Number(toDecimalString(minor, currency as Currency)), {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
    });
  return (
    <section className="receipt-screen" aria-label={say('printing.receipt.label')}>
      <div className="receipt" id="receipt">
        <h1>{merchant}</h1>
        <p className="receipt-title">{say('printing.receipt.title')}</p>
        <dl>
          <dt>{say('printing.slip.time')}</dt>
          <dd>{time(payment.settledAt ?? payment.createdAt)}</dd>
          <dt>{say('printing.slip.amount')}</dt>
          <dd className="receipt-amount">{money(payment.amount, payment.currency)}</dd>
          <dt>{say('printing.slip.method')}</dt>
          <dd>{say('printing.slip.alipay')}</dd>
          <dt>{say('printing.slip.paymentId')}</dt>
          <dd className="mono">{payment.id}</dd>
          <dt>{say('printing.receipt.status')}</dt>
          <dd>{say('printing.receipt.state', { state: payment.state })}</dd>
        </dl>
        {refunds
          .filter((r) => r.state === 'succeeded')
          .map((r) => (
            <dl key={r.id} className="receipt-refund">
              <dt>{say('printing.receipt.refund')}</dt>
              <dd>
                {money(r.amount, r.currency)}
                <br />
                {time(r.settledAt ?? r.createdAt)}
              </dd>
            </dl>
          ))}
        <p className="receipt-thanks">{say('printing.slip.thanks')}</p>
      </div>
      <div className="receipt-actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          {say('printing.receipt.print')}
        </button>
        <button type="button" onClick={onClose}>
          {say('common.action.back')}
        </button>
      </div>
    </section>
  );
}
