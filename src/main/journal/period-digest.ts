import { createHash, createHmac } from 'node:crypto';
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
 */
const SECTIONS = {
  payments: `SELECT rowid, id, project_id, terminal_id, amount, currency, created_at, mode
    FROM payments WHERE rowid > ? AND rowid <= ? ORDER BY rowid`,
  refunds: `SELECT rowid, id, payment_id, amount, currency, reason, actor, created_at
    FROM refunds WHERE rowid > ? AND rowid <= ? ORDER BY rowid`,
  transitions: `SELECT id, payment_id, from_state, to_state, at, cause, detail, refund_id
    FROM transitions WHERE id > ? AND id <= ? ORDER BY id`,
} as const;

/** The current last row of each table. */
export function rowMarks(db: Database.Database): RowMarks {
  const last = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
  return {
    payments: last('SELECT MAX(rowid) AS n FROM payments'),
    refunds: last('SELECT MAX(rowid) AS n FROM refunds'),
    transitions: last('SELECT MAX(id) AS n FROM transitions'),
  };
}

/** Digests the rows between two marks (after `from`, up to `upto`). */
export function periodDigest(
  db: Database.Database,
  from: RowMarks,
  upto: RowMarks,
  key: Buffer | undefined,
): PeriodDigest {
  const mac = () => (key ? createHmac('sha256', key) : createHash('sha256'));
  const sections = { payments: '', refunds: '', transitions: '' };
  const counts = { payments: 0, refunds: 0, transitions: 0 };
  for (const kind of ['payments', 'refunds', 'transitions'] as const) {
    const hash = mac();
    for (const row of db.prepare(SECTIONS[kind]).iterate(from[kind], upto[kind])) {
      hash.update(JSON.stringify(Object.values(row as object)));
      hash.update('\n');
      counts[kind]++;
    }
    sections[kind] = hash.digest('hex');
  }
  const digest = mac()
    .update(`${sections.payments}|${sections.refunds}|${sections.transitions}`)
    .digest('hex');
  return { upto, counts, sections, digest, keyed: key !== undefined };
}
