import { isSettled } from '../../shared/payment-state';
import type { Journal } from '../journal/journal';

/** What the counter is in the middle of, if anything. */
export interface CounterActivity {
  /** Why a restart now would interrupt a sale, or null. */
  saleOnScreen(): string | null;
  /** Why the counter is not idle (a sale on screen, an open payment or refund), or null. */
  busyReason(): string | null;
}

/**
 * Reads the journal: the sale on screen (kept in counter_state), payments and refunds whose
 * outcome is not final. A restart never loses those (start-up recovery settles them), but an
 * automatic update waits until there are none.
 */
export function journalActivity(
  journal: Journal,
  activeId: () => string | undefined,
): CounterActivity {
  const saleOnScreen = () => {
    const id = activeId();
    const payment = id ? journal.get(id) : undefined;
    if (!payment || isSettled(payment.state) || payment.cancelledAt !== null) return null;
    return `sale ${payment.id} is on screen`;
  };
  return {
    saleOnScreen,
    busyReason: () => {
      const onScreen = saleOnScreen();
      if (onScreen) return onScreen;
      const payment = journal.openPayments()[0];
      if (payment) return `payment ${payment.id} is still open (${payment.state})`;
      const refund = journal.refunds.open()[0];
      if (refund) return `refund ${refund.id} is still open (${refund.state})`;
      return null;
    },
  };
}
