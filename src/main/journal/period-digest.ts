import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import type Database from 'better-sqlite3';

/** Where a Z report's money rows end: the last row of each table journaled before the close. */
export interface RowMarks {
  readonly payments: number;
  readonly refunds: number;
  readonly transitions: number;
}

/** What a Z report proves about its money rows: how many, and a digest of each kind. */
export interface PeriodDigest {
  readonly upto: RowMarks;
  readonly counts: RowMarks;
  /** One digest per kind, hex: they say which kind changed. */
  readonly sections: {
    readonly payments: string;
    readonly refunds: string;
    readonly transitions: string;
  };
  /** The digest of the three, as printed on the Z (keyed with the audit key when there is one). */
  readonly digest: string;
  /** Whether it was keyed (else anyone who can edit the file can recompute it). */
  readonly keyed: boolean;
}

/**
 * The rows a period added, by row number (not by time, so that a clock set back cannot move a
 * row into a closed period), and only what never changes once written: a payment's id, project,
 * terminal, amount, currency and creation time; a refund's id, payment, amount, currency, reason,
 * actor and creation time; every state transition as it is.
 *
 * Each row is hashed as the JSON array of these columns and a newline. SQLite writes that text
 * (`json_array` escapes exactly as JSON.stringify does, for every character) and hands it over
 * in chunks of rows, in row order; the hash is the same as over one row at a time.
 */
const SECTIONS = {
  payments: {
    table: 'payments',
    key: 'rowid',
    columns: 'rowid, id, project_id, terminal_id, amount, currency, created_at, mode',
  },
  refunds: {
    table: 'refunds',
    key: 'rowid',
    columns: 'rowid, id, payment_id, amount, currency, reason, actor, created_at',
  },
  transitions: {
    table: 'transitions',
    key: 'id',
    columns: 'id, payment_id, from_state, to_state, at, cause, detail, refund_id',
  },
} as const;

type Kind = keyof typeof SECTIONS;
const KINDS: readonly Kind[] = ['payments', 'refunds', 'transitions'];

/** Rows per chunk: big enough that stepping and hashing cost little per row. */
const CHUNK_ROWS = 1024;

/** The next chunk of a section's lines after a key: how many, the last key, and the text. */
function chunkSql(kind: Kind): string {
  const { table, key, columns } = SECTIONS[kind];
  return `SELECT COUNT(*) AS rows, MAX(k) AS last, group_concat(line, '' ORDER BY k) AS text
    FROM (SELECT ${key} AS k, json_array(${columns}) || char(10) AS line
          FROM ${table} WHERE ${key} > ? AND ${key} <= ? ORDER BY ${key} LIMIT ${CHUNK_ROWS})`;
}

/** The current last row of each table. */
export function rowMarks(db: Database.Database): RowMarks {
  const last = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
  return {
    payments: last('SELECT MAX(rowid) AS n FROM payments'),
    refunds: last('SELECT MAX(rowid) AS n FROM refunds'),
    transitions: last('SELECT MAX(id) AS n FROM transitions'),
  };
}

/** How one kind's rows after `after`, up to `upto`, go into its hash; returns how many there were. */
type HashRows = (
  db: Database.Database,
  kind: Kind,
  after: number,
  upto: number,
  hash: Hash | Hmac,
) => number;

/** In chunks of lines SQLite writes (how Z reports are closed now). */
const hashInChunks: HashRows = (db, kind, after, upto, hash) => {
  const chunk = db.prepare(chunkSql(kind));
  let rows = 0;
  for (;;) {
    const next = chunk.get(after, upto) as { rows: number; last: number; text: string };
    if (next.rows === 0) return rows;
    hash.update(next.text);
    rows += next.rows;
    after = next.last;
  }
};

/**
 * One row at a time, as Z reports were closed before SQLite wrote the lines: the two differ only
 * where an integer is beyond 2^53, which JavaScript rounds, so a report closed that way is checked
 * this way when the other does not match.
 */
const hashRowByRow: HashRows = (db, kind, after, upto, hash) => {
  const { table, key, columns } = SECTIONS[kind];
  const rows = db
    .prepare(`SELECT ${columns} FROM ${table} WHERE ${key} > ? AND ${key} <= ? ORDER BY ${key}`)
    .raw()
    .iterate(after, upto);
  let count = 0;
  for (const row of rows) {
    hash.update(`${JSON.stringify(row)}\n`);
    count++;
  }
  return count;
};

/** Digests the rows between two marks (after `from`, up to `upto`), in chunks unless told. */
export function periodDigest(
  db: Database.Database,
  from: RowMarks,
  upto: RowMarks,
  key: Buffer | undefined,
  hashRows: HashRows = hashInChunks,
): PeriodDigest {
  const mac = (): Hash | Hmac => (key ? createHmac('sha256', key) : createHash('sha256'));
  const sections = { payments: '', refunds: '', transitions: '' };
  const counts = { payments: 0, refunds: 0, transitions: 0 };
  for (const kind of KINDS) {
    const hash = mac();
    counts[kind] = hashRows(db, kind, from[kind], upto[kind], hash);
    sections[kind] = hash.digest('hex');
  }
  const digest = mac()
    .update(`${sections.payments}|${sections.refunds}|${sections.transitions}`)
    .digest('hex');
  return { upto, counts, sections, digest, keyed: key !== undefined };
}

/** The same digest made one row at a time (see hashRowByRow). */
export const periodDigestRowByRow = (
  db: Database.Database,
  from: RowMarks,
  upto: RowMarks,
  key: Buffer | undefined,
): PeriodDigest => periodDigest(db, from, upto, key, hashRowByRow);

/**
 * A stored digest checked against the rows as they are now: the digest of the rows, made the
 * way that matches if either does (see periodDigestRowByRow).
 */
export function recomputeDigest(
  db: Database.Database,
  from: RowMarks,
  stored: PeriodDigest,
  key: Buffer | undefined,
): PeriodDigest {
  const now = periodDigest(db, from, stored.upto, key);
  if (now.digest === stored.digest) return now;
  const rowByRow = periodDigestRowByRow(db, from, stored.upto, key);
  return rowByRow.digest === stored.digest ? rowByRow : now;
}
