import type Database from 'better-sqlite3';
import {
  entryHash,
  GENESIS_HASH,
  verifyAuditChain,
  type AuditRow,
  type ChainCheck,
} from './audit-chain';

/** An audit entry as read back. */
export interface AuditEntry {
  readonly id: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly paymentId: string | null;
  readonly detail: unknown;
  readonly hash: string;
}

/**
 * The append-only audit log: every entry carries the hash of the one before, so any later
 * edit, deletion or reordering is detectable (`verify`). With the audit key from the keychain
 * each hash is an HMAC, which whoever edits the file cannot recompute; while the key is not
 * available, entries are chained with plain SHA-256 and marked so. SQLite triggers refuse
 * UPDATE and DELETE, so the app itself cannot rewrite history by mistake.
 */
export class AuditTrail {
  private key: Buffer | undefined;
  private readonly last;
  private readonly insert;
  private readonly all;
  private readonly ofPayment;

  constructor(private readonly db: Database.Database) {
    this.last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.insert = db.prepare(
      'INSERT INTO audit_log (id, at, actor, action, payment_id, detail, prev_hash, hash, keyed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.all = db.prepare('SELECT * FROM audit_log ORDER BY id');
    this.ofPayment = db.prepare('SELECT * FROM audit_log WHERE payment_id = ? ORDER BY id');
  }

  /** The key entries are chained with from now on (undefined: none available). */
  setKey(key: Buffer | undefined): void {
    this.key = key;
  }

  /** The key in use, for the Z reports' digests. */
  currentKey(): Buffer | undefined {
    return this.key;
  }

  /** Appends an entry, chained to the last one. */
  append(
    actor: string,
    action: string,
    paymentId: string | null,
    detail?: unknown,
    at = Date.now(),
  ): AuditEntry {
    return this.db.transaction(() => {
      const last = this.last.get() as { id: number; hash: string } | undefined;
      const row = {
        id: (last?.id ?? 0) + 1,
        at,
        actor,
        action,
        payment_id: paymentId,
        detail: detail === undefined ? null : JSON.stringify(detail),
      };
      const prev = last?.hash ?? GENESIS_HASH;
      const hash = entryHash(prev, row, this.key);
      this.insert.run(
        row.id,
        row.at,
        row.actor,
        row.action,
        row.payment_id,
        row.detail,
        prev,
        hash,
        this.key ? 1 : 0,
      );
      return toEntry({ ...row, prev_hash: prev, hash });
    })();
  }

  /** Every entry, oldest first. */
  entries(): AuditEntry[] {
    return (this.all.all() as AuditRow[]).map(toEntry);
  }

  /** The entries about one payment, oldest first. */
  entriesOf(paymentId: string): AuditEntry[] {
    return (this.ofPayment.all(paymentId) as AuditRow[]).map(toEntry);
  }

  /** Checks the whole chain, with the key in use. */
  verify(): ChainCheck {
    return verifyAuditChain(this.db, this.key ? { key: this.key } : {});
  }
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actor: row.actor,
    action: row.action,
    paymentId: row.payment_id,
    detail: row.detail === null ? null : JSON.parse(row.detail),
    hash: row.hash ?? '',
  };
}
