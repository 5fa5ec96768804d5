/**
 * The open shift of this counter's journal: whoever is signed in took what is written now. A
 * journal belongs to one counter, and the unique index below lets it hold one open shift only.
 */
const OPEN_SHIFT = 'SELECT id FROM shifts WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1';
const OPEN_STAFF = 'SELECT staff_id FROM shifts WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1';
// With nobody signed in (a counter without staff, the bench's million rows) nothing is written.
const SOMEONE = 'EXISTS (SELECT 1 FROM shifts WHERE ended_at IS NULL)';
const AUTHORISING =
  'SELECT authorising FROM shifts WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1';

/**
 * Staff, shifts and attribution (migration 10), additive only. Payments, refunds, print jobs and
 * late decisions are attributed by triggers in the same statement that writes them, so no path
 * of the money code can forget to say who took it, and a crash can never leave a row written
 * without its person. Audit entries are attributed by the audit trail itself: their columns
 * are part of the chained hash, and the log refuses updates.
 */
export const STAFF_AND_SHIFTS_SQL = `
  CREATE TABLE staff (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL CHECK (role IN ('cashier', 'manager')),
    created_at   INTEGER NOT NULL,
    disabled_at  INTEGER,
    -- the scrypt record of the member's PIN, sealed to the audit entry written with it (JSON)
    pin          TEXT,
    -- wrong PINs in a row and the lock they set, sealed likewise (JSON)
    failures     TEXT
  ) STRICT;
  CREATE UNIQUE INDEX staff_name ON staff (name COLLATE NOCASE);

  CREATE TABLE shifts (
    id           INTEGER PRIMARY KEY,
    counter      TEXT NOT NULL,
    staff_id     INTEGER NOT NULL REFERENCES staff (id),
    opened_at    INTEGER NOT NULL,
    -- locked: the shift stays open, and only its own member's PIN opens the screens again
    locked_at    INTEGER,
    ended_at     INTEGER,
    -- handover | signed_out | ended_by_manager
    end_reason   TEXT,
    ended_by     INTEGER REFERENCES staff (id),
    -- the manager whose PIN authorised the one action under way for a cashier, if any
    authorising  INTEGER REFERENCES staff (id),
    -- the shift's report as it stood when the shift ended (JSON)
    report       TEXT
  ) STRICT;
  CREATE UNIQUE INDEX shifts_one_open ON shifts (counter) WHERE ended_at IS NULL;
  CREATE INDEX shifts_open ON shifts (id) WHERE ended_at IS NULL;
  CREATE INDEX shifts_opened ON shifts (opened_at);

  ALTER TABLE payments ADD COLUMN staff_id INTEGER;
  ALTER TABLE payments ADD COLUMN shift_id INTEGER;
  ALTER TABLE payments ADD COLUMN late_staff_id INTEGER;
  ALTER TABLE payments ADD COLUMN late_shift_id INTEGER;
  ALTER TABLE refunds ADD COLUMN staff_id INTEGER;
  ALTER TABLE refunds ADD COLUMN shift_id INTEGER;
  ALTER TABLE refunds ADD COLUMN authorised_by INTEGER;
  ALTER TABLE print_jobs ADD COLUMN staff_id INTEGER;
  ALTER TABLE print_jobs ADD COLUMN shift_id INTEGER;
  ALTER TABLE audit_log ADD COLUMN staff_id INTEGER;
  ALTER TABLE audit_log ADD COLUMN shift_id INTEGER;
  ALTER TABLE audit_log ADD COLUMN authorised_by INTEGER;

  -- History by person, and a shift's own rows.
  CREATE INDEX payments_staff_created ON payments (staff_id, created_at DESC, id DESC)
    WHERE staff_id IS NOT NULL;
  CREATE INDEX payments_shift ON payments (shift_id) WHERE shift_id IS NOT NULL;
  CREATE INDEX refunds_shift ON refunds (shift_id) WHERE shift_id IS NOT NULL;

  CREATE TRIGGER payments_attributed AFTER INSERT ON payments
    WHEN NEW.staff_id IS NULL AND ${SOMEONE}
  BEGIN
    UPDATE payments SET staff_id = (${OPEN_STAFF}), shift_id = (${OPEN_SHIFT})
      WHERE rowid = NEW.rowid;
  END;
  CREATE TRIGGER refunds_attributed AFTER INSERT ON refunds
    WHEN NEW.staff_id IS NULL AND ${SOMEONE}
  BEGIN
    UPDATE refunds SET staff_id = (${OPEN_STAFF}), shift_id = (${OPEN_SHIFT}),
      authorised_by = COALESCE(NEW.authorised_by, (${AUTHORISING}))
      WHERE rowid = NEW.rowid;
  END;
  CREATE TRIGGER print_jobs_attributed AFTER INSERT ON print_jobs
    WHEN NEW.staff_id IS NULL AND ${SOMEONE}
  BEGIN
    UPDATE print_jobs SET staff_id = (${OPEN_STAFF}), shift_id = (${OPEN_SHIFT})
      WHERE rowid = NEW.rowid;
  END;
  -- Keep or Refund of a late payment: who decided, in which shift.
  CREATE TRIGGER payments_late_decided AFTER UPDATE OF late_alert ON payments
    WHEN OLD.late_alert IS 'open' AND NEW.late_alert IN ('kept', 'refund_requested') AND ${SOMEONE}
  BEGIN
    UPDATE payments SET late_staff_id = (${OPEN_STAFF}), late_shift_id = (${OPEN_SHIFT})
      WHERE rowid = NEW.rowid;
  END;
`;

/** The open shift's member, shift and authorising manager, for the audit trail's own rows. */
export const OPEN_SHIFT_ATTRIBUTION_SQL =
  'SELECT staff_id, id AS shift_id, authorising FROM shifts WHERE ended_at IS NULL ORDER BY id DESC LIMIT 1';
