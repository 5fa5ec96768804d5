import type Database from 'better-sqlite3';
import { allRows, oneRow, prepareAll } from './prepared-rows';

/** A staff member as the journal keeps them (the PIN's record stays as sealed JSON). */
export interface StaffRow {
  readonly id: number;
  readonly name: string;
  readonly role: 'cashier' | 'manager';
  readonly createdAt: number;
  readonly disabledAt: number | null;
  readonly pin: string | null;
  readonly failures: string | null;
}

const STAFF_SQL = {
  all: 'SELECT * FROM staff ORDER BY name COLLATE NOCASE, id',
  get: 'SELECT * FROM staff WHERE id = ?',
  byName: 'SELECT * FROM staff WHERE name = ? COLLATE NOCASE',
  count: 'SELECT COUNT(*) AS n FROM staff',
  insert: 'INSERT INTO staff (name, role, created_at) VALUES (?, ?, ?)',
  rename: 'UPDATE staff SET name = ? WHERE id = ?',
  role: 'UPDATE staff SET role = ? WHERE id = ?',
  disable: 'UPDATE staff SET disabled_at = ? WHERE id = ?',
  pin: 'UPDATE staff SET pin = ?, failures = ? WHERE id = ?',
  failures: 'UPDATE staff SET failures = ? WHERE id = ?',
};

interface Row {
  id: number;
  name: string;
  role: string;
  created_at: number;
  disabled_at: number | null;
  pin: string | null;
  failures: string | null;
}

const fromRow = (r: Row): StaffRow => ({
  id: r.id,
  name: r.name,
  role: r.role === 'manager' ? 'manager' : 'cashier',
  createdAt: r.created_at,
  disabledAt: r.disabled_at,
  pin: r.pin,
  failures: r.failures,
});

/** The staff table: members, their roles, and their sealed PIN records. */
export class StaffTable {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = prepareAll(db, STAFF_SQL);
  }

  all(): StaffRow[] {
    return allRows(this.statements.all, fromRow);
  }

  get(id: number): StaffRow | undefined {
    return oneRow(this.statements.get, fromRow, id);
  }

  /** A member by name, whatever its case. */
  byName(name: string): StaffRow | undefined {
    return oneRow(this.statements.byName, fromRow, name);
  }

  count(): number {
    return (this.statements.count.get() as { n: number }).n;
  }

  /** Whether the counter has staff at all (one before its first-run wizard has none). */
  any(): boolean {
    return this.count() > 0;
  }

  /** Adds a member without a PIN yet; returns its id. */
  insert(name: string, role: 'cashier' | 'manager', at: number): number {
    return Number(this.statements.insert.run(name, role, at).lastInsertRowid);
  }

  rename(id: number, name: string): void {
    this.statements.rename.run(name, id);
  }

  setRole(id: number, role: 'cashier' | 'manager'): void {
    this.statements.role.run(role, id);
  }

  /** Disables (a time) or enables again (null) a member. */
  setDisabled(id: number, at: number | null): void {
    this.statements.disable.run(at, id);
  }

  /** A new PIN record and its fresh failure count, both sealed. */
  setPin(id: number, pin: string, failures: string): void {
    this.statements.pin.run(pin, failures, id);
  }

  setFailures(id: number, failures: string): void {
    this.statements.failures.run(failures, id);
  }
}
