import { useState } from 'react';
import { useIntl } from 'react-intl';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { useAmount } from './Amount';

/** Amount (what remains, to start with) and reason; the PIN is asked on submit if needed. */
export function RefundForm({
  paymentId,
  remaining,
}: {
  paymentId: string;
  /** What remains to refund, as a decimal with a point ("70.00"). */
  remaining: string;
}) {
  const { say } = useSay();
  const intl = useIntl();
  const refund = useCounter((s) => s.refund);
  // Typed with the locale's decimal separator (12,50 in German); sent to main with a point.
  const comma = intl.formatNumber(1.5).includes(',');
  const [amount, setAmount] = useState(comma ? remaining.replace('.', ',') : remaining);
  const [reason, setReason] = useState('');
  return (
    <form
      className="refund-form"
      aria-label={say('manager.refund.title')}
      onSubmit={(e) => {
        e.preventDefault();
        refund(paymentId, comma ? amount.replace(',', '.') : amount, reason);
      }}
    >
      <h2>{say('manager.refund.title')}</h2>
      <label>
        {say('manager.refund.amount')}
        <input value={amount} inputMode="decimal" onChange={(e) => setAmount(e.target.value)} />
      </label>
      <label>
        {say('manager.refund.reason')}
        <input
          value={reason}
          maxLength={200}
          required
          onChange={(e) => setReason(e.target.value)}
        />
      </label>
      <button type="submit" className="primary" disabled={reason.trim() === ''}>
        {say('manager.refund.submit')}
      </button>
    </form>
  );
}

/** The refund main accepted: how much, and what happens next. */
export function RefundDoneNote() {
  const { say } = useSay();
  const done = useCounter((s) => s.refundDone);
  const dismiss = useCounter((s) => s.dismissRefundDone);
  const money = useAmount();
  if (!done) return null;
  return (
    <div className="refund-done" role="status">
      <h2>{say('manager.refund.doneTitle', { amount: money(done.amount, done.currency) })}</h2>
      <p>{say('manager.refund.doneBody')}</p>
      <button type="button" onClick={dismiss}>
        {say('manager.refund.doneOk')}
      </button>
    </div>
  );
}
