import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import {
  callbackPath,
  CALLBACK_STREAM,
  redirectSubject,
  type CounterAddress,
} from '../../src/protocol/relay-wire';
import { MAX_CALLBACK_BYTES } from '../../src/protocol/callback-body';
import { counterToken } from '../../src/relay/counter-tokens';
import { startRelay, type Relay, type RelayOptions } from '../../src/relay/relay-server';
import { NO_NATS_SERVER, startNatsServer, type NatsServer } from '../support/nats-server';
import { TEST_RELAY_KEY, testCallbackPath, until } from '../support/relay-harness';

const S1C1: CounterAddress = { store: 'S1', counter: 'C1' };
const S1C2: CounterAddress = { store: 'S1', counter: 'C2' };

/** A broker, a relay for S1/C1 and S1/C2 (no counter collecting), and a client to look inside. */
interface Door {
  readonly nats: NatsServer;
  readonly relay: Relay;
  readonly nc: NatsConnection;
  readonly lines: string[];
}

async function openDoor(options: Partial<RelayOptions> = {}, nats?: NatsServer): Promise<Door> {
  const broker = nats ?? (await startNatsServer());
  const lines: string[] = [];
  const relay = await startRelay({
    nats: [broker.url],
    port: 0,
    key: TEST_RELAY_KEY,
    counters: [S1C1, S1C2],
    log: (line) => lines.push(line),
    ...options,
  });
  const nc = await connect({ servers: [broker.url] });
  return { nats: broker, relay, nc, lines };
}

async function storedCallbacks(nc: NatsConnection): Promise<number> {
  const info = await (await jetstreamManager(nc)).streams.info(CALLBACK_STREAM);
  return info.state.messages;
}

/** A POST as a caller on the internet would send it; the answer's status, body and headers. */
async function post(
  url: string,
  body: string | Uint8Array,
  contentType = 'application/json',
): Promise<{ status: number; text: string; headers: Record<string, string> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
  const text = await res.text();
  return { status: res.status, text, headers: Object.fromEntries(res.headers) };
}

let serial = 0;
/** A body the relay stores (it cannot check the signature itself, only that there is one). */
const signed = (fields: Record<string, unknown> = {}) =>
  JSON.stringify({
    payment: { id: `P-${String(serial++).padStart(6, '0')}` },
    ...fields,
    signature: 'c2lnbmF0dXJl',
  });

/** Every door a test opened, shut after it. */
const doors: Door[] = [];
afterEach(async () => {
  for (const door of doors.splice(0)) {
    await door.nc.close();
    await door.relay.close();
    await door.nats.close();
  }
});

/** Opens a door that is shut after the test. */
async function open(options: Partial<RelayOptions> = {}, nats?: NatsServer): Promise<Door> {
  const door = await openDoor(options, nats);
  doors.push(door);
  return door;
}

