import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { OPEN_STATES, type PaymentState } from '../../shared/payment-state';
import { AuditTrail, type AuditEntry } from './audit-trail';
import {
  CallbackInbox,
  type CallbackEntry,
  type InboxLimits,
  type RecordedCallback,
} from './callback-inbox';
import { CounterStateTable } from './counter-state';
import { migrate } from './migrations';
import { paymentUpdate } from './payment-update';
import { HistoryQueries } from './history-queries';
import { RelayQuarantine } from './relay-quarantine';
import { PrintJobJournal } from './print-job-journal';
import { RefundJournal } from './refund-journal';
import { ReportQueries, type Report } from './report-queries';
import { StaffJournal } from './staff-journal';
import { StaleStateError } from './stale-state-error';
import { fromRow, type PaymentPatch, type PaymentRecord, type PaymentRow } from './payment-record';

/** One state change of a payment (or an event that kept its state, such as a cancel). */
export interface TransitionEntry {
  readonly id: number;
  readonly paymentId: string;
  readonly from: PaymentState | null;
  readonly to: PaymentState;
  readonly at: number;
  readonly cause: string;
  readonly detail: unknown;
}

export { StaleStateError } from './stale-state-error';
export type { CallbackEntry, RecordedCallback } from './callback-inbox';

const OPEN_STATES_SQL = OPEN_STATES.map((s) => `'${s}'`).join(', ');

/**
 * The SQLite journal: every payment, every transition with its time and cause, every callback
 * received, and the audit log. WAL with synchronous=FULL: a call returns only
 * once its transaction is on disk, so a crash right after loses nothing.
 */
export class Journal {
  private readonly db: Database.Database;
  private readonly statements;
  /** The hash-chained audit log. */
  readonly auditTrail: AuditTrail;
  /** Refunds, reserved against their payments. */
  readonly refunds: RefundJournal;
  /** History search. */
  readonly history: HistoryQueries;
  /** X and Z reports. */
  readonly reports: ReportQueries;
  /** Every callback received, verified or not, within limits. */
  readonly callbacks: CallbackInbox;
  /** Receipt printing: each slip queued, sent or failed. */
  readonly printJobs: PrintJobJournal;
  /** Relayed callbacks held back after failing their signature check. */
  readonly relayQuarantine: RelayQuarantine;
  private readonly counterState: CounterStateTable;
  /** Staff, shifts, and who took each row. */
  readonly people: StaffJournal;

