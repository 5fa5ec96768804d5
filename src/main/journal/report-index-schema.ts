/**
 * The reports' indexes (migrations 8 and 9): a report reads only its period's counted rows, per
 * currency and state, straight off an index, with no sort.
 */
export const REPORT_INDEXES_SQL = `
      -- A report's totals: per currency, one range of settlement times within each counted
      -- state, summed straight off the index (grouping rows by currency would sort them all).
      CREATE INDEX payments_report ON payments (currency, state, settled_at, amount)
        WHERE settled_at IS NOT NULL;
      CREATE INDEX refunds_report ON refunds (currency, state, settled_at, amount)
        WHERE settled_at IS NOT NULL;
    `;

/** The few sales the cashier cancelled and the late payments, for History and the reports. */
export const REPORT_CANCELLED_INDEXES_SQL = `
      -- A cancelled sale reads Cancelled: History lists them (and late payments) newest first,
      -- and a report counts them by when the cashier cancelled, each currency one range, apart
      -- from the declined (a cancelled sale Gate later declines is still a cancelled one).
      CREATE INDEX payments_cancelled_created ON payments (created_at DESC, id DESC)
        WHERE cancelled_at IS NOT NULL;
      CREATE INDEX payments_late_created ON payments (created_at DESC, id DESC)
        WHERE late_alert IS NOT NULL;
      CREATE INDEX payments_cancelled_report ON payments (currency, cancelled_at, state)
        WHERE cancelled_at IS NOT NULL;
      CREATE INDEX payments_cancelled_settled ON payments (currency, state, settled_at)
        WHERE cancelled_at IS NOT NULL;
    `;
