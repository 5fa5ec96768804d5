import type { PaymentView } from '../../../shared/ipc/views';
import { Money } from '../components/Money';
import { QrCode } from '../components/QrCode';
import { DemoPayLink } from './DemoPayLink';
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
  if (canRetryAsLink(payment)) return <RetryAsLink payment={payment} />;
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
        <DemoPayLink />
        <button type="button" className="cancel" onClick={() => void cancel()}>
          {t('cancel', language)} <kbd>Esc</kbd>
        </button>
      </div>
    </section>
  );
}

/** True when the sale's Gate QR cannot be scanned and a Payment Page link can take it instead. */
export function canRetryAsLink(payment: PaymentView): boolean {
  return (
    payment.mode === 'gate_qr' && payment.qr?.kind === 'unscannable' && payment.cancelledAt === null
  );
}

/**
 * Gate sent something a QR on this screen cannot carry (a web form, a request for the
 * customer's own details): one sentence saying so, and one key to take the same amount as a
 * Payment Page link, where the customer's phone handles both. The first sale is still tracked.
 */
function RetryAsLink({ payment }: { payment: PaymentView }) {
  const language = useCounter(selectLanguage);
  const retry = useCounter((s) => s.retryAsLink);
  const cancel = useCounter((s) => s.cancel);
  const message = payment.qr?.kind === 'unscannable' ? payment.qr.message : '';
  return (
    <section className="retry-link" aria-label="This QR cannot be scanned">
      <div className="big-amount">
        <Money amount={payment.amount} currency={payment.currency} locale={language} />
      </div>
      <h1>{t('cannotScan', language)}</h1>
      <p className="retry-reason">{message}</p>
      <button type="button" className="primary retry" autoFocus onClick={() => void retry()}>
        {t('retryAsLink', language)} <kbd>Enter</kbd>
      </button>
      <p className="hint">{t('retryAsLinkHint', language)}</p>
      <button type="button" className="cancel" onClick={() => void cancel()}>
        {t('cancel', language)} <kbd>Esc</kbd>
      </button>
      <p className="payment-id">
        {t('paymentId', language)} {payment.id}
      </p>
    </section>
  );
}
