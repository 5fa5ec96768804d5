import type Database from 'better-sqlite3';
import { said } from '../../shared/i18n/said';
import { formatWithCode, type Currency } from '../../shared/money';
import type { PaymentState } from '../../shared/payment-state';
import { ok, type Result } from '../../shared/result';
import { fail } from '../i18n/fail';
import { allRows, oneRow, prepareAll } from './prepared-rows';
import { AFTER_LAST_Z_SQL } from './report-period';
import { StaleStateError } from './stale-state-error';

/** States of a refund: the sale's states that apply to a request without a customer. */
export const REFUND_STATES = [
  'created',
  'requested',
  'unknown',
  'succeeded',
  'declined',
  'rejected',
] as const;
export type RefundState = (typeof REFUND_STATES)[number];

/** Refund states Gate may still change. */
export const OPEN_REFUND_STATES: readonly RefundState[] = ['created', 'requested', 'unknown'];

/** A refund as the journal holds it. Its id is the merchant_refund_id sent to Gate. */
export interface RefundRecord {
  readonly id: string;
  readonly paymentId: string;
  readonly amount: number;
  readonly currency: Currency;
  readonly reason: string;
  readonly actor: string;
  readonly state: RefundState;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly settledAt: number | null;
  readonly requestId: string | null;
  readonly gateCode: string | null;
  readonly gateMessage: string | null;
}

interface RefundRow {
  id: string;
  payment_id: string;
  amount: number;
  currency: string;
  reason: string;
  actor: string;
  state: string;
  created_at: number;
  updated_at: number;
  settled_at: number | null;
  request_id: string | null;
  gate_code: string | null;
  gate_message: string | null;
}

function fromRow(row: RefundRow): RefundRecord {
  return {
    id: row.id,
    paymentId: row.payment_id,
    amount: row.amount,
    currency: row.currency as Currency,
    reason: row.reason,
    actor: row.actor,
    state: row.state as RefundState,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    settledAt: row.settled_at,
    requestId: row.request_id,
    gateCode: row.gate_code,
    gateMessage: row.gate_message,
  };
}

/** What a refund transition may set besides the state. */
export type RefundPatch = Partial<Pick<RefundRecord, 'requestId' | 'gateCode' | 'gateMessage'>>;

/** A new refund, before it is reserved against the payment. */
export interface NewRefund {
  readonly id: string;
  readonly paymentId: string;
  readonly amount: number;
  readonly reason: string;
  readonly actor: string;
  readonly at: number;
}

const OPEN_SQL = OPEN_REFUND_STATES.map((s) => `'${s}'`).join(', ');

// A refund is filed when it settled: a rejected one Gate refunds after all is filed then (in the
// open period), and one that reopens has no settlement time until it settles again.
const REFUND_SQL = {
  get: 'SELECT * FROM refunds WHERE id = ?',
  ofPayment: 'SELECT * FROM refunds WHERE payment_id = ? ORDER BY created_at, id',
  open: `SELECT * FROM refunds WHERE state IN (${OPEN_SQL}) ORDER BY created_at`,
  reserved: `SELECT COALESCE(SUM(amount), 0) AS total FROM refunds WHERE payment_id = ? AND state IN (${OPEN_SQL})`,
  payment: 'SELECT amount, currency, state, refunded_amount FROM payments WHERE id = ?',
  insert: `INSERT INTO refunds (id, payment_id, amount, currency, reason, actor, state, created_at, updated_at)
    VALUES (@id, @paymentId, @amount, @currency, @reason, @actor, 'created', @at, @at)`,
  transition:
    'INSERT INTO transitions (payment_id, from_state, to_state, at, cause, detail, refund_id) VALUES (?, ?, ?, ?, ?, ?, ?)',
  update: `UPDATE refunds SET state = @to, updated_at = @at,
    settled_at = CASE WHEN @settled THEN MAX(@at, ${AFTER_LAST_Z_SQL}) ELSE NULL END,
    request_id = COALESCE(@requestId, request_id), gate_code = COALESCE(@gateCode, gate_code),
    gate_message = COALESCE(@gateMessage, gate_message) WHERE id = @id`,
  paid: 'UPDATE payments SET refunded_amount = ?, state = ?, updated_at = ? WHERE id = ?',
};

/**
 * Refunds in the journal. A refund is reserved against what remains of its payment in the same
 * transaction that writes it, so two refunds at once can never together exceed the payment; a
 * successful refund moves the payment to partially_refunded or refunded in the same transaction.
 */
