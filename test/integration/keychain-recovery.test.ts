import { scryptSync } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createCounter, type Counter } from '../../src/main/app/create-counter';
import { AUDIT_FIRST_KEYED_ACCOUNT } from '../../src/main/secrets/counter-keys';
import {
  createMemorySecretStore,
  projectAccount,
  SecretStoreUnavailableError,
  type SecretStore,
} from '../../src/main/secrets/secret-store';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import {
  FAST_PIN,
  FAST_POLLING,
  LIVE_REQUEST_SETTINGS,
  tempDataDir,
  TEST_PIN,
  TEST_SECRET,
  waitForPayment,
} from '../support/counter-harness';

/** A keychain that can be locked and unlocked, as a user's login keychain can. */
function lockableStore(secrets: Record<string, string>) {
  const inner = createMemorySecretStore(secrets);
  let locked = false;
  const refuse = () => {
    if (locked) throw new SecretStoreUnavailableError('The system keychain is locked (test).');
  };
  const store: SecretStore = {
    kind: 'keychain',
    probe: async () =>
      locked
        ? { available: false, message: 'The system keychain is locked (test).' }
        : inner.probe(),
    get: async (account) => (refuse(), inner.get(account)),
    set: async (account, secret) => (refuse(), inner.set(account, secret)),
    delete: async (account) => (refuse(), inner.delete(account)),
  };
  return { store, lock: () => (locked = true), unlock: () => (locked = false) };
}

