import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCounter } from '../../src/main/app/create-counter';
import {
  backupBeforeMigration,
  discardEarlierBackups,
  journalBackups,
} from '../../src/main/journal/journal-backup';
import { Journal } from '../../src/main/journal/journal';
import { MIGRATIONS, migrate } from '../../src/main/journal/migrations';
import { tempDataDir, TEST_PROJECT, TEST_SECRET } from '../support/counter-harness';

/** A journal as the previous release left it: one migration behind, with a payment in it. */
function previousReleaseJournal(dir: string): string {
  const path = join(dir, 'journal.sqlite');
  const db = new Database(path);
  migrate(db, MIGRATIONS.slice(0, -1));
  db.prepare(
    `INSERT INTO payments (id, project_id, terminal_id, amount, currency, state, created_at, updated_at, settled_at)
     VALUES ('T01-OLD', 1001, 'T01', 8800, 'CNY', 'succeeded', 1, 1, 1)`,
  ).run();
  db.close();
  return path;
}

const versionOf = (path: string) => {
  const db = new Database(path, { readonly: true });
  const v = (db.prepare('SELECT MAX(version) AS v FROM schema_version').get() as { v: number }).v;
  const ids = (db.prepare('SELECT id FROM payments').all() as Array<{ id: string }>).map(
    (r) => r.id,
  );
  db.close();
  return { v, ids };
};

describe('the journal is backed up before any migration', () => {
  const latest = MIGRATIONS.at(-1)!.version;

  it('copies the old journal, with its data and old schema, before migrating it', async () => {
    const path = previousReleaseJournal(tempDataDir());
    const result = await backupBeforeMigration(path, MIGRATIONS, () => 1700000000000);
    expect(result.made).toBe(`${path}.backup-v${latest - 1}-1700000000000`);
    new Journal(path).close(); // migrates
    expect(versionOf(path)).toEqual({ v: latest, ids: ['T01-OLD'] });
    expect(versionOf(result.made!)).toEqual({ v: latest - 1, ids: ['T01-OLD'] });
  });

  it('a migration that fails leaves the backup to go back to', async () => {
    const path = previousReleaseJournal(tempDataDir());
    const broken = [
      ...MIGRATIONS,
      { version: latest + 1, description: 'broken', sql: 'ALTER TABLE no_such_table ADD COLUMN x' },
    ];
    const { made } = await backupBeforeMigration(path, broken);
    const db = new Database(path);
    expect(() => migrate(db, broken)).toThrow(/no_such_table/);
    db.close();
    expect(versionOf(made!)).toEqual({ v: latest - 1, ids: ['T01-OLD'] });
  });

  it('makes nothing for a new journal or one already up to date', async () => {
    const dir = tempDataDir();
    const path = join(dir, 'journal.sqlite');
    expect(await backupBeforeMigration(path)).toEqual({ made: null, earlier: [] });
    new Journal(path).close();
    expect(await backupBeforeMigration(path)).toEqual({ made: null, earlier: [] });
    expect(journalBackups(path)).toEqual([]);
  });

  it('a counter keeps the backup until its next successful start', async () => {
    const dataDir = tempDataDir();
    const path = previousReleaseJournal(dataDir);
    const start = () =>
      createCounter({
        dataDir,
        mode: 'demo',
        demo: { sandboxSecret: TEST_SECRET, projectId: TEST_PROJECT },
      });

    const first = await start();
    const [backup] = journalBackups(path);
    expect(backup).toBeDefined();
    expect(first.journal.get('T01-OLD')?.amount).toBe(8800);
    await first.close();
    expect(existsSync(backup!)).toBe(true);

    const second = await start();
    expect(existsSync(backup!)).toBe(false);
    expect(journalBackups(path)).toEqual([]);
    await second.close();
  });

  it('discarding removes only what earlier starts made', async () => {
    const path = previousReleaseJournal(tempDataDir());
    const first = await backupBeforeMigration(path);
    const again = await backupBeforeMigration(path, MIGRATIONS, () => Date.now() + 1);
    discardEarlierBackups(again);
    expect(journalBackups(path)).toEqual([again.made]);
    expect(first.made).not.toBe(again.made);
  });
});
