import type Database from 'better-sqlite3';
import { OPEN_STATES } from '../../shared/payment-state';
import { OPEN_REFUND_STATES } from './refund-journal';
import { periodDigest, rowMarks, type PeriodDigest, type RowMarks } from './period-digest';

/** How many rows a total counts, and their amounts added up. */
export interface Sum {
  readonly count: number;
  readonly sum: number;
}

/** Totals of one currency over a period. Amounts in minor units. */
export interface CurrencyTotals {
  readonly currency: string;
  readonly payments: Sum;
  readonly refunds: Sum;
  /** payments.sum − refunds.sum */
  readonly net: number;
  /** Declined by Alipay (a sale the cashier had cancelled counts as cancelled instead). */
  readonly declined: number;
  /** Sales the cashier cancelled in the period that were not paid (a late payment is paid). */
  readonly cancelled: number;
}

/** An X (so far) or Z (closed) report. */
export interface Report {
  readonly kind: 'X' | 'Z';
  /** The Z report's number; null for an X report. */
  readonly number: number | null;
  /** Exclusive start and inclusive end of the period, ms since the epoch. */
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly currencies: CurrencyTotals[];
  /**
   * Payments and refunds whose outcome is still open when the report was made (a sale the
   * cashier cancelled is not: it counts as cancelled, though the counter still follows it).
   */
  readonly open: { readonly payments: number; readonly refunds: number };
  /**
   * A Z report's proof, printed on it: the audit log's last entry when the day closed (its head)
   * and the digest of the payments, refunds and transitions journaled in its period. With the
   * printed head, `audit verify` finds entries cut off after it or money rows edited since.
   */
  readonly evidence?: {
    readonly auditId: number | null;
    readonly auditHash: string | null;
    readonly digest: string;
    readonly keyed: boolean;
  };
}

const PAID = "('succeeded', 'partially_refunded', 'refunded')";
const OPEN_PAYMENTS = OPEN_STATES.map((s) => `'${s}'`).join(', ');
const OPEN_REFUNDS = OPEN_REFUND_STATES.map((s) => `'${s}'`).join(', ');

/**
 * A recursive CTE `name(currency)` walking one report index's leading column: each step seeks
 * the next currency greater than the last among the rows where `column` is set, so listing every
 * currency costs one index seek each, however many rows the journal holds.
 */
function currencySkipScan(name: string, table: string, index: string, column: string): string {
  const scanned = `${table} INDEXED BY ${index}`;
  return `${name}(currency) AS (
    SELECT MIN(currency) FROM ${scanned} WHERE ${column} IS NOT NULL
    UNION ALL
    SELECT (SELECT MIN(currency) FROM ${scanned}
            WHERE currency > ${name}.currency AND ${column} IS NOT NULL)
    FROM ${name} WHERE ${name}.currency IS NOT NULL)`;
}

/** Every currency ever settled in (a payment or a refund) or cancelled in: the report indexes. */
const REPORTED_CURRENCIES_SQL = `WITH RECURSIVE
  ${currencySkipScan('p', 'payments', 'payments_report', 'settled_at')},
  ${currencySkipScan('r', 'refunds', 'refunds_report', 'settled_at')},
  ${currencySkipScan('c', 'payments', 'payments_cancelled_report', 'cancelled_at')}
  SELECT currency FROM p WHERE currency IS NOT NULL
  UNION SELECT currency FROM r WHERE currency IS NOT NULL
  UNION SELECT currency FROM c WHERE currency IS NOT NULL`;

/**
 * X and Z reports from the journal. A payment counts in the period it settled in, a refund in the
 * period it succeeded in, so consecutive periods add up exactly to the whole journal, however
 * late a result arrives.
 */
