import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { entryHash, GENESIS_HASH, type AuditRow } from '../../src/main/journal/audit-chain';
import { Journal } from '../../src/main/journal/journal';
import { periodDigest, type PeriodDigest } from '../../src/main/journal/period-digest';
import { runCli } from '../support/run-cli';
import { tempDataDir } from '../support/counter-harness';

const KEY = randomBytes(32);
const WITH_KEY = { env: { AUDIT_KEY: KEY.toString('base64') } };

/** A journal with a few audit entries (keyed with KEY unless told otherwise), closed. */
function journalWithEntries(count: number, key: Buffer | undefined = KEY): string {
  const path = join(tempDataDir(), 'journal.sqlite');
  const journal = new Journal(path);
  journal.setAuditKey(key);
  for (let i = 0; i < count; i++)
    journal.audit('manager', `action ${i}`, i % 2 ? `p${i}` : null, { i });
  journal.close();
  return path;
}

/** A journal with a sale settled and a day closed on it, then more entries; its Z report. */
function journalWithClosedDay(): { path: string; head: string } {
  const path = join(tempDataDir(), 'journal.sqlite');
  const journal = new Journal(path);
  journal.setAuditKey(KEY);
  journal.create(
    { id: 'T1', projectId: 1, terminalId: 'T', amount: 1200, currency: 'CNY', createdAt: 1000 },
    'sale',
  );
  journal.transition('T1', 'created', 'succeeded', 'paid', {}, undefined, 2000);
  journal.audit('manager', 'opened the counter', null);
  journal.audit('manager', 'something before the close', null); // entry 2: the Z's head
  const z = journal.closeDay(3000, 'manager');
  journal.audit('cashier', 'after the close', null);
  journal.close();
  return { path, head: z.evidence!.auditHash! };
}

/** What someone with direct file access could do: drop the guards and rewrite rows. */
function tamper(path: string, sql: string): void {
  const db = new Database(path);
  db.exec(`DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;
    DROP TRIGGER IF EXISTS transitions_no_update; DROP TRIGGER IF EXISTS transitions_no_delete;`);
  db.exec(sql);
  db.close();
}

/**
 * What someone who knows the algorithm but not the key can do to a whole journal: remove entry
 * `removed`, chain every entry again with plain SHA-256 (marked unkeyed), and recompute every Z
 * report's anchor and digest without the key.
 */
function rewriteWithoutKey(path: string, removed: number): void {
  tamper(
    path,
    `DELETE FROM audit_log WHERE id = ${removed}; UPDATE audit_log SET id = id - 1 WHERE id > ${removed};`,
  );
  const db = new Database(path);
  let prev = GENESIS_HASH;
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ?, keyed = 0 WHERE id = ?');
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').all() as AuditRow[]) {
    const hash = entryHash(prev, row);
    update.run(prev, hash, row.id);
    prev = hash;
  }
  let from = { payments: 0, refunds: 0, transitions: 0 };
  for (const z of db
    .prepare('SELECT number, audit_id, digest FROM z_reports ORDER BY number')
    .all() as Array<{
    number: number;
    audit_id: number;
    digest: string;
  }>) {
    const upto = (JSON.parse(z.digest) as PeriodDigest).upto;
    const anchor = Math.min(z.audit_id, removed - 1);
    const head = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(anchor) as {
      hash: string;
    };
    db.prepare(
      'UPDATE z_reports SET audit_id = ?, audit_hash = ?, digest = ? WHERE number = ?',
    ).run(anchor, head.hash, JSON.stringify(periodDigest(db, from, upto, undefined)), z.number);
    from = upto;
  }
  db.close();
}

/** Chains entries `from`..`to` again with plain SHA-256 (after an edit), leaving the rest as is. */
function recomputeUnkeyedFrom(path: string, from: number, to: number): void {
  const db = new Database(path);
  let prev = (
    db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(from - 1) as { hash: string }
  ).hash;
  for (const row of db
    .prepare('SELECT * FROM audit_log WHERE id >= ? AND id <= ? ORDER BY id')
    .all(from, to) as AuditRow[]) {
    const hash = entryHash(prev, row);
    db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(prev, hash, row.id);
    prev = hash;
  }
  db.close();
}

