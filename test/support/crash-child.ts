/**
 * A counter in its own process for the crash test. It prints `STEP <step> <paymentId>` at each
 * step of a sale and `STATE <paymentId> <state>` on every change; at FREEZE_AT it prints
 * `FROZEN` and blocks its thread so the test can SIGKILL it exactly there.
 *
 * env: DATA_DIR, SANDBOX_URL, SANDBOX_SECRET, CALLBACK_URL (given to Gate; the listener takes
 *      any free port and prints `LISTENING <its URL>`), ACTION (charge|recover), AMOUNT,
 *      FREEZE_AT (optional step name)
 */
import { FAST_PIN } from './counter-harness';
import { createCounter } from '../../src/main/app/create-counter';
import { setLogSink } from '../../src/main/logging/logger';

setLogSink(null);
const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const freezeAt = process.env['FREEZE_AT'];
const out = (line: string) => process.stdout.write(`${line}\n`);

const counter = await createCounter({
  pinCost: FAST_PIN,
  dataDir: env('DATA_DIR'),
  mode: 'demo',
  demo: { sandboxUrl: env('SANDBOX_URL'), sandboxSecret: env('SANDBOX_SECRET'), projectId: 1001 },
  settingsOverrides: { callbackPort: 0, callbackPublicUrl: env('CALLBACK_URL') },
  pollSchedule: { firstAfterMs: 200, maxIntervalMs: 300 },
  notFoundGraceMs: 1500,
  onStep: (step, paymentId) => {
    out(`STEP ${step} ${paymentId}`);
    if (step === freezeAt) {
      out('FROZEN');
      const cell = new Int32Array(new SharedArrayBuffer(4));
      for (;;) Atomics.wait(cell, 0, 0, 60_000);
    }
  },
});
counter.events.on('payments:updated', (p) => out(`STATE ${p.id} ${p.state}`));
out(`LISTENING ${counter.callbackUrl()}`);
out('READY');
if (process.env['ACTION'] === 'charge') {
  const result = await counter.handlers['payments:charge']({
    amount: env('AMOUNT'),
    currency: 'CNY',
  });
  out(
    result.ok ? `CHARGED ${result.value.id} ${result.value.state}` : `REFUSED ${result.error.code}`,
  );
}
// Keep running until killed.
setInterval(() => {}, 60_000);
