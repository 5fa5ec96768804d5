import type Database from 'better-sqlite3';
import { allRows, oneRow, prepareAll } from './prepared-rows';

/** How a shift ended. */
export type ShiftEnd = 'handover' | 'signed_out' | 'ended_by_manager';

/** A shift as the journal keeps it. */
export interface ShiftRow {
  readonly id: number;
  readonly counter: string;
  readonly staffId: number;
  readonly openedAt: number;
  readonly lockedAt: number | null;
  readonly endedAt: number | null;
  readonly endReason: ShiftEnd | null;
  readonly endedBy: number | null;
  readonly authorising: number | null;
  readonly report: unknown;
}

const SHIFT_SQL = {
  open: 'SELECT * FROM shifts WHERE ended_at IS NULL ORDER BY id DESC',
  get: 'SELECT * FROM shifts WHERE id = ?',
  insert: 'INSERT INTO shifts (counter, staff_id, opened_at) VALUES (?, ?, ?)',
  end: 'UPDATE shifts SET ended_at = ?, end_reason = ?, ended_by = ?, report = ?, authorising = NULL, locked_at = NULL WHERE id = ? AND ended_at IS NULL',
  lock: 'UPDATE shifts SET locked_at = ? WHERE id = ? AND ended_at IS NULL',
  authorising: 'UPDATE shifts SET authorising = ? WHERE id = ? AND ended_at IS NULL',
  clearAuthorising: 'UPDATE shifts SET authorising = NULL WHERE authorising IS NOT NULL',
  between:
    'SELECT * FROM shifts WHERE opened_at <= ? AND (ended_at IS NULL OR ended_at > ?) ORDER BY id',
  ofIds: 'SELECT * FROM shifts WHERE id IN (SELECT value FROM json_each(?))',
};

interface Row {
  id: number;
  counter: string;
  staff_id: number;
  opened_at: number;
  locked_at: number | null;
  ended_at: number | null;
  end_reason: string | null;
  ended_by: number | null;
  authorising: number | null;
  report: string | null;
}

const fromRow = (r: Row): ShiftRow => ({
  id: r.id,
  counter: r.counter,
  staffId: r.staff_id,
  openedAt: r.opened_at,
  lockedAt: r.locked_at,
  endedAt: r.ended_at,
  endReason: r.end_reason as ShiftEnd | null,
  endedBy: r.ended_by,
  authorising: r.authorising,
  report: r.report === null ? null : JSON.parse(r.report),
});

/**
 * The shifts table. Its unique index holds at most one open shift per counter, so even two
 * writers (or a crash between two steps) can never leave two people signed in at once.
 */
export class ShiftTable {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = prepareAll(db, SHIFT_SQL);
  }

  /** Every open shift, newest first (one at most, by the unique index). */
  open(): ShiftRow[] {
    return allRows(this.statements.open, fromRow);
  }

  get(id: number): ShiftRow | undefined {
    return oneRow(this.statements.get, fromRow, id);
  }

  /** Opens a shift; throws when one is already open on the counter (the unique index). */
  insert(counter: string, staffId: number, at: number): number {
    return Number(this.statements.insert.run(counter, staffId, at).lastInsertRowid);
  }

  /** Ends an open shift; false if it was not open. */
  end(id: number, at: number, reason: ShiftEnd, by: number | null, report: unknown): boolean {
    return this.statements.end.run(at, reason, by, JSON.stringify(report), id).changes === 1;
  }

  /** Locks (a time) or unlocks (null) an open shift. */
  setLocked(id: number, at: number | null): void {
    this.statements.lock.run(at, id);
  }

  /** The manager authorising the action under way (null: none). */
  setAuthorising(id: number, managerId: number | null): void {
    this.statements.authorising.run(managerId, id);
  }

  /** Forgets authorisations a crash left behind: each covered one action, long gone. */
  clearAuthorising(): number {
    return this.statements.clearAuthorising.run().changes;
  }

  /** Shifts overlapping (start, end]. */
  overlapping(start: number, end: number): ShiftRow[] {
    return allRows(this.statements.between, fromRow, end, start);
  }

  /** Shifts by id. */
  ofIds(ids: readonly number[]): ShiftRow[] {
    return allRows(this.statements.ofIds, fromRow, JSON.stringify(ids));
  }

  /** Runs `fn` in one transaction. */
  inTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
