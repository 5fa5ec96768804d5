/**
 * Runs a live counter with the real keytar store in a process whose Secret Service is
 * unreachable (the test sets DBUS_SESSION_BUS_ADDRESS to nowhere), and prints what it saw as
 * one JSON line. env: DATA_DIR, GATE_URL, KEYCHAIN_SERVICE.
 */
import { FAST_PIN } from './counter-harness';
import { createCounter } from '../../src/main/app/create-counter';
import { setLogSink } from '../../src/main/logging/logger';
import { createKeytarSecretStore } from '../../src/main/secrets/keytar-secret-store';

setLogSink(null);
const store = createKeytarSecretStore(process.env['KEYCHAIN_SERVICE']);
const probe = await store.probe();
const counter = await createCounter({
  pinCost: FAST_PIN,
  dataDir: process.env['DATA_DIR']!,
  mode: 'live',
  secretStore: store,
  settingsOverrides: { gateUrl: process.env['GATE_URL']!, projectId: 1001, callbackPort: 0 },
});
const charge = await counter.handlers['payments:charge']({ amount: '10.00', currency: 'CNY' });
// The manager PIN comes first on a live counter; then the secret cannot be stored.
await counter.handlers['manager:set-pin']({ newPin: '482916' });
const update = await counter.handlers['settings:update']({
  secret: 'would-be-secret-value-123',
  pin: '482916',
});
const settings = await counter.handlers['settings:get']({});
const session = await counter.handlers['session:get']({});
const info = await counter.handlers['app:info']({});
await counter.close();
process.stdout.write(`${JSON.stringify({ probe, charge, update, settings, info, session })}\n`);
