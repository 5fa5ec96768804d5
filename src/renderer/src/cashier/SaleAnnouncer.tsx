import type { MessageId } from '../../../shared/i18n/message-args';
import { useMoney } from '../components/Money';
import { useNow } from '../hooks/use-now';
import { useSay } from '../i18n/use-say';
import { screenOf, type CashierScreen } from '../screen-of';
import { useCounter } from '../store';

/** What a screen reader hears when the sale on the counter changes state. */
const ANNOUNCED: Partial<Record<CashierScreen, MessageId>> = {
  waiting: 'cashier.announce.waiting',
  paid: 'cashier.announce.paid',
  declined: 'cashier.announce.declined',
  rejected: 'cashier.announce.rejected',
  expired: 'cashier.announce.expired',
  cancelled: 'cashier.announce.cancelled',
  unknown: 'cashier.announce.unknown',
};

/**
 * A polite live region that stays on the cashier's window whatever screen is up, so that a
 * change of the payment's state (waiting, paid, declined ...) is read out once, with its amount.
 * Mounted once: a region created with its text already in it is not announced.
 */
export function SaleAnnouncer() {
  const { say } = useSay();
  const money = useMoney();
  const active = useCounter((s) => s.session?.active ?? null);
  const ticking =
    active !== null && (active.state === 'requested' || active.state === 'awaiting_customer');
  const screen = screenOf(active, useNow(ticking, 1000));
  const id = ANNOUNCED[screen];
  const text =
    active && id
      ? say(id as 'cashier.announce.paid', { amount: money(active.amount, active.currency) })
      : '';
  return (
    <p className="visually-hidden sale-announcer" role="status" aria-live="polite">
      {text}
    </p>
  );
}
