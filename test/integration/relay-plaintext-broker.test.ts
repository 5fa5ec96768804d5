import net, { type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import type { Counter } from '../../src/main/app/create-counter';
import { startRelay } from '../../src/relay/relay-server';
import { startDemoCounter } from '../support/counter-harness';
import { TEST_RELAY_KEY, testCallbackPath, until } from '../support/relay-harness';

/**
 * A fake broker that speaks plain text: it greets like nats-server (without offering TLS) and
 * records everything a client sends it, so a test can see whether credentials left the client.
 */
async function plaintextBroker(): Promise<{
  port: number;
  received: () => string;
  connections: () => number;
  close(): Promise<void>;
}> {
  let received = '';
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    socket.on('data', (chunk) => (received += chunk.toString('latin1')));
    const info = {
      server_id: 'FAKE',
      server_name: 'fake',
      version: '2.9.10',
      proto: 1,
      host: '127.0.0.1',
      port: (server.address() as AddressInfo).port,
      headers: true,
      max_payload: 1048576,
      auth_required: true,
      jetstream: true,
    };
    socket.write(`INFO ${JSON.stringify(info)}\r\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    received: () => received,
    connections: () => connections,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('tls:// means TLS: nothing, credentials included, goes to a broker that answers in plain text', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  it('the relay refuses it before sending anything, and sends CONNECT only to a nats:// broker', async () => {
    const fake = await plaintextBroker();
    cleanup.push(fake.close);
    await expect(
      startRelay({
        nats: [`tls://127.0.0.1:${fake.port}`],
        port: 0,
        key: TEST_RELAY_KEY,
        counters: [{ store: 'S1', counter: 'C1' }],
        user: 'relay',
        password: 'relay-password-must-not-leak',
      }),
    ).rejects.toThrow(/tls/i);
    expect(fake.connections()).toBeGreaterThan(0);
    expect(fake.received()).not.toContain('CONNECT');
    expect(fake.received()).not.toContain('relay-password-must-not-leak');

    // The control: a client not told to insist on TLS does log in, and the fake sees it.
    await connect({
      servers: [`nats://127.0.0.1:${fake.port}`],
      user: 'relay',
      pass: 'relay-password-must-not-leak',
      timeout: 500,
    }).catch(() => {});
    expect(fake.received()).toContain('CONNECT');
    expect(fake.received()).toContain('relay-password-must-not-leak');
  });

  it("the counter's consumer refuses it on every attempt, its password never sent", async () => {
    const fake = await plaintextBroker();
    cleanup.push(fake.close);
    const relayBase = 'https://relay.example.com';
    const counter: Counter = await startDemoCounter({
      relay: { ackWaitMs: 1000, retryMs: 100 },
      settingsOverrides: {
        relayNatsUrls: [`tls://127.0.0.1:${fake.port}`],
        relayCallbackUrl: relayBase + testCallbackPath(),
      },
    });
    cleanup.push(() => counter.close());
    const saved = await counter.handlers['settings:update']({
      relayUser: 'S1/C1',
      relayPassword: 'counter-password-must-not-leak',
      pin: '2468',
    });
    expect(saved.ok).toBe(true);
    // It keeps trying (a broker may come back), and never logs in to this one.
    await until('three attempts', () => fake.connections() >= 3, 15_000);
    expect(fake.received()).not.toContain('CONNECT');
    expect(fake.received()).not.toContain('counter-password-must-not-leak');
    const session = await counter.handlers['session:get']({});
    expect(session.ok && session.value.relay?.state).not.toBe('connected');
  });
});
