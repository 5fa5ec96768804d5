/**
 * The earliest settlement time the open report period can hold: just after the last Z report's
 * end. A settlement is filed at max(now, this): if the computer's clock was set back after a day
 * was closed, what settles afterwards still lands in the open period instead of in one that is
 * already closed (where no report would ever count it).
 */
export const AFTER_LAST_Z_SQL = '(SELECT COALESCE(MAX(period_end), 0) + 1 FROM z_reports)';
