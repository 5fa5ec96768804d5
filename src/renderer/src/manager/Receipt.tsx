import type { PaymentView, RefundView } from '../../../shared/ipc/views';
import { Money } from '../components/Money';
import { useCounter } from '../store';

const STATUS: Record<string, { zh: string; en: string }> = {
  succeeded: { zh: '支付成功', en: 'Paid' },
  partially_refunded: { zh: '部分退款', en: 'Partially refunded' },
  refunded: { zh: '已退款', en: 'Refunded' },
  declined: { zh: '支付失败', en: 'Declined' },
};

/**
 * A customer receipt for a payment and its refunds, in Chinese and English: merchant, date and
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
  const merchant = useCounter((s) => s.settings?.merchantName) || 'Alipay Counter';
  const status = STATUS[payment.state] ?? { zh: payment.state, en: payment.state };
  const time = (ms: number) => new Date(ms).toLocaleString('zh-CN', { hour12: false });
  return (
    <section className="receipt-screen" aria-label="Receipt">
      <div className="receipt" id="receipt">
        <h1>{merchant}</h1>
        <p className="receipt-title">收款凭证 · Receipt</p>
        <dl>
          <dt>时间 · Time</dt>
          <dd>{time(payment.settledAt ?? payment.createdAt)}</dd>
          <dt>金额 · Amount</dt>
          <dd className="receipt-amount">
            <Money amount={payment.amount} currency={payment.currency} locale="zh" />
          </dd>
          <dt>支付方式 · Method</dt>
          <dd>支付宝 Alipay</dd>
          <dt>订单号 · Payment</dt>
          <dd className="mono">{payment.id}</dd>
          <dt>状态 · Status</dt>
          <dd>
            {status.zh} · {status.en}
          </dd>
        </dl>
        {refunds
          .filter((r) => r.state === 'succeeded')
          .map((r) => (
            <dl key={r.id} className="receipt-refund">
              <dt>退款 · Refund</dt>
              <dd>
                <Money amount={r.amount} currency={r.currency} locale="zh" /> ·{' '}
                {time(r.settledAt ?? r.createdAt)}
              </dd>
            </dl>
          ))}
        <p className="receipt-thanks">谢谢惠顾 · Thank you</p>
      </div>
      <div className="receipt-actions no-print">
        <button type="button" className="primary" onClick={() => window.print()}>
          Print
        </button>
        <button type="button" onClick={onClose}>
          Back
        </button>
      </div>
    </section>
  );
}
