import type Database from 'better-sqlite3';
import { entryHash, GENESIS_HASH, type AuditRow } from './audit-chain';
import { recomputeDigest, type PeriodDigest, type RowMarks } from './period-digest';

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
  /** Entries and digests that could not be proven: keyed ones (and what they cover) without the key. */
  readonly unproven: number;
  readonly brokenAt?: number;
  readonly reason?: string;
  /** The newest Z report before the break whose anchor and money rows still match. */
  readonly lastGoodZ?: { readonly number: number; readonly closedAt: number } | null;
  readonly zReports: readonly ZCheck[];
}

/** What to check against: the audit key, where keyed entries start, and a head printed on a Z. */
export interface VerifyOptions {
  readonly key?: Buffer;
  /**
   * With the key: the id of the first entry written after the key was made (the keychain keeps
   * it beside the key). No entry from there on may stay unkeyed; without it, the first keyed
   * entry in the log stands in.
   */
  readonly firstKeyed?: number;
  /** The hash (or its first 12+ hex characters) of an entry that must still be in the log. */
  readonly head?: string;
}

interface ZRow {
  number: number;
  closed_at: number;
  audit_id: number | null;
  audit_hash: string | null;
  digest: string | null;
}

interface Break {
  readonly at: number;
  readonly reason: string;
}

function describeEntry(row: AuditRow): string {
  return `entry ${row.id} (${row.action}, ${new Date(row.at).toISOString().replace('T', ' ').slice(0, 16)})`;
}

/**
 * Walks the whole audit log: each entry must follow the one before and hash (or, keyed, HMAC) to
 * what it says; each Z report's anchor entry must be there unchanged, and its money rows (the
 * payments, refunds and transitions journaled in its period) must digest to what it printed;
 * with `head`, that entry must still be in the log.
 *
 * With the key, nothing written after the key was made may rest on plain SHA-256, which anyone
 * who edits the file can recompute. An unkeyed entry followed by a keyed one is proven by it (the
 * keyed HMAC covers the previous hash, and so the whole chain before it): the counter writes
 * those while its keychain is locked. But unkeyed entries after the key with no keyed entry
 * after them, a log with no keyed entry at all, or an unkeyed Z digest closed after the key are
 * broken: that is what a log rewritten without the key looks like.
 */
export function verifyAuditChain(db: Database.Database, options: VerifyOptions = {}): ChainCheck {
  const { key } = options;
  const zRows = db
    .prepare(
      'SELECT number, closed_at, audit_id, audit_hash, digest FROM z_reports ORDER BY number',
    )
    .all() as ZRow[];
  const hashes = new Map<number, string>();
  let entries = 0;
  let keyed = 0;
  let unproven = 0;
  let broken: Break | undefined;
  let prev = GENESIS_HASH;
  let expectedId: number | undefined;
  let firstId: number | undefined;
  let firstKeyedSeen: number | undefined;
  /** Unkeyed entries written after the key existed that no keyed entry covers yet. */
  let uncovered: { from: number; to: number } | undefined;
  const keyExisted = (id: number) =>
    options.firstKeyed !== undefined
      ? id >= options.firstKeyed
      : firstKeyedSeen !== undefined && id >= firstKeyedSeen;
  for (const row of db
    .prepare('SELECT * FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<AuditRow>) {
    entries++;
    firstId ??= row.id;
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
      firstKeyedSeen ??= row.id;
      if (!key) unproven++;
      else if (row.hash !== entryHash(prev, row, key)) {
        broken = { at: row.id, reason: `${describeEntry(row)} was changed after it was written` };
        continue;
      }
      uncovered = undefined;
    } else {
      if (!key && firstKeyedSeen !== undefined) unproven++;
      if (row.hash !== entryHash(prev, row)) {
        broken = { at: row.id, reason: `${describeEntry(row)} was changed after it was written` };
        continue;
      }
      if (key && keyExisted(row.id)) uncovered = { from: uncovered?.from ?? row.id, to: row.id };
    }
    hashes.set(row.id, row.hash ?? '');
    prev = row.hash ?? '';
    expectedId = row.id + 1;
  }

  if (key && !broken) broken = unkeyedAfterKey(entries, keyed, firstId, uncovered, options);

  const zReports: ZCheck[] = [];
  let previousMarks: RowMarks = { payments: 0, refunds: 0, transitions: 0 };
  for (const z of zRows) {
    const closedAfterKey = z.audit_id !== null && keyExisted(z.audit_id);
    const problem = zProblem(db, z, hashes, previousMarks, key, closedAfterKey);
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
  const at = broken.at;
  const before = zReports.filter(
    (z) => z.ok && (zRows.find((r) => r.number === z.number)?.audit_id ?? 0) < at,
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
 * With the key: the log has no keyed entry although one exists (rewritten without it, or cut
 * back to before it was made), or ends in unkeyed entries written after it.
 */
function unkeyedAfterKey(
  entries: number,
  keyed: number,
  firstId: number | undefined,
  uncovered: { from: number; to: number } | undefined,
  options: VerifyOptions,
): Break | undefined {
  if (keyed === 0 && (entries > 0 || options.firstKeyed !== undefined)) {
    const made =
      options.firstKeyed !== undefined ? ` (made before entry ${options.firstKeyed})` : '';
    return {
      at: options.firstKeyed ?? firstId ?? 1,
      reason: `no keyed entries although a key exists${made}: the log was rewritten without the key, or cut back to before it was made`,
    };
  }
  if (!uncovered) return undefined;
  const which =
    uncovered.from === uncovered.to
      ? `entry ${uncovered.from} is`
      : `entries ${uncovered.from}–${uncovered.to} are`;
  return {
    at: uncovered.from,
    reason: `${which} not keyed although the audit key existed when they were written: added or rewritten without the key, or written while the counter's keychain was locked (then start the counter with its keychain unlocked, and verify again)`,
  };
}

/**
 * What is wrong with one Z report: its anchor entry missing or changed, its money rows no
 * longer what it printed, or its digest unkeyed although it was closed after the key was made
 * ('unproven' when its digest is keyed and no key was given).
 */
function zProblem(
  db: Database.Database,
  z: ZRow,
  hashes: Map<number, string>,
  from: RowMarks,
  key: Buffer | undefined,
  closedAfterKey: boolean,
): string | undefined {
  if (z.audit_id !== null && hashes.get(z.audit_id) !== z.audit_hash)
    return `entry ${z.audit_id}, recorded by Z report ${z.number}, is missing or changed`;
  if (!z.digest) return undefined;
  const stored = JSON.parse(z.digest) as PeriodDigest;
  if (stored.keyed && !key) return 'unproven';
  if (!stored.keyed && key && closedAfterKey)
    return `Z report ${z.number}: its digest is not keyed although the audit key existed when the day was closed (recomputed without the key)`;
  const now = recomputeDigest(db, from, stored, stored.keyed ? key : undefined);
  if (now.digest === stored.digest) return undefined;
  const changed = (['payments', 'refunds', 'transitions'] as const)
    .filter((kind) => now.sections[kind] !== stored.sections[kind])
    .map((kind) => `${kind} (${stored.counts[kind]} rows then, ${now.counts[kind]} now)`);
  return `Z report ${z.number}: its money rows changed since it was closed: ${changed.join(', ')}`;
}