describe.skipIf(NO_NATS_SERVER)("the relay's public door", () => {
  it('gives no token, a wrong token, an unlisted counter and any other path one and the same answer', async () => {
    const { relay, nc } = await open();
    const url = (path: string) => relay.url + path;
    const refused = [
      url('/cb/S1/C1'),
      url(`/cb/S1/C1/${'A'.repeat(32)}`),
      url(`/cb/S1/C1/${counterToken('another-relay-key-0123456789abcdef', S1C1)}`),
      // The right token of a counter this relay does not list.
      url(
        callbackPath(
          { store: 'S1', counter: 'C9' },
          counterToken(TEST_RELAY_KEY, { store: 'S1', counter: 'C9' }),
        ),
      ),
      // Another listed counter's token.
      url(callbackPath(S1C1, counterToken(TEST_RELAY_KEY, S1C2))),
      url('/cb'),
      url('/anything'),
    ];
    const answers = await Promise.all(refused.map((u) => post(u, signed())));
    const [first] = answers;
    expect(first).toMatchObject({ status: 404, text: '{"message":"not found"}' });
    for (const answer of answers) {
      expect(answer.status).toBe(first!.status);
      expect(answer.text).toBe(first!.text);
      expect(answer.headers['content-type']).toBe(first!.headers['content-type']);
      expect(answer.headers['connection']).toBe('close');
    }
    // A GET with a wrong token is refused the same way; only a proven caller learns "POST only".
    expect((await fetch(url('/cb/S1/C1/' + 'A'.repeat(32)))).status).toBe(404);
    expect((await fetch(url(testCallbackPath(S1C1)))).status).toBe(405);
    expect(await storedCallbacks(nc)).toBe(0);

    expect((await post(url(testCallbackPath(S1C1)), signed())).status).toBe(200);
    expect(await storedCallbacks(nc)).toBe(1);
  });

  it("takes the previous key's tokens during a change of key, and the new key's", async () => {
    const next = 'the-next-relay-key-0123456789abcdefgh';
    const { relay, nc } = await open({ key: next, previousKey: TEST_RELAY_KEY });
    expect((await post(relay.url + testCallbackPath(S1C1), signed())).status).toBe(200);
    const fresh = callbackPath(S1C1, counterToken(next, S1C1));
    expect((await post(relay.url + fresh, signed())).status).toBe(200);
    const other = callbackPath(S1C1, counterToken('a-third-key-0123456789abcdefghijkl', S1C1));
    expect((await post(relay.url + other, signed())).status).toBe(404);
    expect(await storedCallbacks(nc)).toBe(2);
  });

  it('stores nothing that is not a signed JSON object within the caps, and takes one at the cap', async () => {
    const { relay, nc } = await open();
    const url = relay.url + testCallbackPath(S1C1);
    const deep = `{"signature":"x","d":${'['.repeat(40)}${']'.repeat(40)}}`;
    const wide = JSON.stringify({
      signature: 'x',
      ...Object.fromEntries(Array.from({ length: 3000 }, (_, i) => [`k${i}`, i])),
    });
    const refused: Array<[string, string, number]> = [
      ['not json', 'application/json', 400],
      ['[1,2,3]', 'application/json', 400],
      ['{"payment":{"id":"x"}}', 'application/json', 400],
      ['{"signature":""}', 'application/json', 400],
      [deep, 'application/json', 400],
      [wide, 'application/json', 400],
      [signed(), 'text/plain', 415],
      [signed(), 'application/x-www-form-urlencoded', 415],
    ];
    for (const [body, type, status] of refused) {
      const answer = await post(url, body, type);
      expect({ body: body.slice(0, 20), status: answer.status }).toEqual({
        body: body.slice(0, 20),
        status,
      });
    }
    // Over the cap, declared or streamed without a length: 413, the rest never read.
    expect((await post(url, signed({ pad: 'x'.repeat(MAX_CALLBACK_BYTES) }))).status).toBe(413);
    expect(await streamTo(url, 10, 64 * 1024)).toBe(413);
    expect(await storedCallbacks(nc)).toBe(0);

    const overhead = Buffer.byteLength(signed({ pad: '' }));
    const exact = signed({ pad: 'x'.repeat(MAX_CALLBACK_BYTES - overhead) });
    expect(Buffer.byteLength(exact)).toBe(MAX_CALLBACK_BYTES);
    expect((await post(url, exact)).status).toBe(200);
    expect(await storedCallbacks(nc)).toBe(1);
  });

  it('answers 429 once a source failed the token check too often; a proven caller still gets in', async () => {
    const { relay, nc } = await open();
    const statuses: number[] = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await post(`${relay.url}/cb/S1/C1/${'B'.repeat(32)}`, signed())).status);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses.slice(30).every((s) => s === 429)).toBe(true);
    expect((await post(relay.url + testCallbackPath(S1C1), signed())).status).toBe(200);
    expect(await storedCallbacks(nc)).toBe(1);
  });

  it('behind a trusted load balancer, limits each caller by the address the balancer wrote', async () => {
    const { relay } = await open({ trustedProxyHeader: 'x-forwarded-for' });
    const from = async (address: string) => {
      const res = await fetch(`${relay.url}/cb/S1/C1/${'B'.repeat(32)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: signed(),
      });
      await res.arrayBuffer();
      return res.status;
    };
    for (let i = 0; i < 31; i++) await from('198.51.100.1');
    expect(await from('198.51.100.1')).toBe(429);
    expect(await from('198.51.100.2')).toBe(404);
  });

  it('closes a caller that never finishes its headers within about a second of the deadline', async () => {
    const { relay } = await open({ headersTimeoutMs: 300 });
    const socket = net.connect(relay.port, '127.0.0.1');
    socket.on('error', () => {});
    socket.resume();
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    socket.write('POST /cb/S1/C1/x HTTP/1.1\r\nHost: relay\r\n');
    const started = Date.now();
    await new Promise<void>((resolve) => socket.once('close', () => resolve()));
    // Node's default check every 30 s would leave it open for up to 30 s.
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  it('caps the connections one source holds open: one more is closed at once', async () => {
    const { relay } = await open({ maxConnectionsPerSource: 4 });
    const sockets = await Promise.all(
      Array.from({ length: 4 }, async () => {
        const socket = net.connect(relay.port, '127.0.0.1');
        socket.on('error', () => {});
        await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
        return socket;
      }),
    );
    // The server has counted them once a request on a fifth gets nowhere.
    const fifth = net.connect(relay.port, '127.0.0.1');
    fifth.on('error', () => {});
    const closed = await new Promise<boolean>((resolve) => {
      fifth.once('close', () => resolve(true));
      fifth.once('data', () => resolve(false));
      fifth.write('GET /health HTTP/1.1\r\nHost: relay\r\n\r\n');
    });
    expect(closed).toBe(true);
    for (const socket of sockets) expect(socket.destroyed).toBe(false);
    for (const socket of sockets) socket.destroy();
    // Once the relay has seen them go, the source may connect again: a probe like the fifth,
    // until one is answered rather than closed.
    const answered = () =>
      new Promise<boolean>((resolve) => {
        const probe = net.connect(relay.port, '127.0.0.1');
        probe.on('error', () => {});
        probe.once('data', () => {
          probe.destroy();
          resolve(true);
        });
        probe.once('close', () => resolve(false));
        probe.write('GET /health HTTP/1.1\r\nHost: relay\r\nConnection: close\r\n\r\n');
      });
    await until('the source may connect again', answered);
    expect((await fetch(`${relay.url}/health`)).status).toBe(200);
  });

  it("serves a counter's hosted page at its own path only, and only to an https target", async () => {
    const { relay, nc } = await open();
    const js = jetstream(nc);
    const token = 'T'.repeat(22);
    const form = (url: string) =>
      JSON.stringify({ url, fields: [['a', '1']], expiresAt: Date.now() + 600_000 });
    await js.publish(redirectSubject(S1C1, token), form('https://pay.example.com/go'));
    const page = await fetch(`${relay.url}/r/S1/C1/${token}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('action="https://pay.example.com/go"');
    // The same token under another counter, or a counter the relay does not list: nothing.
    expect((await fetch(`${relay.url}/r/S1/C2/${token}`)).status).toBe(404);
    expect((await fetch(`${relay.url}/r/S9/C1/${token}`)).status).toBe(404);
    // A page that would post the customer's form over plain http to another machine: nothing.
    const plain = 'P'.repeat(22);
    await js.publish(redirectSubject(S1C2, plain), form('http://pay.example.com/go'));
    const refused = await fetch(`${relay.url}/r/S1/C2/${plain}`);
    expect(refused.status).toBe(404);
    expect(await refused.text()).not.toContain('pay.example.com');
  });
});

