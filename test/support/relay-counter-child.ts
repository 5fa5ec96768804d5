/**
 * A counter whose callbacks come through the relay, in its own process, for the fault tests.
 * Prints `READY`, `CHARGED <id>`, `STATE <id> <state>`; once a callback has taken the payment
 * to `succeeded` in the journal (and before its message is acked) it prints `FROZEN` and
 * blocks, so the test can SIGKILL it exactly there.
 *
 * env: DATA_DIR, SANDBOX_URL, SANDBOX_SECRET, NATS_URL, RELAY_URL, AMOUNT; RELAY_CA_PEM optional
 */
import { testCallbackPath } from './relay-harness';
import { createCounter } from '../../src/main/app/create-counter';
import { setLogSink } from '../../src/main/logging/logger';

setLogSink(null);
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const out = (line: string) => process.stdout.write(`${line}\n`);
let paymentId = '';

const counter = await createCounter({
  dataDir: env('DATA_DIR'),
  mode: 'demo',
  demo: { sandboxUrl: env('SANDBOX_URL'), sandboxSecret: env('SANDBOX_SECRET'), projectId: 1001 },
  settingsOverrides: {
    callbackPort: 0,
    relayNatsUrls: [env('NATS_URL')],
    relayCallbackUrl: env('RELAY_URL') + testCallbackPath(),
    // The broker's own CA, as a manager pastes it in Settings (the TLS test).
    relayCaCertificate: process.env['RELAY_CA_PEM'] ?? '',
  },
  // Slow polling: the final state must come from the relay, not from a status answer.
  pollSchedule: { firstAfterMs: 60_000, maxIntervalMs: 60_000 },
  relay: {
    ackWaitMs: 1000,
    retryMs: 200,
    afterIntake: () => {
      if (paymentId === '' || counter.service.get(paymentId)?.state !== 'succeeded') return;
      out('FROZEN');
      const cell = new Int32Array(new SharedArrayBuffer(4));
      for (;;) Atomics.wait(cell, 0, 0, 60_000);
    },
  },
});
counter.events.on('payments:updated', (p) => out(`STATE ${p.id} ${p.state}`));
out('READY');
const charged = await counter.handlers['payments:charge']({
  amount: env('AMOUNT'),
  currency: 'CNY',
});
if (!charged.ok) throw new Error(charged.error.message);
paymentId = charged.value.id;
out(`CHARGED ${paymentId}`);
setInterval(() => {}, 60_000);