  constructor(path: string, inboxLimits?: InboxLimits) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    migrate(this.db);
    this.auditTrail = new AuditTrail(this.db);
    this.refunds = new RefundJournal(this.db);
    this.history = new HistoryQueries(this.db);
    this.reports = new ReportQueries(this.db);
    this.callbacks = new CallbackInbox(this.db, inboxLimits);
    this.printJobs = new PrintJobJournal(this.db);
    this.relayQuarantine = new RelayQuarantine(this.db);
    this.counterState = new CounterStateTable(this.db);
    this.people = new StaffJournal(this.db);
    this.statements = {
      get: this.db.prepare('SELECT * FROM payments WHERE id = ?'),
      insert: this.db.prepare(`INSERT INTO payments
        (id, project_id, terminal_id, amount, currency, state, created_at, updated_at, refunded_amount, mode)
        VALUES (@id, @projectId, @terminalId, @amount, @currency, @state, @createdAt, @createdAt, 0, @mode)`),
      transition: this.db.prepare(
        'INSERT INTO transitions (payment_id, from_state, to_state, at, cause, detail, refund_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      open: this.db.prepare(
        `SELECT * FROM payments WHERE state IN (${OPEN_STATES_SQL}) ORDER BY created_at`,
      ),
      expiredLinks: this.db.prepare(
        `SELECT * FROM payments WHERE state = 'expired' AND created_at >= ? AND mode = 'payment_page' ORDER BY created_at`,
      ),
      lateOpen: this.db.prepare(
        `SELECT * FROM payments WHERE late_alert = 'open' ORDER BY created_at`,
      ),
      transitionsOf: this.db.prepare('SELECT * FROM transitions WHERE payment_id = ? ORDER BY id'),
      page: this.db.prepare(
        'SELECT * FROM payments ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?',
      ),
    };
  }

  private readonly updates = new Map<string, Database.Statement>();

  /** A prepared statement per distinct SQL text: transitions build their UPDATE from the patch. */
  private cached(sql: string): Database.Statement {
    let statement = this.updates.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.updates.set(sql, statement);
    }
    return statement;
  }

  /** A payment by id. */
  get(id: string): PaymentRecord | undefined {
    const row = this.statements.get.get(id) as PaymentRow | undefined;
    return row ? fromRow(row) : undefined;
  }

  /** Writes a new payment in state `created` with its first transition, before any Gate call. */
  create(
    payment: Pick<
      PaymentRecord,
      'id' | 'projectId' | 'terminalId' | 'amount' | 'currency' | 'createdAt'
    > &
      Partial<Pick<PaymentRecord, 'mode'>>,
    cause: string,
  ): PaymentRecord {
    this.db.transaction(() => {
      this.statements.insert.run({ mode: 'gate_qr', ...payment, state: 'created' });
      this.statements.transition.run(
        payment.id,
        null,
        'created',
        payment.createdAt,
        cause,
        null,
        null,
      );
    })();
    return this.get(payment.id)!;
  }

  /**
   * Moves a payment from `from` to `to` (the same state for events such as a cancel), applying
   * `patch`, in one transaction with its transition row. Throws StaleStateError when the payment
   * is no longer in `from`, so two writers can never both act on the same state.
   */
  transition(
    id: string,
    from: PaymentState,
    to: PaymentState,
    cause: string,
    patch: PaymentPatch = {},
    detail?: unknown,
    at = Date.now(),
    refundId: string | null = null,
  ): PaymentRecord {
    this.db.transaction(() => {
      const current = this.statements.get.get(id) as PaymentRow | undefined;
      if (!current) throw new Error(`no payment ${id}`);
      if (current.state !== from) throw new StaleStateError(id, from, current.state);
      const update = paymentUpdate(from, to, patch, at);
      this.cached(update.sql).run(...update.values, id);
      this.statements.transition.run(
        id,
        from,
        to,
        at,
        cause,
        detail === undefined ? null : JSON.stringify(detail),
        refundId,
      );
    })();
    return this.get(id)!;
  }

  /** Payments Gate may still change: what recovery reconciles at start-up. */
  openPayments(): PaymentRecord[] {
    return (this.statements.open.all() as PaymentRow[]).map(fromRow);
  }

  /**
   * Payment Page links that expired unpaid, created since `sinceMs`: still watched for a while,
   * because a customer who confirmed at the last second can still be charged.
   */
  expiredLinksCreatedSince(sinceMs: number): PaymentRecord[] {
    return (this.statements.expiredLinks.all(sinceMs) as PaymentRow[]).map(fromRow);
  }

  /** Late payments waiting for the cashier's Keep or Refund. */
  openLateAlerts(): PaymentRecord[] {
    return (this.statements.lateOpen.all() as PaymentRow[]).map(fromRow);
  }

  /** Every transition of a payment, oldest first. */
  transitionsOf(id: string): TransitionEntry[] {
    return (
      this.statements.transitionsOf.all(id) as Array<{
        id: number;
        payment_id: string;
        from_state: string | null;
        to_state: string;
        at: number;
        cause: string;
        detail: string | null;
      }>
    ).map((r) => ({
      id: r.id,
      paymentId: r.payment_id,
      from: r.from_state as PaymentState | null,
      to: r.to_state as PaymentState,
      at: r.at,
      cause: r.cause,
      detail: r.detail === null ? null : JSON.parse(r.detail),
    }));
  }

  /** Records a callback as it arrived, before anything is done with it (see CallbackInbox). */
  recordCallback(entry: CallbackEntry): { id: number; copy: boolean } {
    return this.callbacks.record(entry);
  }

  /** Sets what was done with a recorded callback (applied, duplicate, mismatch ...). */
  setCallbackOutcome(id: number, outcome: string): void {
    this.callbacks.setOutcome(id, outcome);
  }

  /** The callbacks recorded for a payment, oldest first. */
  callbacksOf(id: string): RecordedCallback[] {
    return this.callbacks.of(id);
  }

  /** Appends to the audit log (hash-chained, append-only); the entry as written. */
  readonly audit: AuditTrail['append'] = (...entry) => this.auditTrail.append(...entry);

  /**
   * Closes the day: the Z report with its proof (the audit head and the money rows' digest),
   * and the audit entry saying so, in one transaction.
   */
  closeDay(now: number, actor: string): Report {
    return this.db.transaction(() => {
      const report = this.reports.closeDay(now, this.auditTrail.currentKey());
      this.audit(actor, 'day closed', null, {
        z: report.number,
        periodStart: report.periodStart,
        periodEnd: report.periodEnd,
        currencies: report.currencies,
        evidence: report.evidence,
      });
      return report;
    })();
  }

  /** The key the audit log and the Z digests are keyed with (from the keychain). */
  setAuditKey(key: Buffer | undefined): void {
    this.auditTrail.setKey(key);
  }

  /** The whole audit log, oldest first. */
  auditLog(): AuditEntry[] {
    return this.auditTrail.entries();
  }

  /** A page of payments, newest first. */
  page(limit: number, offset = 0): PaymentRecord[] {
    return (this.statements.page.all(limit, offset) as PaymentRow[]).map(fromRow);
  }

  /** A fact about the counter (see counter_state), or undefined. */
  getCounterState(key: string): string | undefined {
    return this.counterState.get(key);
  }

  /** Stores (or with undefined, removes) a fact about the counter. */
  setCounterState(key: string, value: string | undefined): void {
    this.counterState.set(key, value);
  }

  /** Runs `fn` in one transaction (for bulk writes such as benchmarks and imports). */
  inTransaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  close(): void {
    this.db.close();
  }
}
