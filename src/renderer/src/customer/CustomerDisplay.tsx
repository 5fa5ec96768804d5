import { Money } from '../components/Money';
import { QrCode } from '../components/QrCode';
import { useNow } from '../hooks/use-now';
import { mmss, screenOf, secondsLeft } from '../screen-of';
import { useCounter } from '../store';

/** Chinese first, English below: what the customer reads from across the counter. */
function Words({ zh, en }: { zh: string; en: string }) {
  return (
    <>
      <span className="zh" lang="zh-CN">
        {zh}
      </span>
      <span className="en" lang="en">
        {en}
      </span>
    </>
  );
}

const NOT_COMPLETED = {
  tone: 'bad',
  icon: '',
  title: { zh: '支付未成功', en: 'Payment not completed' },
  hint: { zh: '请联系收银员', en: 'Please ask the cashier' },
} as const;

/** What the customer reads once the sale has an outcome, in both languages. */
const NOTICES = {
  paid: {
    tone: 'good',
    icon: '✓',
    title: { zh: '支付成功', en: 'Payment successful' },
    hint: { zh: '谢谢惠顾', en: 'Thank you' },
  },
  declined: NOT_COMPLETED,
  rejected: NOT_COMPLETED,
  expired: {
    tone: 'warn',
    icon: '',
    title: { zh: '二维码已过期', en: 'QR code expired' },
    hint: { zh: '请联系收银员重新生成', en: 'Please ask the cashier for a new code' },
  },
} as const;

/**
 * The customer-facing display: the QR, the amount, the countdown and the result, in Simplified
 * Chinese and English. No payment ids, no Gate codes, nothing meant for the cashier.
 */
export function CustomerDisplay() {
  const display = useCounter((s) => s.display);
  const merchant = display?.merchantName ?? '';
  const active = display?.active ?? null;
  const now = useNow(active !== null);
  const screen = screenOf(active, now);
  const left = secondsLeft(active, now);

  if (!active || screen === 'sale' || screen === 'cancelled') {
    return (
      <main className="customer customer-idle" aria-label="Customer display">
        <h1>
          <Words zh="欢迎光临" en="Welcome" />
        </h1>
        {merchant ? <p className="merchant">{merchant}</p> : null}
        <p className="alipay-mark">
          <Words zh="支持支付宝付款" en="Alipay accepted here" />
        </p>
      </main>
    );
  }
  const amount = (
    <div className="customer-amount">
      <Money amount={active.amount} currency={active.currency} locale="zh" />
    </div>
  );
  const notice = NOTICES[screen as keyof typeof NOTICES];
  if (notice) {
    return (
      <main className={`customer customer-${notice.tone}`} aria-label="Customer display">
        {notice.icon ? (
          <div className="customer-icon" aria-hidden="true">
            {notice.icon}
          </div>
        ) : null}
        <h1>
          <Words {...notice.title} />
        </h1>
        {amount}
        <p>
          <Words {...notice.hint} />
        </p>
      </main>
    );
  }
  // A code that cannot be scanned is the cashier's business: the customer is asked to wait.
  const unscannable = active.qr?.kind === 'unscannable';
  const qrReady = screen === 'waiting' && active.qr !== null && !unscannable;
  return (
    <main className="customer customer-pay" aria-label="Customer display">
      <div className="customer-qr">
        {qrReady ? (
          <QrCode qr={active.qr} size={520} />
        ) : (
          <div className="qr-placeholder big" aria-busy="true" />
        )}
      </div>
      <div className="customer-pay-text">
        <h1>
          {active.mode === 'payment_page' ? (
            <Words
              zh="请用手机相机扫码，再用支付宝付款"
              en="Scan with your phone's camera, then pay with Alipay"
            />
          ) : (
            <Words zh="请使用支付宝扫码付款" en="Scan with Alipay to pay" />
          )}
        </h1>
        {amount}
        {qrReady && left !== undefined ? (
          <p className="customer-countdown" role="timer" aria-label={`QR valid for ${mmss(left)}`}>
            <Words zh={`二维码有效时间 ${mmss(left)}`} en={`QR valid for ${mmss(left)}`} />
          </p>
        ) : unscannable ? (
          <p className="customer-countdown">
            <Words
              zh="请稍候，收银员正在准备新的二维码"
              en="One moment please: the cashier is preparing a new code"
            />
          </p>
        ) : (
          <p className="customer-countdown">
            <Words zh="请稍候" en="One moment please" />
          </p>
        )}
      </div>
    </main>
  );
}
