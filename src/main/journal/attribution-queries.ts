import type Database from 'better-sqlite3';

/** Who took a payment or refund, in which shift, and who authorised or decided. */
export interface Attribution {
  readonly staffId: number | null;
  readonly staffName: string | null;
  readonly shiftId: number | null;
  /** A refund: the manager whose PIN authorised a cashier's refund. */
  readonly authorisedBy?: number | null;
  readonly authorisedByName?: string | null;
  /** A payment: who kept or refunded it when it was paid late. */
  readonly lateStaffId?: number | null;
  readonly lateShiftId?: number | null;
}

/** Attribution of single rows, and the history's filter by person. */
export class AttributionQueries {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      // Single rows come back as an Attribution as they are: the columns carry its names.
      payment: db.prepare(`SELECT p.staff_id AS staffId, s.name AS staffName, p.shift_id AS shiftId,
          p.late_staff_id AS lateStaffId, p.late_shift_id AS lateShiftId
        FROM payments p LEFT JOIN staff s ON s.id = p.staff_id WHERE p.id = ?`),
      refund: db.prepare(`SELECT r.staff_id AS staffId, s.name AS staffName, r.shift_id AS shiftId,
          r.authorised_by AS authorisedBy, m.name AS authorisedByName
        FROM refunds r LEFT JOIN staff s ON s.id = r.staff_id
        LEFT JOIN staff m ON m.id = r.authorised_by WHERE r.id = ?`),
      takers: db.prepare(`SELECT p.id, s.name, p.shift_id FROM payments p
          JOIN json_each(?) j ON j.value = p.id LEFT JOIN staff s ON s.id = p.staff_id`),
      printJob: db.prepare('SELECT staff_id, shift_id FROM print_jobs WHERE id = ?'),
      byPerson: db
        .prepare(
          `SELECT id FROM payments INDEXED BY payments_staff_created WHERE staff_id = ?
           ORDER BY created_at DESC, id DESC LIMIT ?`,
        )
        .pluck(),
    };
  }

  /** Who took a payment, and who decided on it when it was paid late. */
  payment(id: string): Attribution | undefined {
    return this.statements.payment.get(id) as Attribution | undefined;
  }

  /** Who gave a refund, and the manager who authorised it. */
  refund(id: string): Attribution | undefined {
    return this.statements.refund.get(id) as Attribution | undefined;
  }

  /** Who took each of these payments and in which shift (History's column, the CSV). */
  takers(ids: readonly string[]): Map<string, { name: string | null; shiftId: number | null }> {
    const rows = this.statements.takers.all(JSON.stringify(ids)) as {
      id: string;
      name: string | null;
      shift_id: number | null;
    }[];
    return new Map(rows.map((r) => [r.id, { name: r.name, shiftId: r.shift_id }]));
  }

  /** Who was signed in when a slip was queued. */
  printJob(id: number): { staffId: number | null; shiftId: number | null } | undefined {
    const row = this.statements.printJob.get(id) as
      { staff_id: number | null; shift_id: number | null } | undefined;
    return row ? { staffId: row.staff_id, shiftId: row.shift_id } : undefined;
  }

  /** The newest payments one person took (History's filter by person). */
  paymentIdsBy(staffId: number, limit = 50): string[] {
    return this.statements.byPerson.all(staffId, limit) as string[];
  }
}
