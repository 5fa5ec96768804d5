import type Database from 'better-sqlite3';
import { said, saidSchema, type Said } from '../../shared/i18n/said';
import { PRINT_JOB_KINDS } from '../../shared/printing/print-views';
import { english } from '../i18n/wording';

export { PRINT_JOB_KINDS };
export type PrintJobKind = (typeof PRINT_JOB_KINDS)[number];

/** queued → sent | failed (with the reason); a retry puts a failed job back in the queue. */
export type PrintJobState = 'queued' | 'sent' | 'failed';

/** A print job as the journal holds it. */
export interface PrintJobRecord {
  readonly id: number;
  readonly kind: PrintJobKind;
  readonly paymentId: string | null;
  readonly refundId: string | null;
  readonly zNumber: number | null;
  /** The shift whose report a shift slip prints. */
  readonly shiftId: number | null;
  readonly reprint: boolean;
  readonly state: PrintJobState;
  /** Why it failed, in English (the log's words). */
  readonly reason: string | null;
  /** Why it failed, as a message each window words in its language. */
  readonly reasonSaid: Said | null;
  /** The printer it last went to, as the cashier knows it, in English. */
  readonly printer: string;
  /** The same, as a message. */
  readonly printerSaid: Said;
  readonly attempts: number;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly dismissedAt: number | null;
}

interface PrintJobRow {
  id: number;
  kind: string;
  payment_id: string | null;
  refund_id: string | null;
  z_number: number | null;
  reprint: number;
  state: string;
  reason: string | null;
  printer: string;
  attempts: number;
  created_at: number;
  updated_at: number;
  dismissed_at: number | null;
}

/**
 * The reason and the printer are stored as their message (JSON), so that a slip that failed
 * yesterday is still shown in today's language. Rows written before messages were kept hold
 * English text: they are shown as written.
 */
function storedSaid(text: string): Said {
  if (text.startsWith('{')) {
    try {
      const parsed = saidSchema.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON after all: English text of an older version.
    }
  }
  return said('printing.failure.recorded', { text });
}

const toStored = (message: Said): string => JSON.stringify(message);

/**
 * A report slip's number lives in `z_number`: the Z's number, or for a shift's slip the shift's
 * (its own `shift_id` says in which shift the slip was printed, like every job's).
 */
const SHIFT_SLIP: PrintJobKind = 'shift_report';

function fromRow(row: PrintJobRow): PrintJobRecord {
  const reasonSaid = row.reason === null ? null : storedSaid(row.reason);
  const printerSaid = storedSaid(row.printer);
  const shiftSlip = row.kind === SHIFT_SLIP;
  return {
    id: row.id,
    kind: row.kind as PrintJobKind,
    paymentId: row.payment_id,
    refundId: row.refund_id,
    zNumber: shiftSlip ? null : row.z_number,
    shiftId: shiftSlip ? row.z_number : null,
    reprint: row.reprint === 1,
    state: row.state as PrintJobState,
    reason: reasonSaid && english(reasonSaid),
    reasonSaid,
    printer: english(printerSaid),
    printerSaid,
    attempts: row.attempts,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    dismissedAt: row.dismissed_at,
  };
}

/** What a slip is of: its kind and the payment, refund, Z or ended shift it prints. */
export interface PrintJobSubject {
  readonly kind: PrintJobKind;
  readonly paymentId?: string | null;
  readonly refundId?: string | null;
  readonly zNumber?: number | null;
  /** The ended shift a shift slip is of. */
  readonly shiftId?: number | null;
  readonly reprint?: boolean;
}

/** A slip to print, before it is journaled. */
export interface NewPrintJob extends PrintJobSubject {
  readonly printer: Said;
  readonly at: number;
}

/**
 * Print jobs: each slip is journaled when it is queued, then marked sent or failed
 * with the reason, so a fault never loses a slip and the cashier can print it again.
 */
export class PrintJobJournal {
  private readonly statements;

