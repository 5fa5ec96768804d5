import { createHash, createHmac } from 'node:crypto';
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
  /** 1: HMAC-SHA256 with the audit key from the keychain; 0: plain SHA-256 (no key then). */
  keyed?: number;
  /** Who was signed in, in which shift, and the manager who authorised it (null: nobody). */
  staff_id?: number | null;
  shift_id?: number | null;
  authorised_by?: number | null;
}

/**
 * The hash of an entry over the previous entry's hash and every field of this one, so that
 * changing, removing or reordering any entry breaks every hash after it. With the audit key
 * (kept in the OS keychain) it is an HMAC: whoever edits the file cannot recompute the chain.
 */
export function entryHash(
  prevHash: string,
  row: Pick<AuditRow, 'id' | 'at' | 'actor' | 'action' | 'payment_id' | 'detail'> &
    Pick<Partial<AuditRow>, 'staff_id' | 'shift_id' | 'authorised_by'>,
  key?: Buffer,
): string {
  // Who did it is hashed only when known, so entries written before staff hash as they did.
  const who = [row.staff_id ?? null, row.shift_id ?? null, row.authorised_by ?? null];
  const fields = [
    prevHash,
    row.id,
    row.at,
    row.actor,
    row.action,
    row.payment_id ?? '',
    row.detail ?? '',
    ...(who.some((id) => id !== null) ? [who] : []),
  ];
  const text = JSON.stringify(fields);
  return key
    ? createHmac('sha256', key).update(text).digest('hex')
    : createHash('sha256').update(text).digest('hex');
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
