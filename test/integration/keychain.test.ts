import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { createCounter } from '../../src/main/app/create-counter';
import { verifyAuditChain } from '../../src/main/journal/audit-verify';
import {
  AUDIT_FIRST_KEYED_ACCOUNT,
  AUDIT_KEY_ACCOUNT,
  PIN_HIGH_WATER_ACCOUNT,
  PIN_SEAL_KEY_ACCOUNT,
} from '../../src/main/secrets/counter-keys';
import { createKeytarSecretStore } from '../../src/main/secrets/keytar-secret-store';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import {
  LIVE_REQUEST_SETTINGS,
  pressOnSandbox,
  tempDataDir,
  TEST_PIN,
} from '../support/counter-harness';
import { FAST_PIN } from '../support/counter-harness';

const SERVICE = `alipay-counter-test-${process.pid}`;
const SECRET = 'live-project-secret-7731';
const store = createKeytarSecretStore(SERVICE);
const status = await store.probe();
// Under `npm test`, scripts/with-keychain.sh provides a real Secret Service: then it must work.
const wrapperProvidesKeychain = process.env['ALIPAY_COUNTER_KEYRING'] === 'running';

/** Every file under `dir`, as text, to prove the secret never lands on disk. */
function filesContain(dir: string, text: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .filter((file) => readFileSync(file).includes(Buffer.from(text)));
}

describe('keytar against the real system keychain', () => {
  it('a real keychain is reachable here (npm test runs inside a private Secret Service)', () => {
    if (wrapperProvidesKeychain) expect(status).toMatchObject({ available: true });
  });

  describe.runIf(status.available)('with a working keychain', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await createSandbox({ projects: [{ id: 1001, secret: SECRET }] });
    });
    afterAll(async () => {
      await store.delete('project-1001');
      await sandbox.close();
    });

    it('stores, reads and deletes a secret', async () => {
      await store.set('roundtrip', 'value-1');
      expect(await store.get('roundtrip')).toBe('value-1');
      await store.delete('roundtrip');
      expect(await store.get('roundtrip')).toBeUndefined();
    });

    it('live mode: the secret goes to the keychain only, is never shown, and survives a restart', async () => {
      const dataDir = tempDataDir();
      const config = {
        pinCost: FAST_PIN,
        dataDir,
        mode: 'live' as const,
        secretStore: store,
        settingsOverrides: {
          gateUrl: sandbox.url,
          projectId: 1001,
          callbackPort: 0,
          callbackPublicUrl: '',
          purchaseMode: 'gate_qr' as const,
          ...LIVE_REQUEST_SETTINGS,
        },
      };
      const first = await createCounter(config);
      expect(
        await first.handlers['payments:charge']({ amount: '10.00', currency: 'CNY' }),
      ).toMatchObject({ ok: false, error: { code: 'NOT_CONFIGURED' } });
      await first.handlers['manager:set-pin']({ newPin: TEST_PIN });
      const saved = await first.handlers['settings:update']({ secret: SECRET, pin: TEST_PIN });
      // Saved, but not ready until the connection test passes with it.
      expect(saved).toMatchObject({ ok: true, value: { secretConfigured: true, ready: false } });
      expect(JSON.stringify(saved)).not.toContain(SECRET);
      expect(await first.handlers['settings:test-connection']({})).toMatchObject({
        ok: true,
        value: { ok: true, current: true },
      });
      expect(await first.handlers['settings:get']({})).toMatchObject({
        ok: true,
        value: { ready: true },
      });
      await first.close();
      expect(await store.get('project-1001')).toBe(SECRET);

      // A new process reads it back from the keychain and signs with it.
      const second = await createCounter({
        ...config,
        settingsOverrides: { ...config.settingsOverrides, callbackPublicUrl: '' },
      });
      // The manager PIN became the manager "Manager"'s own: the counter opens on the sign-in
      // screen, and sells once someone is signed in.
      const manager = second.staff.directory.byName('Manager');
      expect(
        await second.handlers['payments:charge']({ amount: '10.00', currency: 'CNY' }),
      ).toMatchObject({ ok: false, error: { said: { id: 'main.staff.signInFirst' } } });
      expect(
        await second.handlers['shift:sign-in']({ staffId: manager!.id, pin: TEST_PIN }),
      ).toMatchObject({ ok: true });
      const charged = await second.handlers['payments:charge']({
        amount: '10.00',
        currency: 'CNY',
      });
      expect(charged).toMatchObject({ ok: true, value: { state: 'requested' } });
      if (charged.ok) {
        await pressOnSandbox(sandbox, charged.value.id, 'success');
        expect(sandbox.payment(1001, charged.value.id)?.status).toBe('success');
      }
      // The PIN's record is sealed with a key the keychain keeps: read back (now the manager
      // named "Manager"'s own), it still checks.
      expect(await second.authorizeManager(TEST_PIN, 'test', manager?.id)).toEqual({
        ok: true,
        value: { actor: 'Manager', staffId: manager?.id },
      });
      expect(await store.get(PIN_SEAL_KEY_ACCOUNT)).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(JSON.parse((await store.get(PIN_HIGH_WATER_ACCOUNT))!)).toMatchObject({ count: 0 });
      await second.close();
      expect(filesContain(dataDir, SECRET)).toEqual([]);
      // The audit key and where its keyed entries start are in the keychain: with both, the
      // journal's audit log is proven from the first keyed entry on.
      const firstKeyed = Number(await store.get(AUDIT_FIRST_KEYED_ACCOUNT));
      const key = Buffer.from((await store.get(AUDIT_KEY_ACCOUNT))!, 'base64');
      const db = new Database(join(dataDir, 'journal.sqlite'), { readonly: true });
      try {
        expect(firstKeyed).toBe(1);
        expect(verifyAuditChain(db, { key, firstKeyed })).toMatchObject({
          intact: true,
          unproven: 0,
        });
      } finally {
        db.close();
      }
    });
  });

  it.skipIf(!status.available && !wrapperProvidesKeychain)(
    'fails closed without a keychain: refuses live payments, never falls back to a file',
    async () => {
      const dataDir = tempDataDir();
      const child = fileURLToPath(new URL('../support/keychain-child.ts', import.meta.url));
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', child], {
        env: {
          ...process.env,
          DATA_DIR: dataDir,
          GATE_URL: 'http://127.0.0.1:9',
          KEYCHAIN_SERVICE: SERVICE,
          DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus',
        },
        timeout: 30_000,
      });
      const seen = JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<
        string,
        {
          ok?: boolean;
          error?: { code: string; message: string };
          value?: Record<string, unknown>;
          available?: boolean;
          message?: string;
        }
      >;
      expect(seen['probe']).toMatchObject({
        available: false,
        message: expect.stringMatching(
          /^The system keychain is not available \(.+\)\. Live payments stay disabled/,
        ),
      });
      expect(seen['charge']).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
      expect(seen['update']).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
      expect(seen['settings']).toMatchObject({
        ok: true,
        value: { ready: false, secretConfigured: false },
      });
      expect(seen['info']).toMatchObject({ ok: true, value: { keychain: { available: false } } });
      // The cashier is told, on every screen, that open payments wait for the keychain.
      expect(seen['session']).toMatchObject({
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
      expect(filesContain(dataDir, 'would-be-secret-value-123')).toEqual([]);
    },
  );
});
