import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A relayed callback held back because its signature failed, as Settings lists it. */
export interface QuarantinedCallback {
  readonly id: number;
  readonly receivedAt: number;
  /** Where the relay said it came from. */
  readonly source: string;
  /** Why it was held back (the signature check's words). */
  readonly reason: string;
  readonly size: number;
}

/** Limits on what held-back callbacks may cost the journal. */
export interface QuarantineLimits {
  readonly maxEntries: number;
  readonly maxBytes: number;
}

export const DEFAULT_QUARANTINE_LIMITS: QuarantineLimits = {
  maxEntries: 200,
  maxBytes: 16 * 1024 * 1024,
};

/** What became of a callback offered to the quarantine. */
export type QuarantineAnswer = 'kept' | 'already_kept' | 'full';

/**
 * Relayed callbacks whose signature failed after several deliveries, kept whole so that they
 * can be applied once the project's secret key is right (a wrong or rotated secret is the
 * likely cause: Gate will not send them again, since the relay already answered it). Bounded:
 * when it is full the relay keeps the callback instead (it is nak'd, never acknowledged).
 */
export class RelayQuarantine {
  private readonly statements;

  constructor(
    private readonly db: Database.Database,
    private readonly limits: QuarantineLimits = DEFAULT_QUARANTINE_LIMITS,
  ) {
    this.statements = {
      insert: db.prepare(`INSERT OR IGNORE INTO relay_quarantine
        (received_at, source, reason, body, body_sha256) VALUES (?, ?, ?, ?, ?)`),
      totals: db.prepare(
        'SELECT COUNT(*) AS entries, COALESCE(SUM(LENGTH(body)), 0) AS bytes FROM relay_quarantine',
      ),
      list: db.prepare(
        'SELECT id, received_at, source, reason, LENGTH(body) AS size FROM relay_quarantine ORDER BY id',
      ),
      body: db.prepare('SELECT body FROM relay_quarantine WHERE id = ?'),
      remove: db.prepare('DELETE FROM relay_quarantine WHERE id = ?'),
    };
  }

  /** Keeps a callback body, unless the same bytes are kept already or there is no room. */
  keep(body: Uint8Array, source: string, reason: string, at: number): QuarantineAnswer {
    const totals = this.totals();
    if (
      totals.entries >= this.limits.maxEntries ||
      totals.bytes + body.byteLength > this.limits.maxBytes
    )
      return 'full';
    const sha = createHash('sha256').update(body).digest('hex');
    const result = this.statements.insert.run(at, source, reason, Buffer.from(body), sha);
    return result.changes === 1 ? 'kept' : 'already_kept';
  }

  /** How many are held back, and their bytes. */
  totals(): { entries: number; bytes: number } {
    return this.statements.totals.get() as { entries: number; bytes: number };
  }

  /** The held-back callbacks, oldest first (without their bodies). */
  list(): QuarantinedCallback[] {
    const rows = this.statements.list.all() as Array<{
      id: number;
      received_at: number;
      source: string;
      reason: string;
      size: number;
    }>;
    return rows.map((r) => ({
      id: r.id,
      receivedAt: r.received_at,
      source: r.source,
      reason: r.reason,
      size: r.size,
    }));
  }

  /** A held-back body, to try again. */
  body(id: number): Uint8Array | undefined {
    const row = this.statements.body.get(id) as { body: Buffer } | undefined;
    return row?.body;
  }

  /** Forgets one (it was applied, or recorded as what it is). */
  remove(id: number): void {
    this.statements.remove.run(id);
  }
}
