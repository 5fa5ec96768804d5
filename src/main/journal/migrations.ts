import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { chainExistingEntries } from './audit-chain';

/** One schema step. Applied in order, each in its own transaction, recorded in schema_version. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
  /** A step SQL cannot express, run after `sql` in the same transaction. */
  readonly after?: (db: Database.Database) => void;
}

/**
 * The journal's schema history. Never edit an applied migration: add a new one.
 * Times are integer milliseconds since the epoch; amounts integer minor units.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'payments, state transitions, callback inbox, counter state, audit log',
    sql: `
      CREATE TABLE payments (
        id               TEXT PRIMARY KEY,
        project_id       INTEGER NOT NULL,
        terminal_id      TEXT NOT NULL,
        amount           INTEGER NOT NULL CHECK (amount > 0),
        currency         TEXT NOT NULL,
        state            TEXT NOT NULL,
        created_at       INTEGER NOT NULL,
        updated_at       INTEGER NOT NULL,
        request_id       TEXT,
        qr               TEXT,
        qr_expires_at    INTEGER,
        gate_code        TEXT,
        gate_message     TEXT,
        cancelled_at     INTEGER,
        late_alert       TEXT,
        refunded_amount  INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      -- Recovery reads only unfinished payments: a partial index keeps that instant at any size.
      CREATE INDEX payments_open ON payments (created_at)
        WHERE state IN ('created', 'requested', 'awaiting_customer', 'unknown');
      CREATE INDEX payments_created ON payments (created_at DESC);
      CREATE INDEX payments_late ON payments (late_alert) WHERE late_alert = 'open';

      CREATE TABLE transitions (
        id          INTEGER PRIMARY KEY,
        payment_id  TEXT NOT NULL REFERENCES payments (id),
        from_state  TEXT,
        to_state    TEXT NOT NULL,
        at          INTEGER NOT NULL,
        cause       TEXT NOT NULL,
        detail      TEXT
      ) STRICT;
      CREATE INDEX transitions_payment ON transitions (payment_id, id);

      CREATE TABLE callbacks (
        id           INTEGER PRIMARY KEY,
        received_at  INTEGER NOT NULL,
        payment_id   TEXT,
        verified     INTEGER NOT NULL,
        problem      TEXT,
        outcome      TEXT,
        remote       TEXT,
        raw          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX callbacks_payment ON callbacks (payment_id, id);

      -- Small facts about the counter itself, such as the sale on screen, kept across restarts.
      CREATE TABLE counter_state (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id          INTEGER PRIMARY KEY,
        at          INTEGER NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        payment_id  TEXT,
        detail      TEXT
      ) STRICT;
    `,
  },
  {
    version: 2,
    description:
      'refunds, settlement times, history indexes, Z reports, hash-chained append-only audit log',
    sql: `
      ALTER TABLE payments ADD COLUMN settled_at INTEGER;
      UPDATE payments SET settled_at = updated_at
        WHERE state NOT IN ('created', 'requested', 'awaiting_customer', 'unknown');
      -- Reports read only these columns: the index covers them, the table is never touched.
      CREATE INDEX payments_settled ON payments (settled_at, state, currency, amount) WHERE settled_at IS NOT NULL;
      -- History: newest first, filtered by one of these; keyset pages on (created_at, id), so
      -- every index ends with both and no page needs a sort.
      DROP INDEX payments_created;
      CREATE INDEX payments_created ON payments (created_at DESC, id DESC);
      CREATE INDEX payments_state_created ON payments (state, created_at DESC, id DESC);
      CREATE INDEX payments_currency_created ON payments (currency, created_at DESC, id DESC);
      CREATE INDEX payments_amount_created ON payments (amount, created_at DESC, id DESC);

      CREATE TABLE refunds (
        id            TEXT PRIMARY KEY,             -- merchant_refund_id: the idempotency key
        payment_id    TEXT NOT NULL REFERENCES payments (id),
        amount        INTEGER NOT NULL CHECK (amount > 0),
        currency      TEXT NOT NULL,
        reason        TEXT NOT NULL,
        actor         TEXT NOT NULL,
        state         TEXT NOT NULL,
        created_at    INTEGER NOT NULL,
        updated_at    INTEGER NOT NULL,
        settled_at    INTEGER,
        request_id    TEXT,
        gate_code     TEXT,
        gate_message  TEXT
      ) STRICT;
      CREATE INDEX refunds_payment ON refunds (payment_id, created_at);
      CREATE INDEX refunds_open ON refunds (created_at) WHERE state IN ('created', 'requested', 'unknown');
      CREATE INDEX refunds_settled ON refunds (settled_at, state, currency, amount) WHERE settled_at IS NOT NULL;

      ALTER TABLE transitions ADD COLUMN refund_id TEXT;

      CREATE TABLE z_reports (
        number        INTEGER PRIMARY KEY,
        period_start  INTEGER NOT NULL,
        period_end    INTEGER NOT NULL,
        closed_at     INTEGER NOT NULL,
        report        TEXT NOT NULL,
        -- The audit log's last entry when the day was closed: an anchor outside the chain, so
        -- that cutting entries off the end of the log is found too.
        audit_id      INTEGER,
        audit_hash    TEXT
      ) STRICT;

      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
    `,
    after(db) {
      chainExistingEntries(db);
      db.exec(`
        CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
        CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
          BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      `);
    },
  },
  {
    version: 3,
    description: 'purchase mode per payment (Gate QR or Payment Page link)',
    sql: `ALTER TABLE payments ADD COLUMN mode TEXT NOT NULL DEFAULT 'gate_qr';`,
  },
  {
    version: 4,
    description:
      'callback inbox: body hash and size, copies of the same verified body, unverified bodies cut to a prefix',
    sql: `
      ALTER TABLE callbacks ADD COLUMN body_sha256 TEXT;
      ALTER TABLE callbacks ADD COLUMN body_size INTEGER;
      ALTER TABLE callbacks ADD COLUMN copies INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE callbacks ADD COLUMN last_received_at INTEGER;
      CREATE INDEX callbacks_unverified ON callbacks (id) WHERE verified = 0;
      CREATE INDEX callbacks_body ON callbacks (payment_id, body_sha256) WHERE verified = 1;
    `,
    after: (db) => {
      // Bodies recorded before: hashed and measured; unverified ones cut to their first 200
      // characters, as from now on.
      const update = db.prepare(
        'UPDATE callbacks SET body_sha256 = ?, body_size = ?, raw = ? WHERE id = ?',
      );
      for (const row of db.prepare('SELECT id, verified, raw FROM callbacks').all() as Array<{
        id: number;
        verified: number;
        raw: string;
      }>) {
        const bytes = Buffer.from(row.raw, 'utf8');
        const hash = createHash('sha256').update(bytes).digest('hex');
        update.run(
          hash,
          bytes.length,
          row.verified === 1 ? row.raw : row.raw.slice(0, 200),
          row.id,
        );
      }
    },
  },
  {
    version: 5,
    description:
      'audit entries keyed with the keychain audit key; Z reports keep a digest of their money rows; transitions append-only',
    sql: `
      ALTER TABLE audit_log ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE z_reports ADD COLUMN digest TEXT;
      CREATE TRIGGER transitions_no_update BEFORE UPDATE ON transitions
        BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;
      CREATE TRIGGER transitions_no_delete BEFORE DELETE ON transitions
        BEGIN SELECT RAISE(ABORT, 'transitions are append-only'); END;
    `,
  },
  {
    version: 6,
    description: 'print jobs: every slip queued, sent or failed with the reason',
    sql: `
      CREATE TABLE print_jobs (
        id           INTEGER PRIMARY KEY,
        -- customer | merchant | refund_customer | refund_merchant | x_report | z_report | test
        kind         TEXT NOT NULL,
        payment_id   TEXT,
        refund_id    TEXT,
        z_number     INTEGER,
        -- 1 for a reprint asked for by hand (the slip says REPRINT), 0 for the automatic one
        reprint      INTEGER NOT NULL DEFAULT 0,
        -- queued | sent | failed
        state        TEXT NOT NULL,
        reason       TEXT,
        printer      TEXT NOT NULL,
        attempts     INTEGER NOT NULL DEFAULT 0,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        -- the cashier closed the failure line without printing (the job can still be reprinted)
        dismissed_at INTEGER
      ) STRICT;
      CREATE INDEX print_jobs_payment ON print_jobs (payment_id, id);
      CREATE INDEX print_jobs_refund ON print_jobs (refund_id, id) WHERE refund_id IS NOT NULL;
      CREATE INDEX print_jobs_unfinished ON print_jobs (id)
        WHERE state = 'queued' OR (state = 'failed' AND dismissed_at IS NULL);
    `,
  },
  {
    version: 7,
    description:
      'relayed callbacks held back after failing their signature check, kept to apply once the secret is right',
    sql: `
      CREATE TABLE relay_quarantine (
        id           INTEGER PRIMARY KEY,
        received_at  INTEGER NOT NULL,
        source       TEXT NOT NULL,
        reason       TEXT NOT NULL,
        body         BLOB NOT NULL,
        body_sha256  TEXT NOT NULL UNIQUE
      ) STRICT;
    `,
  },
  {
    version: 8,
    description:
      'report indexes by currency and state: a period reads only its own counted rows, with no sort',
    sql: `
      -- A report's totals: per currency, one range of settlement times within each counted
      -- state, summed straight off the index (grouping rows by currency would sort them all).
      CREATE INDEX payments_report ON payments (currency, state, settled_at, amount)
        WHERE settled_at IS NOT NULL;
      CREATE INDEX refunds_report ON refunds (currency, state, settled_at, amount)
        WHERE settled_at IS NOT NULL;
    `,
  },
];

/** Brings the schema to the latest version; refuses a journal written by a newer app. */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = MIGRATIONS,
): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_version (
    version     INTEGER PRIMARY KEY,
    applied_at  INTEGER NOT NULL,
    description TEXT NOT NULL
  ) STRICT`);
  const current =
    (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ??
    0;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > latest) {
    throw new Error(
      `the journal has schema version ${current}, newer than this app knows (${latest}); update the app`,
    );
  }
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      migration.after?.(db);
      db.prepare(
        'INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)',
      ).run(migration.version, Date.now(), migration.description);
    })();
  }
  return latest;
}
