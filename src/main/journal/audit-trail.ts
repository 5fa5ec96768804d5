import type Database from 'better-sqlite3';
import { entryHash, GENESIS_HASH, type AuditRow } from './audit-chain';
import { verifyAuditChain, type ChainCheck } from './audit-verify';
import { OPEN_SHIFT_ATTRIBUTION_SQL } from './staff-shift-schema';

/** An audit entry as read back. */
export interface AuditEntry {
  readonly id: number;
  readonly at: number;
  readonly actor: string;
  readonly action: string;
  readonly paymentId: string | null;
  readonly detail: unknown;
  readonly hash: string;
  /** The staff member signed in, their shift, and the manager who authorised it (else null). */
  readonly staffId?: number | null;
  readonly shiftId?: number | null;
  readonly authorisedBy?: number | null;
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
  private readonly byId;
  private readonly openShift;

  constructor(private readonly db: Database.Database) {
    this.last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1');
    this.insert = db.prepare(
      'INSERT INTO audit_log (id, at, actor, action, payment_id, detail, prev_hash, hash, keyed, staff_id, shift_id, authorised_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.openShift = db.prepare(OPEN_SHIFT_ATTRIBUTION_SQL);
    this.all = db.prepare('SELECT * FROM audit_log ORDER BY id');
    this.ofPayment = db.prepare('SELECT * FROM audit_log WHERE payment_id = ? ORDER BY id');
    this.byId = db.prepare('SELECT * FROM audit_log WHERE id = ?');
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
      const shift = this.openShift.get() as
        { staff_id: number; shift_id: number; authorising: number | null } | undefined;
      const row = {
        id: (last?.id ?? 0) + 1,
        at,
        actor,
        action,
        payment_id: paymentId,
        detail: detail === undefined ? null : JSON.stringify(detail),
        staff_id: shift?.staff_id ?? null,
        shift_id: shift?.shift_id ?? null,
        authorised_by: shift?.authorising ?? null,
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
        row.staff_id,
        row.shift_id,
        row.authorised_by,
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

  /** One entry, if it is there. */
  entry(id: number): AuditEntry | undefined {
    const row = this.byId.get(id) as AuditRow | undefined;
    return row ? toEntry(row) : undefined;
  }

  /** Whether any entry has one of these actions. */
  hasAny(actions: readonly string[]): boolean {
    const marks = actions.map(() => '?').join(', ');
    return (
      this.db
        .prepare(`SELECT 1 FROM audit_log WHERE action IN (${marks}) LIMIT 1`)
        .get(...actions) !== undefined
    );
  }

  /** The id of the first keyed entry, if any. */
  firstKeyedId(): number | undefined {
    const row = this.db.prepare('SELECT MIN(id) AS id FROM audit_log WHERE keyed = 1').get() as {
      id: number | null;
    };
    return row.id ?? undefined;
  }

  /** The id the next entry will get. */
  nextId(): number {
    return ((this.last.get() as { id: number } | undefined)?.id ?? 0) + 1;
  }

  /** Checks the whole chain, with the key in use (and where keyed entries start, if known). */
  verify(firstKeyed?: number): ChainCheck {
    return verifyAuditChain(this.db, {
      ...(this.key ? { key: this.key } : {}),
      ...(firstKeyed !== undefined ? { firstKeyed } : {}),
    });
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
    ...(row.staff_id != null ? { staffId: row.staff_id, shiftId: row.shift_id ?? null } : {}),
    ...(row.authorised_by != null ? { authorisedBy: row.authorised_by } : {}),
  };
}
