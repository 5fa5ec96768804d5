import type Database from 'better-sqlite3';
import type { Sum } from './report-queries';

/** Takings and refunds of one person or shift in one currency. Amounts in minor units. */
export interface AttributedTotals {
  /** The staff member or shift id; null for rows taken with nobody signed in (before staff). */
  readonly key: number | null;
  readonly currency: string;
  readonly payments: Sum;
  readonly refunds: Sum;
  readonly net: number;
}

// The same counted states as the X and Z reports (report-queries.ts), so the parts add up.
const PAID = "('succeeded', 'partially_refunded', 'refunded')";

interface SumRow {
  key: number | null;
  currency: string;
  count: number;
  sum: number;
}

/**
 * Reports split by who took the money and in which shift. A payment counts for the person and
 * shift that took it, in the period it settled in (as the X and Z count it); a refund for the
 * person who gave it back, in the period it succeeded in. So a period's parts always add up to
 * its X or Z, whoever stayed signed in across it.
 */
export class StaffReportQueries {
  private readonly statements;

  constructor(db: Database.Database) {
    const paid = (key: string, where: string) =>
      db.prepare(`SELECT ${key} AS key, currency, COUNT(*) AS count, SUM(amount) AS sum
        FROM payments WHERE state IN ${PAID} AND settled_at IS NOT NULL AND ${where}
        GROUP BY ${key}, currency`);
    const refunded = (key: string, where: string) =>
      db.prepare(`SELECT ${key} AS key, currency, COUNT(*) AS count, SUM(amount) AS sum
        FROM refunds WHERE state = 'succeeded' AND settled_at IS NOT NULL AND ${where}
        GROUP BY ${key}, currency`);
    const period = 'settled_at > @start AND settled_at <= @end';
    this.statements = {
      personPayments: paid('staff_id', period),
      personRefunds: refunded('staff_id', period),
      shiftPayments: paid('shift_id', period),
      shiftRefunds: refunded('shift_id', period),
      ofShiftPayments: paid('shift_id', 'shift_id = @shift'),
      ofShiftRefunds: refunded('shift_id', 'shift_id = @shift'),
    };
  }

  /** Per staff member and currency, what settled in (start, end]. */
  byPerson(start: number, end: number): AttributedTotals[] {
    const s = this.statements;
    return merge(s.personPayments.all({ start, end }), s.personRefunds.all({ start, end }));
  }

  /** Per shift and currency, what settled in (start, end]: a Z's shifts add up to the Z. */
  byShift(start: number, end: number): AttributedTotals[] {
    const s = this.statements;
    return merge(s.shiftPayments.all({ start, end }), s.shiftRefunds.all({ start, end }));
  }

  /** One shift's own takings and refunds so far, whenever they settled. */
  ofShift(shift: number): AttributedTotals[] {
    const s = this.statements;
    return merge(s.ofShiftPayments.all({ shift }), s.ofShiftRefunds.all({ shift }));
  }
}

/** Payments and refunds side by side, per key and currency, in a stable order. */
function merge(payments: unknown[], refunds: unknown[]): AttributedTotals[] {
  const rows = new Map<string, AttributedTotals>();
  const at = (r: SumRow) => {
    const id = `${r.key ?? ''}|${r.currency}`;
    const row = rows.get(id) ?? {
      key: r.key,
      currency: r.currency,
      payments: { count: 0, sum: 0 },
      refunds: { count: 0, sum: 0 },
      net: 0,
    };
    rows.set(id, row);
    return id;
  };
  for (const r of payments as SumRow[]) {
    const id = at(r);
    const row = rows.get(id)!;
    rows.set(id, { ...row, payments: { count: r.count, sum: r.sum }, net: row.net + r.sum });
  }
  for (const r of refunds as SumRow[]) {
    const id = at(r);
    const row = rows.get(id)!;
    rows.set(id, { ...row, refunds: { count: r.count, sum: r.sum }, net: row.net - r.sum });
  }
  return [...rows.values()].sort(
    (a, b) => (a.key ?? -1) - (b.key ?? -1) || (a.currency < b.currency ? -1 : 1),
  );
}
