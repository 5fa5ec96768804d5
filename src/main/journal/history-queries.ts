import type Database from 'better-sqlite3';
import type { PaymentState } from '../../shared/payment-state';
import { fromRow, type PaymentRecord, type PaymentRow } from './payment-record';

/**
 * A state History can be filtered by: a payment's, `cancelled` (the cashier cancelled it, and it
 * was not paid) or `late` (paid after the cashier gave up on it).
 */
export type HistoryStateFilter = PaymentState | 'cancelled' | 'late';

const PAID = "('succeeded', 'partially_refunded', 'refunded')";
const PAID_STATES: readonly PaymentState[] = ['succeeded', 'partially_refunded', 'refunded'];

/** The condition (and its parameters) for one state filter. */
function stateCondition(state: HistoryStateFilter): { sql: string; params: unknown[] } {
  if (state === 'cancelled')
    return { sql: `cancelled_at IS NOT NULL AND state NOT IN ${PAID}`, params: [] };
  if (state === 'late') return { sql: 'late_alert IS NOT NULL', params: [] };
  // A sale the cashier cancelled reads Cancelled until it is paid: not Waiting, not Declined.
  if (PAID_STATES.includes(state)) return { sql: 'state = ?', params: [state] };
  return { sql: 'state = ? AND cancelled_at IS NULL', params: [state] };
}

/** What the history can be searched by. All optional; times in ms since the epoch. */
export interface HistoryFilter {
  /** The beginning of a payment id (a whole id finds exactly that payment). */
  readonly paymentIdPrefix?: string;
  /** An exact amount in minor units. */
  readonly amount?: number;
  readonly currency?: string;
  readonly state?: HistoryStateFilter;
  /** Created at or after. */
  readonly from?: number;
  /** Created before. */
  readonly to?: number;
  /** Taken by this staff member. */
  readonly staffId?: number;
}

/** Where the next page starts: the last payment of the previous page. */
export interface HistoryCursor {
  readonly createdAt: number;
  readonly id: string;
}

/** One page of the history, newest first. */
export interface HistoryPage {
  readonly items: PaymentRecord[];
  readonly next: HistoryCursor | null;
}

/**
 * History search over the journal: newest first, keyset paging on (created_at, id), so page 1
 * and page 10,000 cost the same at a million payments. Each filter has an index to use.
 */
export class HistoryQueries {
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database) {}

  /** A page of payments matching `filter`, newest first. */
  search(filter: HistoryFilter, limit: number, cursor?: HistoryCursor): HistoryPage {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.paymentIdPrefix) {
      // A range on the primary key: an index seek, unlike LIKE.
      where.push('id >= ? AND id < ?');
      params.push(filter.paymentIdPrefix, `${filter.paymentIdPrefix}\uffff`);
    }
    if (filter.amount !== undefined) {
      where.push('amount = ?');
      params.push(filter.amount);
    }
    if (filter.currency) {
      where.push('currency = ?');
      params.push(filter.currency);
    }
    if (filter.state) {
      const condition = stateCondition(filter.state);
      where.push(condition.sql);
      params.push(...condition.params);
    }
    if (filter.from !== undefined) {
      where.push('created_at >= ?');
      params.push(filter.from);
    }
    if (filter.to !== undefined) {
      where.push('created_at < ?');
      params.push(filter.to);
    }
    if (filter.staffId !== undefined) {
      where.push('staff_id = ?');
      params.push(filter.staffId);
    }
    if (cursor) {
      // Written as a bounded range on created_at so the index seeks straight to the cursor.
      where.push('created_at <= ? AND (created_at < ? OR id < ?)');
      params.push(cursor.createdAt, cursor.createdAt, cursor.id);
    }
    const sql = `SELECT * FROM payments ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ?`;
    let statement = this.cache.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.cache.set(sql, statement);
    }
    const rows = statement.all(...params, limit + 1) as PaymentRow[];
    const items = rows.slice(0, limit).map(fromRow);
    const last = items.at(-1);
    return {
      items,
      next: rows.length > limit && last ? { createdAt: last.createdAt, id: last.id } : null,
    };
  }
}
