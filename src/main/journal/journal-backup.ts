import { existsSync, readdirSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, type Migration } from './migrations';

/** What start-up found and did before opening the journal. */
export interface BackupResult {
  /** The backup made now because migrations are pending, if any. */
  readonly made: string | null;
  /** Backups made by earlier starts: deleted once this start has succeeded. */
  readonly earlier: readonly string[];
}

const BACKUP_NAME = /\.backup-v\d+-\d+$/;

/** The backups of a journal that exist now, oldest first. */
export function journalBackups(journalPath: string): string[] {
  const dir = dirname(journalPath);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(journalPath)}.backup-v`;
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && BACKUP_NAME.test(name))
    .sort()
    .map((name) => join(dir, name));
}

function schemaVersionOf(db: Database.Database): number {
  const table = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'")
    .get();
  if (!table) return 0;
  return (
    (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number | null }).v ??
    0
  );
}

/**
 * Before any migration touches the journal, copies it next to itself with SQLite's online
 * backup (`journal.sqlite.backup-v<old version>-<time>`): a migration that goes wrong, or a new
 * version that misbehaves, can be undone by putting the copy back. Nothing is copied when no
 * migration is pending or there is no journal yet.
 */
export async function backupBeforeMigration(
  journalPath: string,
  migrations: readonly Migration[] = MIGRATIONS,
  now: () => number = Date.now,
): Promise<BackupResult> {
  const earlier = journalBackups(journalPath);
  if (!existsSync(journalPath)) return { made: null, earlier };
  const db = new Database(journalPath, { fileMustExist: true });
  try {
    const current = schemaVersionOf(db);
    const latest = migrations.at(-1)?.version ?? 0;
    if (current >= latest) return { made: null, earlier };
    const made = `${journalPath}.backup-v${current}-${now()}`;
    await db.backup(made);
    return { made, earlier };
  } finally {
    db.close();
  }
}

/**
 * Called once a start has succeeded (the migrated journal opened and recovery ran): the
 * backups of earlier starts go. The one made by this start stays until the next one succeeds.
 */
export function discardEarlierBackups(result: BackupResult): void {
  for (const path of result.earlier) rmSync(path, { force: true });
}
