import { useEffect, useRef } from 'react';
import type { PaymentView } from '../../../shared/ipc/views';
import { toDecimalString, type Currency } from '../../../shared/money';
import { Money } from '../components/Money';
import { t } from '../i18n';
import { selectLanguage, useCounter } from '../store';

/**
 * A payment that succeeded after the cashier gave up: interrupts any screen until the cashier
 * chooses Keep (done here) or Refund (needs the manager flow of the next release).
 */
export function LateAlert({ payment }: { payment: PaymentView }) {
  const language = useCounter(selectLanguage);
  const keepLate = useCounter((s) => s.keepLate);
  const refundLate = useCounter((s) => s.refund);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), [payment.id]);
  return (
    <div className="overlay">
      <div
        className="late-alert"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="late-title"
        aria-describedby="late-hint"
      >
        <h2 id="late-title">{t('latePayment', language)}</h2>
        <div className="big-amount">
          <Money amount={payment.amount} currency={payment.currency} locale={language} />
        </div>
        <p id="late-hint">{t('latePaymentHint', language)}</p>
        <p className="payment-id">
          {t('paymentId', language)} {payment.id}
        </p>
        <div className="late-actions">
          <button
            ref={keep}
            type="button"
            className="keep"
            onClick={() => void keepLate(payment.id)}
          >
            {t('keep', language)}
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
                'Late payment: the customer had given up',
              )
            }
          >
            {t('refund', language)}
          </button>
        </div>
        <p id="refund-pin" className="hint">
          {t('refundNeedsPin', language)}
        </p>
      </div>
    </div>
  );
}
