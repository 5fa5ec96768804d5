import { createHash, createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';
import { periodDigest, type PeriodDigest, type RowMarks } from './period-digest';

/** The hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** An audit entry as stored. */
export interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  payment_id: string | null;
  detail: string | null;
  prev_hash: string | null;
  hash: string | null;
  /** 1: HMAC-SHA256 with the audit key from the keychain; 0: plain SHA-256 (no key then). */
  keyed?: number;
}

/**
 * The hash of an entry over the previous entry's hash and every field of this one, so that
 * changing, removing or reordering any entry breaks every hash after it. With the audit key
 * (kept in the OS keychain) it is an HMAC: whoever edits the file cannot recompute the chain.
 */
export function entryHash(
  prevHash: string,
  row: Pick<AuditRow, 'id' | 'at' | 'actor' | 'action' | 'payment_id' | 'detail'>,
  key?: Buffer,
): string {
  const fields = [
    prevHash,
    row.id,
    row.at,
    row.actor,
    row.action,
    row.payment_id ?? '',
    row.detail ?? '',
  ];
  const text = JSON.stringify(fields);
  return key
    ? createHmac('sha256', key).update(text).digest('hex')
    : createHash('sha256').update(text).digest('hex');
}

/** One Z report as `verify` found it. */
export interface ZCheck {
  readonly number: number;
  readonly closedAt: number;
  /** Its anchor entry and its money rows are as when it was closed. */
  readonly ok: boolean;
  readonly problem?: string;
}

/** What checking the log found. */
export interface ChainCheck {
  readonly intact: boolean;
  readonly entries: number;
  readonly keyed: number;
  /**
   * Entries and digests that could not be proven: keyed ones checked without the key, and
   * unkeyed ones written after keyed ones (the keychain was unavailable, or they were rewritten).
   */
  readonly unproven: number;
  readonly brokenAt?: number;
  readonly reason?: string;
  /** The newest Z report before the break whose anchor and money rows still match. */
  readonly lastGoodZ?: { readonly number: number; readonly closedAt: number } | null;
  readonly zReports: readonly ZCheck[];
}

/** What to check against: the audit key, and a head printed on a Z report. */
export interface VerifyOptions {
  readonly key?: Buffer;
  /** The hash (or its first 12+ hex characters) of an entry that must still be in the log. */
  readonly head?: string;
}

function describeEntry(row: AuditRow): string {
  return `entry ${row.id} (${row.action}, ${new Date(row.at).toISOString().replace('T', ' ').slice(0, 16)})`;
}

interface ZRow {
  number: number;
  closed_at: number;
  audit_id: number | null;
  audit_hash: string | null;
  digest: string | null;
}

/**
 * Walks the whole audit log: each entry must follow the one before and hash (or, keyed, HMAC) to
 * what it says; each Z report's anchor entry must be there unchanged, and its money rows (the
 * payments, refunds and transitions journaled in its period) must digest to what it printed;
 * with `head`, that entry must still be in the log.
 */
export function verifyAuditChain(db: Database.Database, options: VerifyOptions = {}): ChainCheck {
  const zRows = db
    .prepare(
      'SELECT number, closed_at, audit_id, audit_hash, digest FROM z_reports ORDER BY number',
    )
    .all() as ZRow[];
  const hashes = new Map<number, string>();
  let entries = 0;
  let keyed = 0;
  let unproven = 0;
  let broken: { at: number; reason: string } | undefined;
  let prev = GENESIS_HASH;
  let expectedId: number | undefined;
  let seenKeyed = false;
  for (const row of db
    .prepare('SELECT * FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<AuditRow>) {
    entries++;
    if (broken) continue;
    if (expectedId !== undefined && row.id !== expectedId) {
      broken = { at: expectedId, reason: `entry ${expectedId} is missing` };
      continue;
    }
    if (row.prev_hash !== prev) {
      broken = { at: row.id, reason: `${describeEntry(row)} does not follow entry ${row.id - 1}` };
      continue;
    }
    if (row.keyed === 1) {
      keyed++;
      seenKeyed = true;
      if (!options.key) unproven++;
      else if (row.hash !== entryHash(prev, row, options.key)) {
        broken = { at: row.id, reason: `${describeEntry(row)} was changed after it was written` };
        continue;
      }
    } else {
      if (seenKeyed) unproven++;
      if (row.hash !== entryHash(prev, row)) {
        broken = { at: row.id, reason: `${describeEntry(row)} was changed after it was written` };
        continue;
      }
    }
    hashes.set(row.id, row.hash ?? '');
    prev = row.hash ?? '';
    expectedId = row.id + 1;
  }

  const zReports: ZCheck[] = [];
  let previousMarks: RowMarks = { payments: 0, refunds: 0, transitions: 0 };
  for (const z of zRows) {
    const problem = zProblem(db, z, hashes, previousMarks, options.key);
    if (problem === 'unproven') unproven++;
    const ok = problem === undefined || problem === 'unproven';
    zReports.push({ number: z.number, closedAt: z.closed_at, ok, ...(ok ? {} : { problem }) });
    if (!ok && !broken) broken = { at: z.audit_id ?? 0, reason: problem };
    const stored = z.digest ? (JSON.parse(z.digest) as PeriodDigest) : undefined;
    if (stored) previousMarks = stored.upto;
  }

  if (options.head && !broken) {
    const head = options.head.toLowerCase();
    const found = head.length >= 12 && [...hashes.values()].some((h) => h.startsWith(head));
    if (!found)
      broken = {
        at: entries + 1,
        reason: `the head ${head} is not in the log: entries were cut off or rewritten`,
      };
  }

  if (!broken) return { intact: true, entries, keyed, unproven, zReports };
  const before = zReports.filter(
    (z) => z.ok && (zRows.find((r) => r.number === z.number)?.audit_id ?? 0) < broken.at,
  );
  const last = before.at(-1);
  return {
    intact: false,
    entries,
    keyed,
    unproven,
    brokenAt: broken.at,
    reason: broken.reason,
    lastGoodZ: last ? { number: last.number, closedAt: last.closedAt } : null,
    zReports,
  };
}

/**
 * What is wrong with one Z report: its anchor entry missing or changed, or its money rows no
 * longer what it printed ('unproven' when its digest is keyed and no key was given).
 */
function zProblem(
  db: Database.Database,
  z: ZRow,
  hashes: Map<number, string>,
  from: RowMarks,
  key: Buffer | undefined,
): string | undefined {
  if (z.audit_id !== null && hashes.get(z.audit_id) !== z.audit_hash)
    return `entry ${z.audit_id}, recorded by Z report ${z.number}, is missing or changed`;
  if (!z.digest) return undefined;
  const stored = JSON.parse(z.digest) as PeriodDigest;
  if (stored.keyed && !key) return 'unproven';
  const now = periodDigest(db, from, stored.upto, stored.keyed ? key : undefined);
  if (now.digest === stored.digest) return undefined;
  const changed = (['payments', 'refunds', 'transitions'] as const)
    .filter((kind) => now.sections[kind] !== stored.sections[kind])
    .map((kind) => `${kind} (${stored.counts[kind]} rows then, ${now.counts[kind]} now)`);
  return `Z report ${z.number}: its money rows changed since it was closed: ${changed.join(', ')}`;
}

/** Chains entries written before the chain existed (migration 2), in id order, unkeyed. */
export function chainExistingEntries(db: Database.Database): void {
  let prev = GENESIS_HASH;
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[]) {
    const hash = entryHash(prev, row);
    update.run(prev, hash, row.id);
    prev = hash;
  }
}
