import type Database from 'better-sqlite3';
import { prepareAll } from './prepared-rows';

const COUNTER_STATE_SQL = {
  get: 'SELECT value FROM counter_state WHERE key = ?',
  remove: 'DELETE FROM counter_state WHERE key = ?',
  put: 'INSERT INTO counter_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
};

/** Facts about the counter itself (the sale on screen, the PIN's records), by key. */
export class CounterStateTable {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = prepareAll(db, COUNTER_STATE_SQL);
  }

  get(key: string): string | undefined {
    return (this.statements.get.get(key) as { value: string } | undefined)?.value;
  }

  /** Stores a fact, or removes it with undefined. */
  set(key: string, value: string | undefined): void {
    if (value === undefined) this.statements.remove.run(key);
    else this.statements.put.run(key, value);
  }
}
