import { toCsv } from '../reports/csv';
import type { Journal } from '../journal/journal';
import type { AttributedTotals } from '../journal/staff-report-queries';

/** Totals of a person or shift with the name a report prints. */
export interface NamedTotals extends AttributedTotals {
  /** The member's name ("Nobody signed in" for rows from before staff). */
  readonly name: string;
  /** For a shift: when it opened and ended (null while open). */
  readonly openedAt?: number;
  readonly endedAt?: number | null;
}

const NOBODY = 'Nobody signed in';

/** Names the rows of a split by person or by shift. */
export function namedTotals(
  journal: Journal,
  rows: readonly AttributedTotals[],
  by: 'person' | 'shift',
): NamedTotals[] {
  return rows.map((row) => {
    if (row.key === null) return { ...row, name: NOBODY };
    if (by === 'person')
      return { ...row, name: journal.people.staff.get(row.key)?.name ?? `#${row.key}` };
    const shift = journal.people.shifts.get(row.key);
    const name = shift
      ? (journal.people.staff.get(shift.staffId)?.name ?? `#${shift.staffId}`)
      : NOBODY;
    return shift
      ? { ...row, name, openedAt: shift.openedAt, endedAt: shift.endedAt }
      : { ...row, name };
  });
}

/** The per-person rows of a report as CSV (the Z's CSV carries them), amounts in minor units. */
export function perPersonCsv(rows: readonly NamedTotals[]): string {
  return toCsv(
    ['staff', 'currency', 'payments', 'payments_minor', 'refunds', 'refunds_minor', 'net_minor'],
    rows.map((r) => [
      r.name,
      r.currency,
      r.payments.count,
      r.payments.sum,
      r.refunds.count,
      r.refunds.sum,
      r.net,
    ]),
  );
}