export class RefundJournal {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = prepareAll(db, REFUND_SQL);
  }

  /** A refund by id. */
  get(id: string): RefundRecord | undefined {
    return oneRow(this.statements.get, fromRow, id);
  }

  /** The refunds of a payment, oldest first. */
  ofPayment(paymentId: string): RefundRecord[] {
    return allRows(this.statements.ofPayment, fromRow, paymentId);
  }

  /** Refunds Gate may still change: recovered and polled at start-up. */
  open(): RefundRecord[] {
    return allRows(this.statements.open, fromRow);
  }

  /** What can still be refunded: paid, minus refunded, minus refunds under way. */
  remaining(paymentId: string): number {
    const payment = this.statements.payment.get(paymentId) as
      { amount: number; refunded_amount: number } | undefined;
    if (!payment) return 0;
    const reserved = (this.statements.reserved.get(paymentId) as { total: number }).total;
    return payment.amount - payment.refunded_amount - reserved;
  }

  /**
   * Writes a refund (state `created`) if the payment allows it, before any Gate call: only a
   * paid payment, only up to what remains, counting refunds under way.
   */
  reserve(
    refund: NewRefund,
  ): Result<RefundRecord, 'NOT_FOUND' | 'INVALID_STATE' | 'INVALID_AMOUNT'> {
    return this.db.transaction(
      (): Result<RefundRecord, 'NOT_FOUND' | 'INVALID_STATE' | 'INVALID_AMOUNT'> => {
        const payment = this.statements.payment.get(refund.paymentId) as
          { amount: number; currency: string; state: PaymentState } | undefined;
        if (!payment)
          return fail(
            'NOT_FOUND',
            said('manager.refund.noPayment', { paymentId: refund.paymentId }),
          );
        if (payment.state !== 'succeeded' && payment.state !== 'partially_refunded')
          return fail('INVALID_STATE', said('manager.refund.notPaid'));
        const remaining = this.remaining(refund.paymentId);
        if (refund.amount > remaining) {
          const currency = payment.currency as Currency;
          return fail(
            'INVALID_AMOUNT',
            said('manager.refund.tooMuch', {
              remaining: formatWithCode(remaining, currency),
              asked: formatWithCode(refund.amount, currency),
            }),
          );
        }
        this.statements.insert.run({ ...refund, currency: payment.currency });
        this.statements.transition.run(
          refund.paymentId,
          payment.state,
          payment.state,
          refund.at,
          `refund ${refund.id} written: ${refund.reason}`,
          JSON.stringify({ refund: { to: 'created', amount: refund.amount } }),
          refund.id,
        );
        return ok(this.get(refund.id)!);
      },
    )();
  }

  /**
   * Moves a refund from `from` to `to`, with a transition row on its payment. A success adds
   * the amount to the payment's refunded total and sets its state in the same transaction.
   */
  transition(
    id: string,
    from: RefundState,
    to: RefundState,
    cause: string,
    patch: RefundPatch = {},
    at = Date.now(),
    /** More for the transition row's detail (how Gate's word came). */
    detail: Record<string, unknown> = {},
  ): RefundRecord {
    this.db.transaction(() => {
      const current = this.get(id);
      if (!current) throw new Error(`no refund ${id}`);
      if (current.state !== from) throw new StaleStateError(id, from, current.state);
      this.statements.update.run({
        id,
        to,
        at,
        settled: to === 'succeeded' || to === 'declined' || to === 'rejected' ? 1 : 0,
        requestId: patch.requestId ?? null,
        gateCode: patch.gateCode ?? null,
        gateMessage: patch.gateMessage ?? null,
      });
      const payment = this.statements.payment.get(current.paymentId) as {
        amount: number;
        state: PaymentState;
        refunded_amount: number;
      };
      let paymentState = payment.state;
      if (to === 'succeeded') {
        const refunded = payment.refunded_amount + current.amount;
        paymentState = refunded >= payment.amount ? 'refunded' : 'partially_refunded';
        this.statements.paid.run(refunded, paymentState, at, current.paymentId);
      }
      this.statements.transition.run(
        current.paymentId,
        payment.state,
        paymentState,
        at,
        `refund ${id}: ${cause}`,
        JSON.stringify({ refund: { id, from, to }, ...detail }),
        id,
      );
    })();
    return this.get(id)!;
  }
}
