import type { ExportFile, PaymentPeople, ReportView } from '../../../shared/ipc/views';
import type { Journal } from '../../journal/journal';
import { namedTotals, perPersonCsv } from '../../shifts/staff-reports';

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

/** A Z report's CSV with its totals per person after a blank line. */
export function withPeople(file: ExportFile, journal: Journal, report: ReportView): ExportFile {
  const rows = journal.people.reports.byPerson(report.periodStart, report.periodEnd);
  if (rows.length === 0) return file;
  const people = perPersonCsv(namedTotals(journal, rows, 'person')).replace(/^\ufeff/, '');
  const lines = people.trim().split('\n').length;
  return {
    ...file,
    content: `${file.content.replace(/\s*$/, '')}\r\n\r\n${people}`,
    rows: file.rows + lines - 1,
  };
}
