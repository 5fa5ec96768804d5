import { useEffect, useRef } from 'react';
import type { PaymentView } from '../../../shared/ipc/views';
import { toDecimalString, type Currency } from '../../../shared/money';
import { Dialog } from '../components/Dialog';
import { Money } from '../components/Money';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';

/**
 * A payment that succeeded after the cashier gave up: interrupts any screen until the cashier
 * chooses Keep (done here) or Refund (under the manager PIN).
 */
export function LateAlert({ payment }: { payment: PaymentView }) {
  const { say } = useSay();
  const keepLate = useCounter((s) => s.keepLate);
  const refundLate = useCounter((s) => s.refund);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), [payment.id]);
  return (
    <Dialog
      className="late-alert"
      titleId="late-title"
      title={say('cashier.late.title')}
      describedBy="late-hint"
      alert
    >
      <div className="big-amount">
        <Money amount={payment.amount} currency={payment.currency} />
      </div>
      <p id="late-hint">{say('cashier.late.say')}</p>
      <p className="payment-id">{say('cashier.paymentId', { id: payment.id })}</p>
      <div className="late-actions">
        <button ref={keep} type="button" className="keep" onClick={() => void keepLate(payment.id)}>
          {say('cashier.late.keep')}
        </button>
        <button
          type="button"
          className="refund"
          aria-describedby="refund-pin"
          onClick={() =>
            refundLate(
              payment.id,
              toDecimalString(
                payment.amount - payment.refundedAmount,
                payment.currency as Currency,
              ),
              say('cashier.late.refundReason'),
            )
          }
        >
          {say('cashier.late.refund')}
        </button>
      </div>
      <p id="refund-pin" className="hint">
        {say('cashier.late.refundNeedsPin')}
      </p>
    </Dialog>
  );
}
