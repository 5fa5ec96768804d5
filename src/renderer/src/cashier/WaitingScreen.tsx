import type { PaymentView } from '../../../shared/ipc/views';
import { Money } from '../components/Money';
import { QrCode } from '../components/QrCode';
import { Say } from '../i18n/Say';
import { useSay } from '../i18n/use-say';
import { DemoPayLink } from './DemoPayLink';
import { mmss, secondsLeft } from '../screen-of';
import { useCounter } from '../store';
import { KeyButton } from './KeyButton';

/** The QR on the cashier's screen, the amount, the countdown, what is happening and Cancel (Esc). */
export function WaitingScreen({
  payment,
  now,
  sending,
}: {
  payment: PaymentView;
  now: number;
  sending: boolean;
}) {
  const { say } = useSay();
  const left = secondsLeft(payment, now);
  if (canRetryAsLink(payment)) return <RetryAsLink payment={payment} />;
  const status = sending
    ? say('cashier.waiting.sending')
    : payment.mode === 'payment_page'
      ? say('cashier.waiting.forLink')
      : payment.qr
        ? say('cashier.waiting.forCustomer')
        : say('cashier.waiting.forQr');
  return (
    <section className="waiting" aria-labelledby="waiting-title">
      <div className="waiting-qr">
        {sending || !payment.qr ? (
          <div className="qr-placeholder" aria-busy="true" />
        ) : (
          <QrCode qr={payment.qr} size={340} />
        )}
      </div>
      <div className="waiting-side">
        <h1 id="waiting-title" className="live-status">
          {status}
        </h1>
        <div className="big-amount">
          <Money amount={payment.amount} currency={payment.currency} />
        </div>
        {left !== undefined ? (
          <div className="countdown" role="timer" aria-live="off">
            <Say id="cashier.waiting.validFor" values={{ time: mmss(left) }} />
          </div>
        ) : null}
        <p className="payment-id">{say('cashier.paymentId', { id: payment.id })}</p>
        <DemoPayLink />
        <CancelSaleButton />
      </div>
    </section>
  );
}

/** Cancel (Esc): the same button under the QR and where the QR cannot be scanned. */
function CancelSaleButton() {
  const { say } = useSay();
  const cancel = useCounter((s) => s.cancel);
  return (
    <KeyButton shortcut="Escape" className="cancel" onClick={() => void cancel()}>
      {say('cashier.waiting.cancel')}
    </KeyButton>
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
  const { say, sayAll } = useSay();
  const retry = useCounter((s) => s.retryAsLink);
  const qr = payment.qr?.kind === 'unscannable' ? payment.qr : null;
  return (
    <section className="retry-link" aria-labelledby="retry-link-title">
      <div className="big-amount">
        <Money amount={payment.amount} currency={payment.currency} />
      </div>
      <h1 id="retry-link-title">{say('cashier.retryLink.title')}</h1>
      {qr ? <p className="retry-reason">{sayAll(qr.message)}</p> : null}
      <KeyButton shortcut="Enter" className="primary retry" autoFocus onClick={() => void retry()}>
        {say('cashier.retryLink.action')}
      </KeyButton>
      <p className="hint">{say('cashier.retryLink.hint')}</p>
      <CancelSaleButton />
      <p className="payment-id">{say('cashier.paymentId', { id: payment.id })}</p>
      {qr?.detail ? (
        <details className="details">
          <summary>{say('cashier.details')}</summary>
          <p>{qr.detail}</p>
        </details>
      ) : null}
    </section>
  );
}