describe('the keychain, locked and back, and the manager PIN reset', () => {
  let counter: Counter | undefined;
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await counter?.close();
    await sandbox?.close();
    counter = sandbox = undefined;
  });

  it('a locked keychain at start: a banner says so, and once it opens payments settle without a restart', async () => {
    sandbox = await createSandbox({ projects: [{ id: 4242, secret: TEST_SECRET }] });
    const keychain = lockableStore({ [projectAccount(4242)]: TEST_SECRET });
    const dataDir = tempDataDir();
    const config = {
      pinCost: FAST_PIN,
      dataDir,
      mode: 'live' as const,
      secretStore: keychain.store,
      pollSchedule: FAST_POLLING,
      notFoundGraceMs: 100,
      keychainRetryMs: [100, 200],
      settingsOverrides: {
        gateUrl: sandbox.url,
        projectId: 4242,
        callbackPort: 0,
        purchaseMode: 'gate_qr' as const,
        ...LIVE_REQUEST_SETTINGS,
      },
    };
    // A sale left open by the last run (its answer was lost), then a restart with the keychain locked.
    const first = await createCounter(config);
    first.journal.create(
      {
        id: 'T01-OPEN-9',
        projectId: 4242,
        terminalId: 'T01',
        amount: 2500,
        currency: 'CNY',
        createdAt: Date.now(),
      },
      'sale written before a restart',
    );
    await first.close();

    keychain.lock();
    const asked = sandbox.stats().requests.status;
    counter = await createCounter(config);
    const session = await counter.handlers['session:get']({});
    expect(session).toMatchObject({
      ok: true,
      value: {
        banners: [
          {
            key: 'keychain',
            message: { id: 'cashier.banner.keychain' },
          },
        ],
      },
    });
    expect(
      await counter.handlers['payments:charge']({ amount: '12.00', currency: 'CNY' }),
    ).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    // Gate has no record of it (the sale never reached it): the counter cannot even ask yet.
    // Nothing shows a poll that finds no Gate client, so the test waits on the schedule it set:
    // the first poll is due 150 ms after the sale was written, and comes within the longest
    // pause between polls (300 ms) after that.
    const written = counter.journal.get('T01-OPEN-9')!.createdAt;
    const polled = written + FAST_POLLING.firstAfterMs + FAST_POLLING.maxIntervalMs;
    await expect.poll(() => Date.now() >= polled, { timeout: 5000 }).toBe(true);
    expect(sandbox.stats().requests.status).toBe(asked);
    expect(counter.journal.get('T01-OPEN-9')!.state).toBe('created');

    keychain.unlock();
    // Asked about again without a restart: Gate never had it, so nothing was charged.
    await waitForPayment(counter, 'T01-OPEN-9', (p) => p.state === 'rejected', 5000);
    const after = await counter.handlers['session:get']({});
    expect(after).toMatchObject({ ok: true, value: { banners: [] } });
    // What was journaled while the keychain was locked is covered by a keyed entry written as
    // soon as it answered: the audit log verifies with the key and where keyed entries start.
    const firstKeyed = Number(await keychain.store.get(AUDIT_FIRST_KEYED_ACCOUNT));
    expect(firstKeyed).toBeGreaterThan(0);
    const actions = counter.journal.auditLog().map((entry) => entry.action);
    expect(actions).toContain('keychain available again');
    expect(counter.journal.auditTrail.verify(firstKeyed)).toMatchObject({ intact: true });
  });

  it('a PIN row deleted from the journal is reset only with the project secret key', async () => {
    sandbox = await createSandbox({ projects: [{ id: 4242, secret: TEST_SECRET }] });
    counter = await createCounter({
      pinCost: FAST_PIN,
      dataDir: tempDataDir(),
      mode: 'live',
      secretStore: createMemorySecretStore({ [projectAccount(4242)]: TEST_SECRET }),
      settingsOverrides: {
        gateUrl: sandbox.url,
        projectId: 4242,
        callbackPort: 0,
        ...LIVE_REQUEST_SETTINGS,
      },
    });
    await counter.handlers['manager:set-pin']({ newPin: TEST_PIN });
    counter.journal.setCounterState('manager_pin', undefined); // edited out of the journal file
    expect(await counter.handlers['manager:status']({})).toMatchObject({
      ok: true,
      value: { pinSet: false, resetNeeded: true },
    });
    expect(
      await counter.handlers['settings:update']({
        gateUrl: 'https://gate.attacker.example',
        pin: '000000',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PIN_NOT_SET', message: expect.stringContaining('secret key') },
    });
    expect(await counter.handlers['manager:set-pin']({ newPin: '111111' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_NOT_SET' },
    });
    expect(
      await counter.handlers['manager:reset-pin']({ secret: 'not-the-secret', newPin: '111111' }),
    ).toMatchObject({ ok: false, error: { code: 'PIN_INCORRECT' } });
    expect(
      await counter.handlers['manager:reset-pin']({ secret: TEST_SECRET, newPin: '735194' }),
    ).toMatchObject({ ok: true, value: { pinSet: true, resetNeeded: false } });
    expect(
      await counter.handlers['settings:update']({ merchantName: 'Tea', pin: '735194' }),
    ).toMatchObject({ ok: true });
    const actions = counter.journal.auditLog().map((e) => e.action);
    expect(actions).toContain('manager PIN reset refused');
    expect(actions).toContain('manager PIN reset with the secret key');
  });

  it('a version-1 PIN record written into the journal file between two runs opens nothing: 0000 changes no setting, and the PIN needs a reset', async () => {
    sandbox = await createSandbox({ projects: [{ id: 4242, secret: TEST_SECRET }] });
    const dataDir = tempDataDir();
    const config = {
      pinCost: FAST_PIN,
      dataDir,
      mode: 'live' as const,
      secretStore: createMemorySecretStore({ [projectAccount(4242)]: TEST_SECRET }),
      settingsOverrides: {
        gateUrl: sandbox.url,
        projectId: 4242,
        callbackPort: 0,
        ...LIVE_REQUEST_SETTINGS,
      },
    };
    counter = await createCounter(config);
    await counter.handlers['manager:set-pin']({ newPin: TEST_PIN });
    await counter.close();
    // The counter is closed; someone writes scrypt('0000') as a version-1 record, and zeroes
    // the failure count.
    const file = new Database(join(dataDir, 'journal.sqlite'));
    const salt = Buffer.alloc(16, 7);
    const v1 = {
      v: 1,
      salt: salt.toString('base64'),
      hash: scryptSync('0000', salt, 32, FAST_PIN).toString('base64'),
      ...FAST_PIN,
    };
    file
      .prepare("UPDATE counter_state SET value = ? WHERE key = 'manager_pin'")
      .run(JSON.stringify(v1));
    file
      .prepare("UPDATE counter_state SET value = ? WHERE key = 'manager_pin_failures'")
      .run('{"count":0,"lockedUntil":null}');
    file.close();
    counter = await createCounter(config);
    expect(
      await counter.handlers['settings:update']({
        gateUrl: 'https://gate.attacker.example',
        pin: '0000',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PIN_NOT_SET', message: expect.stringContaining('secret key') },
    });
    expect(await counter.handlers['manager:status']({})).toMatchObject({
      ok: true,
      value: { resetNeeded: true },
    });
    expect(counter.settings().gateUrl).toBe(sandbox.url);
    expect(
      await counter.handlers['manager:reset-pin']({ secret: TEST_SECRET, newPin: '735194' }),
    ).toMatchObject({ ok: true, value: { pinSet: true, resetNeeded: false } });
  });
});
