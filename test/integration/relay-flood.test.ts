import http from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import type { Counter } from '../../src/main/app/create-counter';
import { CALLBACK_STREAM, type CounterAddress } from '../../src/protocol/relay-wire';
import { charge, saleCallback, waitForPayment } from '../support/counter-harness';
import { NO_NATS_SERVER } from '../support/nats-server';
import {
  postToRelay,
  relayState,
  signedBody,
  startRelayCounter,
  startRelayRig,
  testCallbackPath,
  until,
  type RelayRig,
} from '../support/relay-harness';

const TARGET: CounterAddress = { store: 'S1', counter: 'C1' };
const GENUINE: CounterAddress = { store: 'S1', counter: 'C2' };

/** Posts `body` to `url` through `agent`; resolves with the status (0 when the socket failed). */
function post(agent: http.Agent, url: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.end(body);
  });
}

/** Runs `count` jobs, `parallel` at a time; returns how often each status came back. */
async function flood(
  count: number,
  parallel: number,
  job: (i: number) => Promise<number>,
): Promise<Map<number, number>> {
  const statuses = new Map<number, number>();
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < count) {
        const status = await job(next++);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    }),
  );
  return statuses;
}

/** Bodies a relay must not store: each fails one cheap check. */
const JUNK = [
  'junk',
  '{"payment":{"id":"x"}}',
  '[{"signature":"x"}]',
  `{"signature":"x","d":${'['.repeat(64)}${']'.repeat(64)}}`,
  JSON.stringify({
    signature: 'x',
    ...Object.fromEntries(Array.from({ length: 2100 }, (_, i) => [`k${i}`, i])),
  }),
];

describe.skipIf(NO_NATS_SERVER)('a flood at the relay from one client', () => {
  let rig: RelayRig | undefined;
  let counter: Counter | undefined;
  afterEach(async () => {
    await counter?.close();
    await rig?.close();
    counter = rig = undefined;
  });

  it("stores nothing of 10,000 posts without a token and 2,000 junk bodies; another counter's callback is applied within 1 s", async () => {
    rig = await startRelayRig({
      counters: [TARGET, GENUINE],
      sandbox: { faults: { dropCallbacks: true } },
    });
    counter = await startRelayCounter(rig, { address: GENUINE });
    await until('connected', async () => (await relayState(counter!)) === 'connected');
    const sale = await charge(counter, '25.00');
    const nc = await connect({ servers: [rig.nats.url] });
    const jsm = await jetstreamManager(nc);
    const stored = async () => (await jsm.streams.info(CALLBACK_STREAM)).state.messages;
    const before = await stored();

    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    const relayUrl = rig.relay.url;
    const valid = relayUrl + testCallbackPath(TARGET);
    let genuineMs = -1;
    let sent = 0;
    const genuine = (async () => {
      // Well into the flood, Gate's callback for the other counter arrives.
      await until('flood under way', () => sent > 3000, 60_000);
      const body = signedBody(saleCallback(sale.id, 2500, 'success'));
      const started = performance.now();
      expect(await postToRelay(relayUrl, body, GENUINE)).toBe(200);
      await waitForPayment(counter!, sale.id, (p) => p.state === 'succeeded', 5000);
      genuineMs = performance.now() - started;
    })();
    const tokenless = await flood(10_000, 32, (i) => {
      sent++;
      const path = i % 2 === 0 ? `/cb/S1/C1/${'X'.repeat(32)}` : '/cb/S1/C1';
      return post(agent, relayUrl + path, signedBody({ payment: { id: `F${i}` } }));
    });
    const junk = await flood(2000, 32, (i) => post(agent, valid, JUNK[i % JUNK.length]!));
    await genuine;
    agent.destroy();

    // No token: 404 until the source's budget is spent, then 429; never stored.
    expect([...tokenless.keys()].sort()).toEqual([404, 429]);
    expect(tokenless.get(404)).toBe(30);
    // Junk on the valid path: refused, never stored.
    expect([...junk.keys()]).toEqual([400]);
    expect(await stored()).toBe(before);
    expect(genuineMs).toBeGreaterThan(0);
    expect(genuineMs).toBeLessThan(1000);
    await nc.close();
  }, 120_000);
});