  constructor(db: Database.Database) {
    this.statements = {
      insert: db.prepare(`INSERT INTO print_jobs
        (kind, payment_id, refund_id, z_number, reprint, state, printer, created_at, updated_at)
        VALUES (@kind, @paymentId, @refundId, @zNumber, @reprint, 'queued', @printer, @at, @at)`),
      get: db.prepare('SELECT * FROM print_jobs WHERE id = ?'),
      requeue: db.prepare(
        `UPDATE print_jobs SET state = 'queued', reason = NULL, updated_at = ?, dismissed_at = NULL WHERE id = ? AND state = 'failed'`,
      ),
      settle: db.prepare(
        'UPDATE print_jobs SET state = ?, reason = ?, printer = ?, attempts = attempts + 1, updated_at = ? WHERE id = ?',
      ),
      cut: db.prepare(
        `UPDATE print_jobs SET state = 'failed', reason = ?, updated_at = ? WHERE id = ?`,
      ),
      dismiss: db.prepare(
        `UPDATE print_jobs SET dismissed_at = ? WHERE id = ? AND state = 'failed' AND dismissed_at IS NULL`,
      ),
      unfinished: db.prepare(
        `SELECT * FROM print_jobs WHERE state = 'queued' OR (state = 'failed' AND dismissed_at IS NULL) ORDER BY id`,
      ),
      automaticOf: db.prepare(
        'SELECT id FROM print_jobs WHERE kind = ? AND reprint = 0 AND (payment_id IS ? AND refund_id IS ?) LIMIT 1',
      ),
      ofPayment: db.prepare('SELECT * FROM print_jobs WHERE payment_id = ? ORDER BY id'),
    };
  }

  /** Journals a new job as queued. */
  queue(job: NewPrintJob): PrintJobRecord {
    const id = Number(
      this.statements.insert.run({
        kind: job.kind,
        paymentId: job.paymentId ?? null,
        refundId: job.refundId ?? null,
        zNumber: (job.kind === SHIFT_SLIP ? job.shiftId : job.zNumber) ?? null,
        reprint: job.reprint ? 1 : 0,
        printer: toStored(job.printer),
        at: job.at,
      }).lastInsertRowid,
    );
    return this.get(id)!;
  }

  get(id: number): PrintJobRecord | undefined {
    const row = this.statements.get.get(id) as PrintJobRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Puts a failed job back in the queue (Retry); false if it is not failed (already retried). */
  requeue(id: number, at: number): boolean {
    return this.statements.requeue.run(at, id).changes === 1;
  }

  /** Records how an attempt at `printer` ended. */
  settle(
    id: number,
    outcome: { state: 'sent' } | { state: 'failed'; reason: Said },
    printer: Said,
    at: number,
  ): PrintJobRecord {
    const reason = outcome.state === 'failed' ? toStored(outcome.reason) : null;
    this.statements.settle.run(outcome.state, reason, toStored(printer), at, id);
    return this.get(id)!;
  }

  /** Fails a job without an attempt (cut off by a stop; nothing to print it on). */
  failUnsent(id: number, reason: Said, at: number): PrintJobRecord {
    this.statements.cut.run(toStored(reason), at, id);
    return this.get(id)!;
  }

  /** Hides a failed job's line on the cashier's screen (it stays journaled). */
  dismiss(id: number, at: number): boolean {
    return this.statements.dismiss.run(at, id).changes === 1;
  }

  /** Jobs still queued and failures nobody dismissed, oldest first. */
  unfinished(): PrintJobRecord[] {
    return (this.statements.unfinished.all() as PrintJobRow[]).map(fromRow);
  }

  /** Whether the automatic slip of this kind was already queued for this payment or refund. */
  hasAutomatic(kind: PrintJobKind, paymentId: string | null, refundId: string | null): boolean {
    return this.statements.automaticOf.get(kind, paymentId, refundId) !== undefined;
  }

  /** Every job of a payment (its slips and its refunds' slips), oldest first. */
  ofPayment(paymentId: string): PrintJobRecord[] {
    return (this.statements.ofPayment.all(paymentId) as PrintJobRow[]).map(fromRow);
  }
}
