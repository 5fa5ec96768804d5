import type { PaymentView } from '../../../shared/ipc/views';
import { useSay } from '../i18n/use-say';
import { paidLate, statusLabel, statusOf } from './payment-words';

/**
 * A payment's status in words, tagged when the customer paid late: History's Status column and
 * the line in a payment's detail say it the same way.
 */
export function PaymentStatus({ payment, as: Cell }: { payment: PaymentView; as: 'td' | 'dd' }) {
  const { say } = useSay();
  return (
    <Cell className={`status status-${statusOf(payment)}`}>
      {say(statusLabel(payment))}
      {paidLate(payment) ? <span className="late-tag">{say('manager.status.late')}</span> : null}
    </Cell>
  );
}