describe('audit verify (CLI)', () => {
  it('reports an intact, keyed log with its entry count', async () => {
    const run = await runCli(['audit', 'verify', '--journal', journalWithEntries(5)], WITH_KEY);
    expect(run).toMatchObject({
      code: 0,
      stdout: 'audit log intact: 5 entries (5 keyed), no Z report yet\n',
    });
  });

  it('without the audit key, keyed entries are not proven: exit 3, and it says why', async () => {
    const run = await runCli(['audit', 'verify', '--journal', journalWithEntries(3)]);
    expect(run.code).toBe(3);
    expect(run.stdout).toBe(
      'audit log intact: 3 entries (3 keyed), no Z report yet\n' +
        'not proven: 3 entries or digests could not be checked (no audit key given)\n',
    );
  });

  it('finds an edited entry, and says which', async () => {
    const path = journalWithEntries(6);
    tamper(path, 'UPDATE audit_log SET detail = \'{"i":99}\' WHERE id = 4');
    const run = await runCli(['audit', 'verify', '--journal', path], WITH_KEY);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^audit log broken at entry 4: entry 4 \(action 3, \d{4}-\d\d-\d\d \d\d:\d\d\) was changed after it was written\nno good Z report before it\n$/,
    );
  });

  it('an edited entry whose chain was recomputed without the key is still found', async () => {
    const path = journalWithEntries(6);
    // The editor knows the algorithm but not the key: recomputes every hash from entry 4 on
    // with plain SHA-256, marking them keyed as before.
    const db = new Database(path);
    db.exec('DROP TRIGGER audit_log_no_update;');
    db.prepare('UPDATE audit_log SET detail = \'{"i":99}\' WHERE id = 4').run();
    let prev = (db.prepare('SELECT hash FROM audit_log WHERE id = 3').get() as { hash: string })
      .hash;
    for (const row of db
      .prepare('SELECT * FROM audit_log WHERE id >= 4 ORDER BY id')
      .all() as Array<Parameters<typeof entryHash>[1] & { id: number }>) {
      const hash = entryHash(prev, row);
      db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?').run(
        prev,
        hash,
        row.id,
      );
      prev = hash;
    }
    db.close();
    const run = await runCli(['audit', 'verify', '--journal', path], WITH_KEY);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^audit log broken at entry 4: .* was changed after it was written/);
  });

  it('finds a deleted entry, even with the hashes after it recomputed by hand', async () => {
    const path = journalWithEntries(6);
    tamper(path, 'DELETE FROM audit_log WHERE id = 3');
    const run = await runCli(['audit', 'verify', '--journal', path], WITH_KEY);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      'audit log broken at entry 3: entry 3 is missing\nno good Z report before it\n',
    );
  });

  it('finds entries cut off the end, up to the last closed day (its Z report is the anchor)', async () => {
    const { path } = journalWithClosedDay();
    tamper(path, 'DELETE FROM audit_log WHERE id >= 2');
    const run = await runCli(['audit', 'verify', '--journal', path], WITH_KEY);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^audit log broken at entry 2: entry 2, recorded by Z report 1, is missing or changed\n/,
    );
  });

  it('with the head printed on the Z, a log cut back together with its Z report is found', async () => {
    const { path, head } = journalWithClosedDay();
    expect(
      (await runCli(['audit', 'verify', '--journal', path, '--head', head.slice(0, 16)], WITH_KEY))
        .code,
    ).toBe(0);
    // Everything from the close on removed, the Z report too: the file alone looks intact.
    tamper(path, 'DELETE FROM audit_log WHERE id >= 2; DELETE FROM z_reports;');
    expect((await runCli(['audit', 'verify', '--journal', path], WITH_KEY)).code).toBe(0);
    const run = await runCli(
      ['audit', 'verify', '--journal', path, '--head', head.slice(0, 16)],
      WITH_KEY,
    );
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      `audit log broken at entry 2: the head ${head.slice(0, 16)} is not in the log: entries were cut off or rewritten\nno good Z report before it\n`,
    );
  });

  it('money rows edited after their day was closed are found, and the Z report names what changed', async () => {
    const { path } = journalWithClosedDay();
    tamper(path, "UPDATE payments SET amount = 120 WHERE id = 'T1'");
    const run = await runCli(['audit', 'verify', '--journal', path], WITH_KEY);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^audit log broken at entry 2: Z report 1: its money rows changed since it was closed: payments \(1 rows then, 1 now\)\nno good Z report before it\n$/,
    );
    const { path: second } = journalWithClosedDay();
    tamper(second, "DELETE FROM transitions WHERE to_state = 'succeeded'");
    expect((await runCli(['audit', 'verify', '--journal', second], WITH_KEY)).stdout).toMatch(
      /transitions \(2 rows then, 1 now\)/,
    );
  });

  it('a log rewritten entirely without the key (an entry removed, the Z digests recomputed) is broken: no keyed entries although a key exists', async () => {
    const { path } = journalWithClosedDay();
    rewriteWithoutKey(path, 2);
    for (const env of [
      { ...WITH_KEY.env, AUDIT_FIRST_KEYED_ENTRY: '1' },
      WITH_KEY.env, // where keyed entries start unknown: still found
    ]) {
      const run = await runCli(['audit', 'verify', '--journal', path], { env });
      expect(run.code).toBe(1);
      expect(run.stdout).toMatch(
        /^audit log broken at entry 1: no keyed entries although a key exists( \(made before entry 1\))?: the log was rewritten without the key, or cut back to before it was made\n/,
      );
    }
  });

  it('unkeyed entries after the key was made: covered by a later keyed entry they are proven; left at the end they are broken', async () => {
    const path = join(tempDataDir(), 'journal.sqlite');
    const journal = new Journal(path);
    journal.setAuditKey(KEY);
    journal.audit('system', 'app started', null);
    journal.audit('manager', 'settings changed', null);
    journal.setAuditKey(undefined); // the keychain locks
    journal.audit('system', 'app stopped', null);
    journal.audit('system', 'app started', null);
    journal.close();
    const env = { ...WITH_KEY.env, AUDIT_FIRST_KEYED_ENTRY: '1' };
    const tail = await runCli(['audit', 'verify', '--journal', path], { env });
    expect(tail.code).toBe(1);
    expect(tail.stdout).toMatch(
      /^audit log broken at entry 3: entries 3–4 are not keyed although the audit key existed when they were written: added or rewritten without the key, or written while the counter's keychain was locked/,
    );
    // The keychain answers again: the next entry is keyed, and its HMAC covers entries 3 and 4.
    const reopened = new Journal(path);
    reopened.setAuditKey(KEY);
    reopened.audit('system', 'keychain available again', null);
    reopened.close();
    expect(await runCli(['audit', 'verify', '--journal', path], { env })).toMatchObject({
      code: 0,
      stdout: 'audit log intact: 5 entries (3 keyed), no Z report yet\n',
    });
    // Whoever edits a covered entry must recompute the keyed one after it, and cannot.
    tamper(path, "UPDATE audit_log SET actor = 'cashier' WHERE id = 3");
    recomputeUnkeyedFrom(path, 3, 4);
    expect((await runCli(['audit', 'verify', '--journal', path], { env })).stdout).toMatch(
      /^audit log broken at entry 5: entry 5 \(keychain available again, .*\) does not follow entry 4/,
    );
  });

  it('a Z digest recomputed without the key after money rows were edited is broken', async () => {
    const { path } = journalWithClosedDay();
    tamper(path, "UPDATE payments SET amount = 120 WHERE id = 'T1'");
    const db = new Database(path);
    const z = db.prepare('SELECT digest FROM z_reports WHERE number = 1').get() as {
      digest: string;
    };
    const stored = JSON.parse(z.digest) as PeriodDigest;
    const forged = periodDigest(
      db,
      { payments: 0, refunds: 0, transitions: 0 },
      stored.upto,
      undefined,
    );
    db.prepare('UPDATE z_reports SET digest = ? WHERE number = 1').run(JSON.stringify(forged));
    db.close();
    const run = await runCli(['audit', 'verify', '--journal', path], WITH_KEY);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^audit log broken at entry 2: Z report 1: its digest is not keyed although the audit key existed when the day was closed/,
    );
  });

  it('fails with one line for a missing or wrong file, or a head that is not a hash', async () => {
    const missing = await runCli(['audit', 'verify', '--journal', '/nonexistent/journal.sqlite']);
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toEqual([
      'audit verify: no journal at /nonexistent/journal.sqlite',
    ]);
    const usage = await runCli(['audit', 'check']);
    expect(usage.stderr).toMatch(/use: audit verify --journal PATH/);
    const badHead = await runCli(['audit', 'verify', '--journal', 'x', '--head', 'zz']);
    expect(badHead.stderr).toMatch(/--head is the hash printed on a Z report/);
  });
});
