import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

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
}

/**
 * The hash of an entry: SHA-256 over the previous entry's hash and every field of this one, so
 * that changing, removing or reordering any entry breaks every hash after it.
 */
export function entryHash(
  prevHash: string,
  row: Pick<AuditRow, 'id' | 'at' | 'actor' | 'action' | 'payment_id' | 'detail'>,
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
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** The result of checking the chain. */
export type ChainCheck =
  | { readonly intact: true; readonly entries: number }
  | {
      readonly intact: false;
      readonly entries: number;
      readonly brokenAt: number;
      readonly reason: string;
    };

/** Walks the whole audit log and finds the first entry whose hash does not follow. */
export function verifyAuditChain(db: Database.Database): ChainCheck {
  let prev = GENESIS_HASH;
  let entries = 0;
  let expectedId: number | undefined;
  for (const row of db
    .prepare('SELECT * FROM audit_log ORDER BY id')
    .iterate() as IterableIterator<AuditRow>) {
    entries++;
    if (expectedId !== undefined && row.id !== expectedId) {
      return {
        intact: false,
        entries,
        brokenAt: expectedId,
        reason: `entry ${expectedId} is missing`,
      };
    }
    if (row.prev_hash !== prev) {
      return {
        intact: false,
        entries,
        brokenAt: row.id,
        reason: `entry ${row.id} does not follow entry ${row.id - 1}`,
      };
    }
    const hash = entryHash(prev, row);
    if (row.hash !== hash)
      return {
        intact: false,
        entries,
        brokenAt: row.id,
        reason: `entry ${row.id} was changed after it was written`,
      };
    prev = hash;
    expectedId = row.id + 1;
  }
  // Each Z report recorded the last entry when the day was closed: those entries must still be
  // there, unchanged, or the log was cut short.
  const anchors = db
    .prepare(
      'SELECT number, audit_id, audit_hash FROM z_reports WHERE audit_id IS NOT NULL ORDER BY number',
    )
    .all() as Array<{
    number: number;
    audit_id: number;
    audit_hash: string;
  }>;
  const byId = db.prepare('SELECT hash FROM audit_log WHERE id = ?');
  for (const anchor of anchors) {
    const row = byId.get(anchor.audit_id) as { hash: string } | undefined;
    if (row?.hash !== anchor.audit_hash) {
      return {
        intact: false,
        entries,
        brokenAt: anchor.audit_id,
        reason: `entry ${anchor.audit_id}, recorded by Z report ${anchor.number}, is missing or changed`,
      };
    }
  }
  return { intact: true, entries };
}

/** Chains entries written before the chain existed (migration 2), in id order. */
export function chainExistingEntries(db: Database.Database): void {
  let prev = GENESIS_HASH;
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[]) {
    const hash = entryHash(prev, row);
    update.run(prev, hash, row.id);
    prev = hash;
  }
}