export class ReportQueries {
  private readonly statements;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      // Per currency, each counted state's settlement times are one range of the report index:
      // COUNT and SUM read only the period's counted rows, and nothing is sorted (GROUP BY
      // currency over a settlement-time range would sort every row of the period).
      payments: db.prepare(`SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS sum
        FROM payments INDEXED BY payments_report
        WHERE currency = ? AND state IN ${PAID} AND settled_at > ? AND settled_at <= ?`),
      declined: db.prepare(`SELECT COUNT(*) AS count FROM payments INDEXED BY payments_report
        WHERE currency = ? AND state = 'declined' AND settled_at > ? AND settled_at <= ?`),
      // The few the cashier cancelled have indexes of their own: those Gate then declined (left
      // out of the declined), and those cancelled in the period and not paid since.
      cancelledDeclined: db.prepare(`SELECT COUNT(*) AS count
        FROM payments INDEXED BY payments_cancelled_settled
        WHERE currency = ? AND state = 'declined' AND settled_at > ? AND settled_at <= ?
          AND cancelled_at IS NOT NULL`),
      cancelled: db.prepare(`SELECT COUNT(*) AS count
        FROM payments INDEXED BY payments_cancelled_report
        WHERE currency = ? AND cancelled_at > ? AND cancelled_at <= ? AND state NOT IN ${PAID}`),
      refunds: db.prepare(`SELECT COUNT(*) AS count, COALESCE(SUM(amount), 0) AS sum
        FROM refunds INDEXED BY refunds_report
        WHERE currency = ? AND state = 'succeeded' AND settled_at > ? AND settled_at <= ?`),
      // Every currency ever settled in, one index seek each: the report indexes start with it.
      currencies: db.prepare(REPORTED_CURRENCIES_SQL).pluck(),
      openPayments: db.prepare(
        `SELECT COUNT(*) AS count FROM payments
          WHERE state IN (${OPEN_PAYMENTS}) AND cancelled_at IS NULL`,
      ),
      openRefunds: db.prepare(
        `SELECT COUNT(*) AS count FROM refunds WHERE state IN (${OPEN_REFUNDS})`,
      ),
      lastZ: db.prepare('SELECT number, period_end FROM z_reports ORDER BY number DESC LIMIT 1'),
      // Newest first through the settlement indexes: one row each, however long the period.
      // (Two-argument MAX is NULL if either is: hence the COALESCEs.)
      latestSettled: db.prepare(`SELECT MAX(
        COALESCE((SELECT settled_at FROM payments WHERE settled_at > @start ORDER BY settled_at DESC LIMIT 1), 0),
        COALESCE((SELECT settled_at FROM refunds WHERE settled_at > @start ORDER BY settled_at DESC LIMIT 1), 0)
      ) AS at`),
      insertZ: db.prepare(
        'INSERT INTO z_reports (number, period_start, period_end, closed_at, report, audit_id, audit_hash, digest) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      lastDigest: db.prepare(
        'SELECT digest FROM z_reports WHERE digest IS NOT NULL ORDER BY number DESC LIMIT 1',
      ),
      auditHead: db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'),
      listZ: db.prepare('SELECT report FROM z_reports ORDER BY number DESC LIMIT ?'),
      getZ: db.prepare('SELECT report FROM z_reports WHERE number = ?'),
      zAuditHash: db.prepare('SELECT audit_hash FROM z_reports WHERE number = ?'),
    };
  }

  /** Where the current period starts: the end of the last Z report (0 before the first). */
  periodStart(): number {
    return (this.statements.lastZ.get() as { period_end: number } | undefined)?.period_end ?? 0;
  }

  /** The totals of (start, end]. */
  totals(kind: 'X' | 'Z', number: number | null, start: number, end: number): Report {
    const currencies: CurrencyTotals[] = [];
    for (const currency of this.settledCurrencies()) {
      const payments = this.statements.payments.get(currency, start, end) as Sum;
      const refunds = this.statements.refunds.get(currency, start, end) as Sum;
      const declined =
        (this.statements.declined.get(currency, start, end) as Sum).count -
        (this.statements.cancelledDeclined.get(currency, start, end) as Sum).count;
      const cancelled = (this.statements.cancelled.get(currency, start, end) as Sum).count;
      if (payments.count === 0 && refunds.count === 0 && declined === 0 && cancelled === 0)
        continue;
      currencies.push({
        currency,
        payments: { count: payments.count, sum: payments.sum },
        refunds: { count: refunds.count, sum: refunds.sum },
        declined,
        cancelled,
        net: payments.sum - refunds.sum,
      });
    }
    return {
      kind,
      number,
      periodStart: start,
      periodEnd: end,
      currencies,
      open: {
        payments: (this.statements.openPayments.get() as { count: number }).count,
        refunds: (this.statements.openRefunds.get() as { count: number }).count,
      },
    };
  }

  /** Every currency a payment or refund ever settled (or a sale was cancelled) in, in order. */
  private settledCurrencies(): string[] {
    return (this.statements.currencies.all() as string[]).sort((a, b) => (a < b ? -1 : 1));
  }

  /** The X report: the current period so far. */
  current(now: number): Report {
    const start = this.periodStart();
    return this.totals('X', null, start, this.periodEnd(start, now));
  }

  /**
   * Where the open period ends: now, unless the clock is behind what was already filed (set back
   * after a day was closed, or after a settlement made while it ran fast). Nothing settled is
   * ever left after the end of the period that is being reported.
   */
  private periodEnd(start: number, now: number): number {
    const latest = (this.statements.latestSettled.get({ start }) as { at: number | null }).at;
    return Math.max(now, start + 1, latest ?? 0);
  }

  /**
   * Closes the day: the next Z number, for the period since the last Z up to now, in one
   * transaction. The next period starts where this one ends, so no period is reported twice.
   */
  closeDay(now: number, key: Buffer | undefined): Report {
    return this.db.transaction(() => {
      const last = this.statements.lastZ.get() as
        { number: number; period_end: number } | undefined;
      const start = last?.period_end ?? 0;
      const end = this.periodEnd(start, now);
      const totals = this.totals('Z', (last?.number ?? 0) + 1, start, end);
      const head = this.statements.auditHead.get() as { id: number; hash: string } | undefined;
      const previous = this.statements.lastDigest.get() as { digest: string } | undefined;
      const from: RowMarks = previous
        ? (JSON.parse(previous.digest) as PeriodDigest).upto
        : { payments: 0, refunds: 0, transitions: 0 };
      const digest = periodDigest(this.db, from, rowMarks(this.db), key);
      const report: Report = {
        ...totals,
        evidence: {
          auditId: head?.id ?? null,
          auditHash: head?.hash ?? null,
          digest: digest.digest,
          keyed: digest.keyed,
        },
      };
      this.statements.insertZ.run(
        report.number,
        start,
        end,
        now,
        JSON.stringify(report),
        head?.id ?? null,
        head?.hash ?? null,
        JSON.stringify(digest),
      );
      return report;
    })();
  }

  /** The latest Z reports, newest first. */
  zReports(limit = 50): Report[] {
    return (this.statements.listZ.all(limit) as Array<{ report: string }>).map(
      (r) => JSON.parse(r.report) as Report,
    );
  }

  /** The audit chain's head hash recorded when Z report `number` closed the day (null if none). */
  zAuditHeadHash(number: number): string | null {
    const row = this.statements.zAuditHash.get(number) as { audit_hash: string | null } | undefined;
    return row?.audit_hash ?? null;
  }

  /** One Z report by number. */
  zReport(number: number): Report | undefined {
    const row = this.statements.getZ.get(number) as { report: string } | undefined;
    return row ? (JSON.parse(row.report) as Report) : undefined;
  }
}
