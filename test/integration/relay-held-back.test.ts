import { afterEach, describe, expect, it } from 'vitest';
import { createCounter, type Counter } from '../../src/main/app/create-counter';
import { createMemorySecretStore, projectAccount } from '../../src/main/secrets/secret-store';
import {
  FAST_PIN,
  saleCallback,
  TEST_PIN,
  tempDataDir,
  waitForPayment,
} from '../support/counter-harness';
import { NO_NATS_SERVER } from '../support/nats-server';
import {
  FAST_RELAY,
  postToRelay,
  relaySettings,
  relayState,
  signedBody,
  startRelayRig,
  until,
  type RelayRig,
} from '../support/relay-harness';

const PROJECT = 4242;
const RIGHT_SECRET = 'the-secret-gate-signs-with';

describe.skipIf(NO_NATS_SERVER)(
  'relayed callbacks whose signature fails: held back, never lost',
  () => {
    let rig: RelayRig | undefined;
    let counter: Counter | undefined;
    afterEach(async () => {
      await counter?.close();
      await rig?.close();
      counter = rig = undefined;
    });

    it('with a wrong secret: delivered again, then held back with a banner; once the secret is right, applied', async () => {
      rig = await startRelayRig();
      counter = await createCounter({
        pinCost: FAST_PIN,
        dataDir: tempDataDir(),
        mode: 'live',
        // A secret typed wrong at set-up: every genuine callback fails its signature check.
        secretStore: createMemorySecretStore({
          [projectAccount(PROJECT)]: 'a-mistyped-secret-key',
        }),
        settingsOverrides: {
          callbackPort: 0,
          gateUrl: rig.sandbox.url,
          projectId: PROJECT,
          ...relaySettings(rig.nats.url, rig.relay.url),
        },
        pollSchedule: { firstAfterMs: 600_000, maxIntervalMs: 600_000 },
        relay: { ...FAST_RELAY, badSignatureDelaysMs: [50, 50] },
      });
      expect((await counter.handlers['manager:set-pin']({ newPin: TEST_PIN })).ok).toBe(true);
      await until('connected', async () => (await relayState(counter!)) === 'connected');

      const ids = ['H-1', 'H-2', 'H-3'];
      for (const id of ids) {
        counter.journal.create(
          {
            id,
            projectId: PROJECT,
            terminalId: 'T01',
            amount: 1000,
            currency: 'CNY',
            createdAt: Date.now(),
          },
          'test',
        );
        counter.journal.transition(id, 'created', 'requested', 'test');
        const body = signedBody(
          { ...saleCallback(id, 1000, 'success'), project_id: PROJECT },
          RIGHT_SECRET,
        );
        // The relay answers Gate 200 at once: Gate will not send these again.
        expect(await postToRelay(rig.relay.url, body)).toBe(200);
      }
      await until(
        'all three held back',
        () => counter!.journal.relayQuarantine.totals().entries === 3,
      );
      for (const id of ids) expect(counter.service.get(id)!.state).toBe('requested');
      const session = await counter.handlers['session:get']({});
      expect(session.ok && session.value.banners.map((b) => b.message)).toContainEqual({
        id: 'cashier.banner.heldBack',
        values: { count: 3 },
      });
      const settings = await counter.handlers['settings:get']({});
      expect(settings.ok && settings.value.relayHeldBack).toHaveLength(3);

      // Retrying with the wrong secret changes nothing.
      expect(await counter.handlers['relay:retry-held-back']({})).toEqual({
        ok: true,
        value: { applied: 0, left: 3 },
      });
      // The manager corrects the secret, then applies them.
      const saved = await counter.handlers['settings:update']({
        secret: RIGHT_SECRET,
        pin: TEST_PIN,
      });
      expect(saved.ok).toBe(true);
      expect(await counter.handlers['relay:retry-held-back']({})).toEqual({
        ok: true,
        value: { applied: 3, left: 0 },
      });
      for (const id of ids) await waitForPayment(counter, id, (p) => p.state === 'succeeded');
      const after = await counter.handlers['session:get']({});
      expect(after.ok && after.value.banners.map((b) => b.key)).not.toContain('relay_signatures');
      expect(counter.journal.relayQuarantine.totals().entries).toBe(0);
    });
  },
);
