import { useEffect, useRef } from 'react';
import type { PaymentView } from '../../../shared/ipc/views';
import type { PlainId } from './plain-id';
import { Money } from '../components/Money';
import { useSay } from '../i18n/use-say';
import type { CashierScreen } from '../screen-of';
import { useCounter } from '../store';
import { useTryAgainKey } from './use-try-again-key';
import { KeyButton } from './KeyButton';

type Outcome = Exclude<CashierScreen, 'sale' | 'sending' | 'waiting'>;

const LOOK: Record<
  Outcome,
  { title: PlainId; say?: PlainId; tone: 'good' | 'bad' | 'warn'; icon: string }
> = {
  paid: { title: 'cashier.outcome.paid.title', tone: 'good', icon: '✓' },
  declined: {
    title: 'cashier.outcome.declined.title',
    say: 'cashier.outcome.declined.say',
    tone: 'bad',
    icon: '✕',
  },
  rejected: {
    title: 'cashier.outcome.rejected.title',
    say: 'cashier.outcome.rejected.say',
    tone: 'bad',
    icon: '✕',
  },
  expired: {
    title: 'cashier.outcome.expired.title',
    say: 'cashier.outcome.expired.say',
    tone: 'warn',
    icon: '!',
  },
  cancelled: {
    title: 'cashier.outcome.cancelled.title',
    say: 'cashier.outcome.cancelled.say',
    tone: 'warn',
    icon: '⊘',
  },
  unknown: {
    title: 'cashier.outcome.unknown.title',
    say: 'cashier.outcome.unknown.say',
    tone: 'warn',
    icon: '?',
  },
};

/** The outcomes a cashier may simply charge again: nothing was taken from the customer. */
const CAN_TRY_AGAIN: ReadonlySet<Outcome> = new Set(['declined', 'rejected', 'expired']);

/**
 * A result (paid, declined, not charged) or an in-between (expired, cancelled, unknown): what
 * happened and what to do in one sentence, and the way on. Where nothing was charged, Try again
 * (R) charges the same amount in the same currency; New sale (Enter) starts afresh. Gate's own
 * code and words stay behind Details.
 */
export function OutcomeScreen({ screen, payment }: { screen: Outcome; payment: PaymentView }) {
  const { say } = useSay();
  const newSale = useCounter((s) => s.newSale);
  const tryAgain = useCounter((s) => s.tryAgain);
  const charging = useCounter((s) => s.charging);
  const openView = useCounter((s) => s.openView);
  const openDetail = useCounter((s) => s.openDetail);
  const look = LOOK[screen];
  const button = useRef<HTMLButtonElement>(null);
  // On an unknown outcome, a reflex Enter must not start another sale for the same customer.
  const quickExit = screen !== 'unknown';
  const retryable = CAN_TRY_AGAIN.has(screen);
  useTryAgainKey(retryable);
  useEffect(() => {
    if (quickExit) button.current?.focus();
  }, [screen, quickExit]);
  // A sale that never reached Alipay says so: the fix is the connection, not the customer.
  const sentence =
    screen === 'rejected' && payment.gateCode === 'NETWORK'
      ? 'cashier.outcome.rejected.network'
      : look.say;
  const gateText = [payment.gateMessage, payment.gateCode ? `(${payment.gateCode})` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <section className={`outcome outcome-${look.tone}`} aria-labelledby="outcome-title">
      <div className="outcome-icon" aria-hidden="true">
        {look.icon}
      </div>
      <h1 id="outcome-title" className="outcome-title">
        {say(look.title)}
      </h1>
      <div className="big-amount">
        <Money amount={payment.amount} currency={payment.currency} />
      </div>
      {sentence ? <p className="outcome-say">{say(sentence)}</p> : null}
      <div className="outcome-actions">
        {retryable ? (
          <KeyButton
            shortcut="R"
            className="try-again"
            disabled={charging}
            onClick={() => void tryAgain()}
          >
            {say('cashier.outcome.tryAgain')}
          </KeyButton>
        ) : null}
        <KeyButton
          buttonRef={button}
          shortcut={quickExit ? 'Enter' : undefined}
          className="new-sale"
          onClick={() => void newSale()}
        >
          {say('cashier.outcome.newSale')}
        </KeyButton>
        {screen === 'paid' ? (
          <button
            type="button"
            className="secondary"
            onClick={() => {
              openView('history');
              void openDetail(payment.id);
            }}
          >
            {say('cashier.outcome.refund')}
          </button>
        ) : null}
      </div>
      <p className="payment-id">{say('cashier.paymentId', { id: payment.id })}</p>
      {(screen === 'declined' || screen === 'rejected') && gateText ? (
        <details className="details">
          <summary>{say('cashier.details')}</summary>
          <p className="gate-message">{say('cashier.outcome.gateAnswer', { text: gateText })}</p>
        </details>
      ) : null}
    </section>
  );
}
