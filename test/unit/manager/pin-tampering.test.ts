import { scryptSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/journal/journal';
import { ManagerPin } from '../../../src/main/manager/manager-pin';
import {
  CounterKeys,
  PIN_HIGH_WATER_ACCOUNT,
  PIN_PEPPER_ACCOUNT,
} from '../../../src/main/secrets/counter-keys';
import { createMemorySecretStore, type SecretStore } from '../../../src/main/secrets/secret-store';

/**
 * Someone who can write the counter's data folder but not read its keychain: what they can do to
 * the manager PIN's rows (and the audit log) in the journal file, and what it gains them.
 */

const FAST = { N: 1024, r: 8, p: 1 };
const PIN = '482193';
const RESET = expect.stringContaining('reset it with the project’s secret key');

async function counterOn(journal: Journal, store: SecretStore, now: () => number) {
  const keys = new CounterKeys(store, journal.auditTrail);
  await keys.load();
  return new ManagerPin(journal, keys, { now, cost: FAST, mode: 'live' });
}

/** A live counter whose manager PIN is PIN, on a clock the test moves. */
async function setUp() {
  const clock = { now: Date.parse('2026-12-01T09:00:00Z') };
  const journal = new Journal(join(mkdtempSync(join(tmpdir(), 'pin-tamper-')), 'journal.sqlite'));
  const store = createMemorySecretStore();
  const pin = await counterOn(journal, store, () => clock.now);
  expect(await pin.set(PIN, undefined, 'manager')).toMatchObject({ ok: true });
  return { journal, store, pin, clock };
}

/** The journal file as its editor sees it: no guards against changing the audit log. */
function fileOf(journal: Journal): Database.Database {
  const db = (journal as unknown as { db: Database.Database }).db;
  db.exec(
    'DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;',
  );
  return db;
}

const row = (journal: Journal, key: string) => journal.getCounterState(key);
const put = (journal: Journal, key: string, value: string | undefined) =>
  journal.setCounterState(key, value);
const lastAuditId = (journal: Journal) => journal.auditLog().at(-1)!.id;

async function wrongGuesses(pin: ManagerPin, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    expect(await pin.check('000000', 'refund')).toMatchObject({
      ok: false,
      error: { code: 'PIN_INCORRECT' },
    });
}

describe('the manager PIN against someone who edits the journal file', () => {
  let journal: Journal | undefined;
  afterEach(() => journal?.close());

  it('a version-1 record (scrypt of 0000, no pepper) makes 0000 nothing: the PIN needs a reset, and the record is not stored again', async () => {
    const setup = await setUp();
    journal = setup.journal;
    const salt = Buffer.alloc(16, 1);
    const forged = JSON.stringify({
      v: 1,
      salt: salt.toString('base64'),
      hash: scryptSync('0000', salt, 32, FAST).toString('base64'),
      ...FAST,
    });
    put(journal, 'manager_pin', forged);
    expect(setup.pin.status()).toMatchObject({ resetNeeded: true });
    expect(await setup.pin.check('0000', 'change settings')).toEqual({
      ok: false,
      error: { code: 'PIN_NOT_SET', message: RESET, said: { id: 'manager.pin.resetNeeded' } },
    });
    expect(await setup.pin.set('111111', '0000', 'intruder')).toMatchObject({
      ok: false,
      error: { code: 'PIN_NOT_SET' },
    });
    expect(row(journal, 'manager_pin')).toBe(forged);
    // The same on a counter that never had a PIN, and on one whose PIN predates seals (its
    // keychain holds only the pepper): never first-run setup, never 0000.
    for (const store of [
      createMemorySecretStore(),
      createMemorySecretStore({ [PIN_PEPPER_ACCOUNT]: Buffer.alloc(32, 2).toString('base64') }),
    ]) {
      const other = new Journal(join(mkdtempSync(join(tmpdir(), 'pin-v1-')), 'journal.sqlite'));
      try {
        put(other, 'manager_pin', forged);
        const pin = await counterOn(other, store, Date.now);
        expect(pin.status()).toMatchObject({ resetNeeded: true });
        expect(await pin.check('0000', 'refund')).toMatchObject({
          error: { code: 'PIN_NOT_SET' },
        });
      } finally {
        other.close();
      }
    }
  });

  it('the pepper missing, then the PIN row too, while the audit log says a PIN was set: a reset, not first-run setup', async () => {
    const setup = await setUp();
    journal = setup.journal;
    // The pepper gone (a keychain without the counter's keys), the record still there.
    const withoutKeys = await counterOn(journal, createMemorySecretStore(), Date.now);
    expect(withoutKeys.status()).toMatchObject({ set: true, resetNeeded: true });
    expect(await withoutKeys.check(PIN, 'refund')).toMatchObject({
      error: { code: 'PIN_NOT_SET', message: RESET, said: { id: 'manager.pin.resetNeeded' } },
    });
    // And the record removed as well.
    put(journal, 'manager_pin', undefined);
    put(journal, 'manager_pin_failures', undefined);
    const pin = await counterOn(journal, createMemorySecretStore(), Date.now);
    expect(pin.status()).toMatchObject({ set: false, resetNeeded: true });
    expect(await pin.set('111111', undefined, 'intruder')).toMatchObject({
      ok: false,
      error: { code: 'PIN_NOT_SET', message: RESET, said: { id: 'manager.pin.resetNeeded' } },
    });
    expect(await pin.reset('735194', 'manager')).toMatchObject({
      ok: true,
      value: { set: true, resetNeeded: false },
    });
  });

  it('a PIN record whose seal fails is never trusted: its cost lowered, or a sealed record from another counter', async () => {
    const setup = await setUp();
    journal = setup.journal;
    const genuine = row(journal, 'manager_pin')!;
    put(journal, 'manager_pin', JSON.stringify({ ...JSON.parse(genuine), N: 2048 }));
    expect(setup.pin.status()).toMatchObject({ set: true, resetNeeded: true });
    expect(await setup.pin.check(PIN, 'refund')).toMatchObject({ error: { code: 'PIN_NOT_SET' } });

    const other = await setUp();
    try {
      put(journal, 'manager_pin', row(other.journal, 'manager_pin'));
      put(journal, 'manager_pin_failures', row(other.journal, 'manager_pin_failures'));
      expect(await setup.pin.check(PIN, 'refund')).toMatchObject({
        error: { code: 'PIN_NOT_SET', message: RESET, said: { id: 'manager.pin.resetNeeded' } },
      });
    } finally {
      other.journal.close();
    }
  });

  it('an older PIN record put back, with the audit log cut back to match, is refused: the old PIN opens nothing', async () => {
    const setup = await setUp();
    journal = setup.journal;
    const oldPin = row(journal, 'manager_pin');
    const oldFailures = row(journal, 'manager_pin_failures');
    const cut = lastAuditId(journal);
    expect(await setup.pin.set('735194', PIN, 'manager')).toMatchObject({ ok: true });
    put(journal, 'manager_pin', oldPin);
    put(journal, 'manager_pin_failures', oldFailures);
    fileOf(journal).prepare('DELETE FROM audit_log WHERE id > ?').run(cut);
    expect(setup.pin.status()).toMatchObject({ resetNeeded: true });
    expect(await setup.pin.check(PIN, 'refund')).toEqual({
      ok: false,
      error: { code: 'PIN_NOT_SET', message: RESET, said: { id: 'manager.pin.resetNeeded' } },
    });
    // Restarted: the keychain still knows the newest record.
    const restarted = await counterOn(journal, setup.store, () => setup.clock.now);
    expect(await restarted.check(PIN, 'refund')).toMatchObject({
      error: { code: 'PIN_NOT_SET' },
    });
  });

  const edits: Array<[string, (journal: Journal) => void]> = [
    ['zeroed', (j) => put(j, 'manager_pin_failures', '{"count":0,"lockedUntil":null}')],
    ['removed', (j) => put(j, 'manager_pin_failures', undefined)],
    [
      'given a forged seal',
      (j) => {
        const sealed = JSON.parse(row(j, 'manager_pin_failures')!) as { seal: { mac: string } };
        const forged = { ...sealed, count: 0, seal: { ...sealed.seal, mac: 'ab'.repeat(32) } };
        put(j, 'manager_pin_failures', JSON.stringify(forged));
      },
    ],
  ];
  for (const [how, edit] of edits)
    it(`the failure count ${how} after four wrong PINs gives no free guess: manager actions lock`, async () => {
      const setup = await setUp();
      journal = setup.journal;
      await wrongGuesses(setup.pin, 4);
      edit(journal);
      // Even the right PIN waits: the lock stands for the five wrong PINs the count would have.
      expect(await setup.pin.check(PIN, 'refund')).toMatchObject({
        ok: false,
        error: { code: 'PIN_LOCKED', message: expect.stringContaining('5 minutes') },
      });
      expect(setup.pin.status()).toMatchObject({ failures: 5 });
      expect(journal.auditLog().map((e) => e.action)).toContain(
        'manager PIN failure count not trusted',
      );
      setup.clock.now += 5 * 60_000 + 1;
      expect(await setup.pin.check(PIN, 'refund')).toEqual({ ok: true, value: undefined });
    });

  it('an older failure count put back, with the wrong-PIN entries cut from the audit log, is found: the keychain knows the newest', async () => {
    const setup = await setUp();
    journal = setup.journal;
    const clean = row(journal, 'manager_pin_failures');
    const cut = lastAuditId(journal);
    await wrongGuesses(setup.pin, 4);
    put(journal, 'manager_pin_failures', clean);
    fileOf(journal).prepare('DELETE FROM audit_log WHERE id > ?').run(cut);
    const restarted = await counterOn(journal, setup.store, () => setup.clock.now);
    expect(await restarted.check('000000', 'refund')).toMatchObject({
      error: { code: 'PIN_LOCKED' },
    });
    expect(restarted.status()).toMatchObject({ failures: 5 });
    // The count goes on from there: the next wrong PIN locks for 15 minutes.
    setup.clock.now += 5 * 60_000 + 1;
    expect(await restarted.check('000000', 'refund')).toMatchObject({
      error: { code: 'PIN_LOCKED', message: expect.stringContaining('15 minutes') },
    });
    expect(JSON.parse((await setup.store.get(PIN_HIGH_WATER_ACCOUNT))!)).toMatchObject({
      count: 6,
    });
  });
});
