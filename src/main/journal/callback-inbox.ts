import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

/** A received callback as the inbox records it, verified or not. */
export interface CallbackEntry {
  readonly receivedAt: number;
  readonly paymentId: string | null;
  readonly verified: boolean;
  readonly problem: string | null;
  readonly outcome: string | null;
  readonly remote: string;
  readonly raw: string;
}

/** A recorded callback, read back. */
export interface RecordedCallback extends CallbackEntry {
  readonly id: number;
  /** The body's SHA-256 (hex) and size in bytes: all that is kept of an unverified body. */
  readonly bodySha256: string | null;
  readonly bodySize: number | null;
  /** How many times this exact body arrived (Gate's retries, replays). */
  readonly copies: number;
  readonly lastReceivedAt: number | null;
}

/** Limits on what unverified bodies may cost the journal. */
export interface InboxLimits {
  /** Characters of an unverified body kept, to recognise it. */
  readonly prefixChars: number;
  /** Unverified entries kept at most; the oldest go first. */
  readonly maxUnverified: number;
  /** Unverified entries older than this are dropped. */
  readonly maxUnverifiedAgeMs: number;
}

export const DEFAULT_INBOX_LIMITS: InboxLimits = {
  prefixChars: 200,
  maxUnverified: 1000,
  maxUnverifiedAgeMs: 30 * 24 * 3600_000,
};

interface Row {
  id: number;
  received_at: number;
  payment_id: string | null;
  verified: number;
  problem: string | null;
  outcome: string | null;
  remote: string;
  raw: string;
  body_sha256: string | null;
  body_size: number | null;
  copies: number;
  last_received_at: number | null;
}

/**
 * The callback inbox: every callback recorded before anything is done with it. A verified body
 * is kept whole, once: the same bytes again (Gate's retries, a replay) only count a copy. Of an
 * unverified body only its hash, size, source and first characters are kept, and no more than
 * `maxUnverified` of them for `maxUnverifiedAgeMs`: whoever can reach the listener cannot make
 * the journal grow without bound.
 */
export class CallbackInbox {
  private readonly insert;
  private readonly sameBody;
  private readonly countCopy;
  private readonly outcome;
  private readonly ofPayment;
  private readonly pruneOld;
  private readonly pruneBeyond;

  constructor(
    private readonly db: Database.Database,
    private readonly limits: InboxLimits = DEFAULT_INBOX_LIMITS,
  ) {
    this.insert = db.prepare(`INSERT INTO callbacks
      (received_at, payment_id, verified, problem, outcome, remote, raw, body_sha256, body_size, copies)
      VALUES (@receivedAt, @paymentId, @verified, @problem, @outcome, @remote, @raw, @sha256, @size, 1)`);
    this.sameBody = db.prepare(
      'SELECT id FROM callbacks WHERE payment_id IS ? AND body_sha256 = ? AND verified = 1 LIMIT 1',
    );
    this.countCopy = db.prepare(
      'UPDATE callbacks SET copies = copies + 1, last_received_at = ? WHERE id = ?',
    );
    this.outcome = db.prepare('UPDATE callbacks SET outcome = ? WHERE id = ?');
    this.ofPayment = db.prepare('SELECT * FROM callbacks WHERE payment_id = ? ORDER BY id');
    this.pruneOld = db.prepare('DELETE FROM callbacks WHERE verified = 0 AND received_at < ?');
    this.pruneBeyond = db.prepare(`DELETE FROM callbacks WHERE verified = 0 AND id <=
      (SELECT id FROM callbacks WHERE verified = 0 ORDER BY id DESC LIMIT 1 OFFSET ?)`);
  }

  /**
   * Records a callback as it arrived; returns its entry id, and whether it was an exact copy of
   * a verified callback already recorded (then only its count went up).
   */
  record(entry: CallbackEntry): { id: number; copy: boolean } {
    const bytes = Buffer.from(entry.raw, 'utf8');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return this.db.transaction(() => {
      if (entry.verified) {
        const same = this.sameBody.get(entry.paymentId, sha256) as { id: number } | undefined;
        if (same) {
          this.countCopy.run(entry.receivedAt, same.id);
          return { id: same.id, copy: true };
        }
      }
      const id = Number(
        this.insert.run({
          ...entry,
          verified: entry.verified ? 1 : 0,
          raw: entry.verified ? entry.raw : entry.raw.slice(0, this.limits.prefixChars),
          sha256,
          size: bytes.length,
        }).lastInsertRowid,
      );
      if (!entry.verified) {
        this.pruneOld.run(entry.receivedAt - this.limits.maxUnverifiedAgeMs);
        this.pruneBeyond.run(this.limits.maxUnverified);
      }
      return { id, copy: false };
    })();
  }

  /** Sets what was done with a recorded callback (applied, duplicate, mismatch ...). */
  setOutcome(id: number, outcome: string): void {
    this.outcome.run(outcome, id);
  }

  /** The callbacks recorded for a payment, oldest first. */
  of(paymentId: string): RecordedCallback[] {
    return (this.ofPayment.all(paymentId) as Row[]).map(toRecorded);
  }

  /** How many unverified callbacks the inbox holds now. */
  unverifiedCount(): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM callbacks WHERE verified = 0').get() as {
        n: number;
      }
    ).n;
  }
}

function toRecorded(r: Row): RecordedCallback {
  return {
    id: r.id,
    receivedAt: r.received_at,
    paymentId: r.payment_id,
    verified: r.verified === 1,
    problem: r.problem,
    outcome: r.outcome,
    remote: r.remote,
    raw: r.raw,
    bodySha256: r.body_sha256,
    bodySize: r.body_size,
    copies: r.copies,
    lastReceivedAt: r.last_received_at,
  };
}