describe.skipIf(NO_NATS_SERVER)("the relay's bounded stream", () => {
  it("answers 503 once a counter's queue is full, and another counter's callbacks still get in", async () => {
    const door = await open({ maxPerCounter: 10 });
    const url = (address: CounterAddress) => door.relay.url + testCallbackPath(address);
    for (let i = 0; i < 10; i++) expect((await post(url(S1C1), signed())).status).toBe(200);
    expect((await post(url(S1C1), signed())).status).toBe(503);
    expect((await post(url(S1C2), signed())).status).toBe(200);
    expect(await storedCallbacks(door.nc)).toBe(11);
    expect(door.lines.some((line) => /S1\/C1: 503 .*maximum messages per subject/.test(line))).toBe(
      true,
    );
  });

  it('reports a stream that exists without limits, and brings it in line when told to', async () => {
    const nats = await startNatsServer();
    const nc = await connect({ servers: [nats.url] });
    const jsm = await jetstreamManager(nc);
    await jsm.streams.add({
      name: CALLBACK_STREAM,
      subjects: ['callbacks.>'],
      retention: 'workqueue',
    });
    const first = await openDoor({}, nats);
    expect(first.lines).toContainEqual(expect.stringMatching(/warning: .*no per-subject limit/));
    expect(first.lines).toContainEqual(expect.stringMatching(/--update-streams/));
    expect((await jsm.streams.info(CALLBACK_STREAM)).config.max_msgs_per_subject).toBe(-1);
    await first.relay.close();
    await first.nc.close();

    const second = await open({ updateStreams: true }, nats);
    expect(second.lines).toContainEqual(`stream ${CALLBACK_STREAM}: limits brought in line`);
    const config = (await jsm.streams.info(CALLBACK_STREAM)).config;
    expect(config).toMatchObject({
      max_msgs_per_subject: 1000,
      discard: 'new',
      discard_new_per_subject: true,
    });
    await nc.close();
  });
});

/** Streams `chunks` chunks of `size` bytes with no Content-Length; resolves with the status. */
function streamTo(url: string, chunks: number, size: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', (error) => reject(error));
    let sent = 0;
    const next = (): void => {
      if (sent === chunks) {
        req.end();
        return;
      }
      sent++;
      if (req.write(Buffer.alloc(size, 0x20))) setImmediate(next);
      else req.once('drain', next);
    };
    next();
  });
}
