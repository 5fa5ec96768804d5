import { useState } from 'react';
import type { PlainId } from '../cashier/plain-id';
import type { PaymentView } from '../../../shared/ipc/views';
import { Money } from '../components/Money';
import { QrCode } from '../components/QrCode';
import { useNow } from '../hooks/use-now';
import { useSay } from '../i18n/use-say';
import { mmss, screenOf, secondsLeft, type CashierScreen } from '../screen-of';
import { useCounter } from '../store';

/** How long a result stays up before the display welcomes the next customer. */
export const RESULT_SHOWN_MS = 10_000;

/** What the customer reads once the sale has an outcome. */
const NOTICES: Partial<
  Record<
    CashierScreen,
    { tone: 'good' | 'bad' | 'warn'; icon: string; title: PlainId; hint: PlainId }
  >
> = {
  paid: { tone: 'good', icon: '✓', title: 'customer.paid.title', hint: 'customer.paid.hint' },
  declined: { tone: 'bad', icon: '', title: 'customer.failed.title', hint: 'customer.askCashier' },
  rejected: { tone: 'bad', icon: '', title: 'customer.failed.title', hint: 'customer.askCashier' },
  expired: {
    tone: 'warn',
    icon: '',
    title: 'customer.expired.title',
    hint: 'customer.expired.hint',
  },
};

/**
 * The customer-facing display, in its own language (Settings; Simplified Chinese by default):
 * the merchant's name on every screen; the QR, the amount and the countdown; the result for ten
 * seconds, then the welcome screen again. No payment ids, no Gate codes, nothing meant for the
 * cashier.
 */
export function CustomerDisplay() {
  const { say } = useSay();
  const display = useCounter((s) => s.display);
  const merchant = display?.merchantName ?? '';
  const active = display?.active ?? null;
  const now = useNow(active !== null);
  const screen = screenOf(active, now);
  const resultShown = useResultShown(active, screen, now);

  const header = merchant ? <p className="customer-merchant">{merchant}</p> : null;
  if (!active || screen === 'sale' || screen === 'cancelled' || resultShown === 'over') {
    return (
      <main className="customer customer-idle" aria-label={say('customer.label')}>
        {header}
        <h1>{say('customer.welcome.title')}</h1>
        <p className="alipay-mark">{say('customer.welcome.alipay')}</p>
      </main>
    );
  }
  const amount = (
    <div className="customer-amount">
      <Money amount={active.amount} currency={active.currency} />
    </div>
  );
  const notice = NOTICES[screen];
  if (notice) {
    return (
      <main className={`customer customer-${notice.tone}`} aria-label={say('customer.label')}>
        {header}
        {notice.icon ? (
          <div className="customer-icon" aria-hidden="true">
            {notice.icon}
          </div>
        ) : null}
        <h1>{say(notice.title)}</h1>
        {amount}
        <p>{say(notice.hint)}</p>
      </main>
    );
  }
  // A code that cannot be scanned is the cashier's business: the customer is asked to wait.
  const unscannable = active.qr?.kind === 'unscannable';
  const qrReady = screen === 'waiting' && active.qr !== null && !unscannable;
  const left = secondsLeft(active, now);
  return (
    <main className="customer customer-pay" aria-label={say('customer.label')}>
      <div className="customer-qr">
        {qrReady ? (
          <QrCode qr={active.qr} size={520} />
        ) : (
          <div className="qr-placeholder big" aria-busy="true" />
        )}
      </div>
      <div className="customer-pay-text">
        {header}
        <h1>
          {screen === 'unknown'
            ? say('customer.checking.title')
            : active.mode === 'payment_page'
              ? say('customer.pay.scanLink')
              : say('customer.pay.scan')}
        </h1>
        {amount}
        <p
          className="customer-countdown"
          role={qrReady && left !== undefined ? 'timer' : undefined}
        >
          {qrReady && left !== undefined
            ? say('customer.pay.validFor', { time: mmss(left) })
            : unscannable
              ? say('customer.pay.newCode')
              : say('customer.pay.wait')}
        </p>
      </div>
    </main>
  );
}

/**
 * Whether a result (paid, not completed, expired) is still shown: 'showing' for ten seconds from
 * when this display first showed it, by the display's own clock, then 'over'; 'none' while
 * there is no result.
 */
function useResultShown(
  active: PaymentView | null,
  screen: CashierScreen,
  now: number,
): 'none' | 'showing' | 'over' {
  const key = active && NOTICES[screen] ? `${active.id}:${screen}` : null;
  const [since, setSince] = useState<{ key: string; at: number } | null>(null);
  // A new result starts its ten seconds now (state adjusted while rendering, not in an effect).
  if (key !== null && since?.key !== key) setSince({ key, at: now });
  // `now` ticks while a sale is on the display, so the result is taken down on time.
  if (key === null) return 'none';
  if (since?.key !== key) return 'showing';
  return now - since.at >= RESULT_SHOWN_MS ? 'over' : 'showing';
}
