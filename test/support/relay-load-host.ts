/**
 * One machine's worth of counters for the relay load test: COUNTERS counters (stores S<host>,
 * counters C<n>), each with PAYMENTS sales already sent to Gate, whose intermediate and final
 * callbacks this process then posts as Gate would, each body to both relays (JetStream must
 * keep one copy). Prints `READY`, then `RESULT <json>` once every sale is settled (or time is up).
 *
 * env: NATS_URL, RELAY_URLS (two, comma-separated), HOST, COUNTERS, PAYMENTS, DEADLINE_MS
 */
import { FAST_PIN } from './counter-harness';
import { testCallbackPath } from './relay-harness';
import http from 'node:http';
import { createCounter, type Counter } from '../../src/main/app/create-counter';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { setLogSink } from '../../src/main/logging/logger';
import { CALLBACK_STREAM, consumerName } from '../../src/protocol/relay-wire';
import { sign } from '../../src/protocol/signer';

setLogSink(null);
const env = (name: string) => process.env[name] ?? '';
const relays = env('RELAY_URLS').split(',');
const host = Number(env('HOST'));
const counters = Number(env('COUNTERS'));
const payments = Number(env('PAYMENTS'));
const deadline = Date.now() + Number(env('DEADLINE_MS'));
const SECRET = 'relay-load-secret';

const started: Array<{ counter: Counter; ids: string[]; store: string; name: string }> = [];
for (let c = 0; c < counters; c++) {
  const store = `S${host}`;
  const name = `C${c}`;
  const counter = await createCounter({
    dataDir: (await import('node:fs')).mkdtempSync(`${(await import('node:os')).tmpdir()}/load-`),
    mode: 'demo',
    // A hundred demo PINs at the production scrypt cost would measure scrypt, not the relay.
    pinCost: FAST_PIN,
    // Never contacted: polling waits ten minutes, so every result must come through the relay.
    demo: { sandboxUrl: 'http://127.0.0.1:9', sandboxSecret: SECRET, projectId: 1001 },
    pollSchedule: { firstAfterMs: 600_000, maxIntervalMs: 600_000 },
    settingsOverrides: {
      relayNatsUrls: [env('NATS_URL')],
      relayCallbackUrl: relays[0]! + testCallbackPath({ store, counter: name }),
    },
  });
  const ids: string[] = [];
  for (let p = 0; p < payments; p++) {
    const id = `L${host}-${c}-${p}`;
    const now = Date.now();
    counter.journal.create(
      {
        id,
        projectId: 1001,
        terminalId: 'LOAD',
        amount: 1000 + p,
        currency: 'CNY',
        createdAt: now,
      },
      'load test: cashier pressed Charge',
    );
    counter.journal.transition(id, 'created', 'requested', 'load test: Gate acknowledged the sale');
    ids.push(id);
  }
  started.push({ counter, ids, store, name });
}
process.stdout.write('READY\n');

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
function post(url: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('error', () => resolve(0));
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.end(body);
  });
}

function callbacksOf(id: string, amount: number): string[] {
  const sum = { amount, currency: 'CNY' };
  const intermediate = {
    project_id: 1001,
    payment: { id, status: 'awaiting customer action', sum },
    operation: { type: 'sale', status: 'awaiting customer action', sum_initial: sum },
    display_data: [{ type: 'qr_data', data: `https://qr.example/${id}` }],
  };
  const final = {
    project_id: 1001,
    payment: { id, status: 'success', sum },
    operation: { type: 'sale', status: 'success', code: '0', message: 'Success', sum_initial: sum },
  };
  return [intermediate, final].map((cb) => JSON.stringify({ ...cb, signature: sign(cb, SECRET) }));
}

// Every callback to both relays, 32 posts at a time; a non-200 is retried, as Gate would.
const jobs: Array<() => Promise<void>> = [];
let posts = 0;
let retried = 0;
for (const { ids, store, name } of started)
  ids.forEach((id, p) => {
    for (const body of callbacksOf(id, 1000 + p))
      for (const relay of relays)
        jobs.push(async () => {
          while ((await post(relay + testCallbackPath({ store, counter: name }), body)) !== 200) {
            retried++;
            if (Date.now() > deadline) return;
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          posts++;
        });
  });
const postStart = Date.now();
await Promise.all(
  Array.from({ length: 32 }, async () => {
    for (let job = jobs.shift(); job; job = jobs.shift()) await job();
  }),
);
const postedMs = Date.now() - postStart;

const settled = () =>
  started.every(({ counter, ids }) =>
    ids.every((id) => counter.journal.get(id)?.state === 'succeeded'),
  );
while (!settled() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
const settledMs = Date.now() - postStart;
// The broker redelivers only what is unacked: once it holds nothing for these counters, every
// copy it stored has been delivered and acked, and nothing more can come.
const broker = await connect({ servers: env('NATS_URL') });
const jsm = await jetstreamManager(broker);
const holdsNothing = async () => {
  for (const { store, name } of started) {
    const info = await jsm.consumers.info(CALLBACK_STREAM, consumerName({ store, counter: name }));
    if (info.num_pending > 0 || info.num_ack_pending > 0) return false;
  }
  return true;
};
while (!(await holdsNothing()) && Date.now() < deadline)
  await new Promise((resolve) => setTimeout(resolve, 50));
await broker.close();

let succeeded = 0;
let doubleApplied = 0;
let recorded = 0;
let unverified = 0;
for (const { counter, ids } of started)
  for (const id of ids) {
    if (counter.journal.get(id)?.state === 'succeeded') succeeded++;
    const changes = counter.journal.transitionsOf(id).filter((t) => t.from !== t.to);
    if (changes.filter((t) => t.to === 'succeeded').length > 1) doubleApplied++;
    const inbox = counter.journal.callbacksOf(id);
    // Each row is one distinct body; `copies` counts how often it reached the counter.
    recorded += inbox.reduce((sum, callback) => sum + callback.copies, 0);
    unverified += inbox.filter((c) => !c.verified).length;
  }
for (const { counter } of started) await counter.close();
process.stdout.write(
  `RESULT ${JSON.stringify({ host, succeeded, doubleApplied, recorded, unverified, posts, retried, postedMs, settledMs })}\n`,
);
process.exit(0);
