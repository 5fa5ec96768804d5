import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/main/journal/journal';
import { runCli } from '../support/run-cli';
import { tempDataDir } from '../support/counter-harness';

/** A journal with a few audit entries, closed. */
function journalWithEntries(count: number): string {
  const path = join(tempDataDir(), 'journal.sqlite');
  const journal = new Journal(path);
  for (let i = 0; i < count; i++)
    journal.audit('manager', `action ${i}`, i % 2 ? `p${i}` : null, { i });
  journal.close();
  return path;
}

/** What someone with direct file access could do: drop the guards and rewrite rows. */
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
  db.close();
}

describe('audit verify (CLI)', () => {
  it('reports an intact log with its entry count', async () => {
    const run = await runCli(['audit', 'verify', '--journal', journalWithEntries(5)]);
    expect(run).toMatchObject({ code: 0, stdout: 'audit log intact: 5 entries\n' });
  });

  it('finds an edited entry', async () => {
    const path = journalWithEntries(6);
    tamper(path, 'UPDATE audit_log SET detail = \'{"i":99}\' WHERE id = 4');
    const run = await runCli(['audit', 'verify', '--journal', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'audit log broken at entry 4: entry 4 was changed after it was written\n',
    );
  });

  it('finds a deleted entry, even with the hashes after it recomputed by hand', async () => {
    const path = journalWithEntries(6);
    tamper(path, 'DELETE FROM audit_log WHERE id = 3');
    const run = await runCli(['audit', 'verify', '--journal', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('audit log broken at entry 3: entry 3 is missing\n');
  });

  it('finds entries cut off the end, up to the last closed day (its Z report is the anchor)', async () => {
    const path = journalWithEntries(4);
    const journal = new Journal(path);
    journal.reports.closeDay(Date.now());
    journal.audit('manager', 'day closed', null);
    journal.audit('cashier', 'after the close', null);
    journal.close();
    tamper(path, 'DELETE FROM audit_log WHERE id >= 4');
    const run = await runCli(['audit', 'verify', '--journal', path]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'audit log broken at entry 4: entry 4, recorded by Z report 1, is missing or changed\n',
    );
  });

  it('fails with one line for a missing or wrong file', async () => {
    const missing = await runCli(['audit', 'verify', '--journal', '/nonexistent/journal.sqlite']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual([
      'audit verify: no journal at /nonexistent/journal.sqlite',
    ]);
    const usage = await runCli(['audit', 'check']);
    expect(usage.stderr).toMatch(/use: audit verify --journal PATH/);
  });
});
