import type { PaymentView } from '../../../shared/ipc/views';
import { Money } from '../components/Money';
import { QrCode } from '../components/QrCode';
import { t } from '../i18n';
import { mmss, secondsLeft } from '../screen-of';
import { selectLanguage, useCounter } from '../store';

/** The QR on the cashier's screen, the amount, the countdown, the live status and Cancel (Esc). */
export function WaitingScreen({
  payment,
  now,
  sending,
}: {
  payment: PaymentView;
  now: number;
  sending: boolean;
}) {
  const language = useCounter(selectLanguage);
  const cancel = useCounter((s) => s.cancel);
  const left = secondsLeft(payment, now);
  const status = sending
    ? t('sending', language)
    : payment.mode === 'payment_page'
      ? t('waitingForLink', language)
      : payment.qr
        ? t('waitingForCustomer', language)
        : t('waitingForQr', language);
  return (
    <section className="waiting" aria-label="Waiting for payment">
      <div className="waiting-qr">
        {sending || !payment.qr ? (
          <div className="qr-placeholder" aria-busy="true" />
        ) : (
          <QrCode qr={payment.qr} size={340} />
        )}
      </div>
      <div className="waiting-side">
        <div className="big-amount">
          <Money amount={payment.amount} currency={payment.currency} locale={language} />
        </div>
        {left !== undefined ? (
          <div
            className="countdown"
            role="timer"
            aria-live="off"
            aria-label={`${t('qrValidFor', language)} ${mmss(left)}`}
          >
            {t('qrValidFor', language)} <strong>{mmss(left)}</strong>
          </div>
        ) : null}
        <p className="live-status" aria-live="polite">
          {status}
        </p>
        <p className="payment-id">
          {t('paymentId', language)} {payment.id}
        </p>
        <button type="button" className="cancel" onClick={() => void cancel()}>
          {t('cancel', language)} <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}
