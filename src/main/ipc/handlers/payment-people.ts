import type { PaymentPeople } from '../../../shared/ipc/views';
import type { Journal } from '../../journal/journal';

/** Who took a payment, who refunded it (and who authorised that), who decided it when late. */
export function paymentPeople(journal: Journal, paymentId: string): PaymentPeople {
  const { attribution, staff } = journal.people;
  const taken = attribution.payment(paymentId);
  const lateId = taken?.lateStaffId ?? null;
  const refunds: PaymentPeople['refunds'] = {};
  for (const refund of journal.refunds.ofPayment(paymentId)) {
    const who = attribution.refund(refund.id);
    refunds[refund.id] = {
      by: who?.staffName ?? null,
      authorisedBy: who?.authorisedByName ?? null,
    };
  }
  return {
    takenBy: taken?.staffName ?? null,
    shiftId: taken?.shiftId ?? null,
    lateDecidedBy: lateId === null ? null : (staff.get(lateId)?.name ?? null),
    refunds,
  };
}
