import type Database from 'better-sqlite3';

/** A table's statements, prepared once when the journal opens, by name. */
export type Prepared<K extends string> = { readonly [Name in K]: Database.Statement };

/** Prepares each of a table's statements (SQL by name) once, so a bad one fails at start-up. */
export function prepareAll<K extends string>(
  db: Database.Database,
  sql: { readonly [Name in K]: string },
): Prepared<K> {
  const statements = {} as Record<K, Database.Statement>;
  for (const name of Object.keys(sql) as K[]) statements[name] = db.prepare(sql[name]);
  return statements;
}

/** The first row a statement reads, as a record; undefined when there is none. */
export function oneRow<Row, T>(
  statement: Database.Statement,
  fromRow: (row: Row) => T,
  ...params: unknown[]
): T | undefined {
  const row = statement.get(...params) as Row | undefined;
  return row === undefined ? undefined : fromRow(row);
}

/** Every row a statement reads, as records, in its order. */
export function allRows<Row, T>(
  statement: Database.Statement,
  fromRow: (row: Row) => T,
  ...params: unknown[]
): T[] {
  return (statement.all(...params) as Row[]).map((row) => fromRow(row));
}
