import { createHmac, scryptSync } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/journal/journal';
import { ManagerPin } from '../../../src/main/manager/manager-pin';
import { PIN_SCRYPT, pinMatches, type StoredPin } from '../../../src/main/manager/pin-hash';
import { lockAfter } from '../../../src/main/manager/pin-lockout';
import {
  CounterKeys,
  PIN_PEPPER_ACCOUNT,
  PIN_SEAL_KEY_ACCOUNT,
} from '../../../src/main/secrets/counter-keys';
import { createMemorySecretStore, type SecretStore } from '../../../src/main/secrets/secret-store';

const FAST = { N: 1024, r: 8, p: 1 };

/** A journal in a fresh folder, and keys in a keychain held in memory (or the one given). */
async function setUp(
  now: () => number = Date.now,
  options: { mode?: 'demo' | 'live'; store?: SecretStore } = {},
) {
  const journal = new Journal(join(mkdtempSync(join(tmpdir(), 'pin-')), 'journal.sqlite'));
  const store = options.store ?? createMemorySecretStore();
  const keys = new CounterKeys(store, journal.auditTrail);
  await keys.load();
  const pin = new ManagerPin(journal, keys, { now, cost: FAST, mode: options.mode ?? 'live' });
  return { journal, store, keys, pin };
}

const storedPin = (journal: Journal) =>
  JSON.parse(journal.getCounterState('manager_pin')!) as StoredPin;

