import type Database from 'better-sqlite3';

/** One schema step. Applied in order, each in its own transaction, recorded in schema_version. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
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
      db.prepare(
        'INSERT INTO schema_version (version, applied_at, description) VALUES (?, ?, ?)',
      ).run(migration.version, Date.now(), migration.description);
    })();
  }
  return latest;
}
