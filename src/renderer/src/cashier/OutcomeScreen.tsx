import { useEffect, useRef } from 'react';
import type { PaymentView } from '../../../shared/ipc/views';
import { Money } from '../components/Money';
import { t, type StringKey } from '../i18n';
import type { CashierScreen } from '../screen-of';
import { selectLanguage, useCounter } from '../store';

type Outcome = Exclude<CashierScreen, 'sale' | 'sending' | 'waiting'>;

const LOOK: Record<
  Outcome,
  { title: StringKey; hint?: StringKey; tone: 'good' | 'bad' | 'warn'; icon: string }
> = {
  paid: { title: 'paid', tone: 'good', icon: '✓' },
  declined: { title: 'declined', tone: 'bad', icon: '✕' },
  rejected: { title: 'rejected', tone: 'bad', icon: '✕' },
  expired: { title: 'expired', hint: 'expiredHint', tone: 'warn', icon: '!' },
  cancelled: { title: 'cancelled', hint: 'cancelledHint', tone: 'warn', icon: '⊘' },
  unknown: { title: 'unknown', hint: 'unknownHint', tone: 'warn', icon: '?' },
};

/** A result (paid, declined, not charged) or an in-between (expired, cancelled, unknown). */
export function OutcomeScreen({ screen, payment }: { screen: Outcome; payment: PaymentView }) {
  const language = useCounter(selectLanguage);
  const newSale = useCounter((s) => s.newSale);
  const openView = useCounter((s) => s.openView);
  const openDetail = useCounter((s) => s.openDetail);
  const look = LOOK[screen];
  const button = useRef<HTMLButtonElement>(null);
  // On an unknown outcome, a reflex Enter must not start another sale for the same customer.
  const quickExit = screen !== 'unknown';
  useEffect(() => {
    if (quickExit) button.current?.focus();
  }, [screen, quickExit]);
  const gateText = [
    payment.gateMessage,
    payment.gateCode && payment.gateCode !== '0' ? `(${payment.gateCode})` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <section className={`outcome outcome-${look.tone}`} aria-label={t(look.title, language)}>
      <div className="outcome-icon" aria-hidden="true">
        {look.icon}
      </div>
      <h1 className="outcome-title">{t(look.title, language)}</h1>
      <div className="big-amount">
        <Money amount={payment.amount} currency={payment.currency} locale={language} />
      </div>
      {(screen === 'declined' || screen === 'rejected') && gateText ? (
        <p className="gate-message">{gateText}</p>
      ) : null}
      {look.hint ? <p className="hint">{t(look.hint, language)}</p> : null}
      <p className="payment-id">
        {t('paymentId', language)} {payment.id}
      </p>
      <button ref={button} type="button" className="new-sale" onClick={() => void newSale()}>
        {t('newSale', language)} {quickExit ? <kbd>Enter</kbd> : null}
      </button>
      {screen === 'paid' ? (
        <button
          type="button"
          className="secondary"
          onClick={() => {
            openView('history');
            void openDetail(payment.id);
          }}
        >
          {t('refundAction', language)}
        </button>
      ) : null}
    </section>
  );
}