describe('manager PIN', () => {
  let journal: Journal | undefined;
  afterEach(() => journal?.close());

  it('overlapping wrong guesses each count: the fifth locks, and the right PIN behind them is refused', async () => {
    const setup = await setUp();
    journal = setup.journal;
    expect(await setup.pin.set('482193', undefined, 'test')).toMatchObject({ ok: true });
    // Twelve wrong guesses and then the right one, all sent at once (as a script could over IPC).
    const guesses = Array.from({ length: 12 }, (_, i) => String(470000 + i));
    const answers = await Promise.all(
      [...guesses, '482193'].map((guess) => setup.pin.check(guess, 'refund')),
    );
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('PIN_INCORRECT'));
    expect(codes.slice(4)).toEqual(Array(9).fill('PIN_LOCKED'));
    expect(setup.pin.status()).toMatchObject({ failures: 5, lockedUntil: expect.any(Number) });
  });

  it('each wrong PIN after the first lock locks longer: 5 min, 15 min, 1 h, 4 h, then 24 h; a right PIN ends it', async () => {
    let now = Date.parse('2026-12-01T09:00:00Z');
    const setup = await setUp(() => now);
    journal = setup.journal;
    await setup.pin.set('482193', undefined, 'test');
    for (let i = 0; i < 4; i++) await setup.pin.check('000000', 'refund');
    const locks: number[] = [];
    for (let i = 0; i < 6; i++) {
      const answer = await setup.pin.check('000000', 'refund');
      expect(answer).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } });
      const until = setup.pin.status().lockedUntil!;
      locks.push((until - now) / 60_000);
      now = until + 1; // wait the lock out, then guess again
    }
    expect(locks).toEqual([5, 15, 60, 240, 1440, 1440]);
    expect((await setup.pin.check('000000', 'refund')).ok).toBe(false);
    now = setup.pin.status().lockedUntil! + 1;
    expect(await setup.pin.check('482193', 'refund')).toEqual({ ok: true, value: undefined });
    expect(setup.pin.status()).toMatchObject({ failures: 0, lockedUntil: null });
    expect(await setup.pin.check('000000', 'refund')).toMatchObject({
      error: { code: 'PIN_INCORRECT', message: expect.stringContaining('4 tries left') },
    });
    const audit = setup.journal.auditLog().map((e) => e.action);
    expect(audit.filter((a) => a === 'manager actions locked')).toHaveLength(7);
  });

  it('trying every 4-digit PIN against the lockout takes more than a year (about 27)', () => {
    let total = 0;
    for (let failures = 1; failures <= 10_000; failures++) total += lockAfter(failures);
    expect(total / (365 * 24 * 3600_000)).toBeGreaterThan(27);
  });

  it('a clock set back does not stretch a lock beyond its own length from now', async () => {
    let now = Date.parse('2026-11-25T12:00:00Z');
    const setup = await setUp(() => now);
    journal = setup.journal;
    await setup.pin.set('482193', undefined, 'test');
    for (let i = 0; i < 5; i++) await setup.pin.check('000000', 'refund');
    now -= 3 * 3600_000; // the clock goes back three hours
    expect(setup.pin.status().lockedUntil).toBe(now + 5 * 60_000);
    now += 5 * 60_000 + 1;
    expect(await setup.pin.check('482193', 'refund')).toEqual({ ok: true, value: undefined });
  });

  it("the journal alone does not reveal the PIN: its hash is keyed with the keychain's pepper", async () => {
    const setup = await setUp();
    journal = setup.journal;
    await setup.pin.set('482193', undefined, 'test');
    const stored = storedPin(setup.journal);
    expect(stored).toMatchObject({ v: 2, N: FAST.N, r: 8, p: 1 });
    // Someone with the journal file but not the keychain: the plain scrypt of the PIN, or the
    // PIN keyed with any other pepper, never matches what is stored.
    const salt = Buffer.from(stored.salt, 'base64');
    const plain = scryptSync('482193', salt, 32, { N: stored.N, r: stored.r, p: stored.p });
    expect(plain.toString('base64')).not.toBe(stored.hash);
    expect(await pinMatches('482193', stored, Buffer.alloc(32, 7))).toBe(false);
    expect(await pinMatches('482193', stored, setup.keys.pepper())).toBe(true);
    expect(await setup.store.get(PIN_PEPPER_ACCOUNT)).toBe(setup.keys.pepper()!.toString('base64'));
  });

  it('a new PIN on a live counter has at least 6 digits; demo mode takes 4 (its PIN is 2468)', async () => {
    const live = await setUp();
    journal = live.journal;
    for (const short of ['4821', '48219'])
      expect(await live.pin.set(short, undefined, 'test')).toMatchObject({
        ok: false,
        error: { code: 'INVALID_INPUT', message: 'A new manager PIN is 6 to 8 digits.' },
      });
    expect(await live.pin.reset('4821', 'manager')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'A new manager PIN is 6 to 8 digits.' },
    });
    expect(live.pin.status()).toMatchObject({ set: false });
    expect(await live.pin.set('482193', undefined, 'test')).toMatchObject({ ok: true });
    journal.close();

    const demo = await setUp(Date.now, { mode: 'demo' });
    journal = demo.journal;
    expect(await demo.pin.set('2468', undefined, 'system')).toMatchObject({ ok: true });
    // A short PIN is allowed there, and its length noted in the audit log.
    expect(demo.journal.auditLog().at(-1)).toMatchObject({
      action: 'manager PIN set',
      detail: { digits: 4 },
    });
    expect(await demo.pin.set('123', '2468', 'manager')).toMatchObject({
      ok: false,
      error: { message: 'A new manager PIN is 4 to 8 digits.' },
    });
  });

  it('deleting the PIN row does not open the settings: with its pepper still in the keychain, it must be reset', async () => {
    const setup = await setUp();
    journal = setup.journal;
    await setup.pin.set('482193', undefined, 'test');
    setup.journal.setCounterState('manager_pin', undefined); // someone edits the journal file
    expect(setup.pin.status()).toMatchObject({ set: false, resetNeeded: true });
    expect(await setup.pin.check('482193', 'change settings')).toMatchObject({
      ok: false,
      error: {
        code: 'PIN_NOT_SET',
        message: expect.stringContaining('reset it with the project’s secret key'),
      },
    });
    // Setting a "first" PIN is refused as well: only the reset (with the secret key) works.
    expect(await setup.pin.set('111111', undefined, 'intruder')).toMatchObject({
      ok: false,
      error: { code: 'PIN_NOT_SET' },
    });
    expect(await setup.pin.reset('654321', 'manager')).toMatchObject({
      ok: true,
      value: { set: true, resetNeeded: false },
    });
    expect(await setup.pin.check('654321', 'refund')).toEqual({ ok: true, value: undefined });
  });

  it('a PIN stored before seals (a 16-byte salt, 4 digits, from an earlier version) still works, is sealed, and stored again with a 32-byte salt at no lower cost', async () => {
    // The keychain of a counter that set its PIN before seals: a pepper, no seal key.
    const pepper = Buffer.alloc(32, 4);
    const store = createMemorySecretStore({ [PIN_PEPPER_ACCOUNT]: pepper.toString('base64') });
    const setup = await setUp(Date.now, { store });
    journal = setup.journal;
    const salt = Buffer.alloc(16, 9);
    const cost = { N: 2048, r: 8, p: 1 };
    const peppered = createHmac('sha256', pepper).update('4821').digest();
    const hash = scryptSync(peppered, salt, 32, cost);
    setup.journal.setCounterState(
      'manager_pin',
      JSON.stringify({
        v: 2,
        salt: salt.toString('base64'),
        hash: hash.toString('base64'),
        ...cost,
      }),
    );
    expect(setup.pin.status()).toMatchObject({ set: true, resetNeeded: false });
    expect(await setup.pin.check('4821', 'refund')).toEqual({ ok: true, value: undefined });
    const upgraded = storedPin(setup.journal) as StoredPin & { seal?: unknown };
    expect(Buffer.from(upgraded.salt, 'base64')).toHaveLength(32);
    expect(upgraded).toMatchObject({ v: 2, N: 2048, r: 8, p: 1, seal: expect.any(Object) });
    expect(await store.get(PIN_SEAL_KEY_ACCOUNT)).toBeDefined();
    const actions = setup.journal.auditLog().map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['manager PIN record sealed', 'manager PIN upgraded']);
    // A 4-digit PIN from before keeps working on a live counter.
    expect(await setup.pin.check('4821', 'refund')).toEqual({ ok: true, value: undefined });
    expect(await setup.pin.check('4822', 'refund')).toMatchObject({ ok: false });
  });

  it('new PINs are hashed at N = 2^17, r = 8, p = 1 unless told otherwise (OWASP)', () => {
    expect(PIN_SCRYPT).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    // The pepper is an HMAC key: the same PIN under two peppers gives unrelated inputs.
    const a = createHmac('sha256', Buffer.alloc(32, 1)).update('1234').digest('hex');
    const b = createHmac('sha256', Buffer.alloc(32, 2)).update('1234').digest('hex');
    expect(a).not.toBe(b);
  });
});
