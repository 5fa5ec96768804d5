import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { LineChild } from '../support/child-lines';
import { NO_NATS_SERVER, startNatsServer, type NatsServer } from '../support/nats-server';
import { startRelayProcess, type RelayProcess } from '../support/relay-harness';

const HOST = fileURLToPath(new URL('../support/relay-load-host.ts', import.meta.url));
const HOSTS = 4;
const COUNTERS_PER_HOST = 25;
const PAYMENTS = 50;

/**
 * Bounded load on loopback: 100 counters × 100 callbacks (50 sales, each an intermediate and a
 * final callback), every body posted to both of two relay processes. Every callback must be
 * applied exactly once. The counters run in four processes, as they would on four machines.
 */
describe.skipIf(NO_NATS_SERVER)('relay under load', () => {
  let nats: NatsServer | undefined;
  const relays: RelayProcess[] = [];
  const hosts: LineChild[] = [];
  afterAll(async () => {
    for (const host of hosts) await host.kill();
    for (const relay of relays) await relay.stop();
    await nats?.close();
  });

  it('100 counters × 100 callbacks through two relays: each applied exactly once', async () => {
    nats = await startNatsServer();
    const counters = Array.from({ length: HOSTS }, (_, h) =>
      Array.from({ length: COUNTERS_PER_HOST }, (_, c) => `S${h}/C${c}`),
    ).flat();
    const args = ['--nats', nats.url, '--port', '0', '--counters', counters.join(',')];
    relays.push(...(await Promise.all([startRelayProcess(args), startRelayProcess(args)])));
    const started = Date.now();
    for (let h = 0; h < HOSTS; h++)
      hosts.push(
        new LineChild(HOST, {
          NATS_URL: nats.url,
          RELAY_URLS: relays.map((r) => r.url).join(','),
          HOST: String(h),
          COUNTERS: String(COUNTERS_PER_HOST),
          PAYMENTS: String(PAYMENTS),
          DEADLINE_MS: '90000',
        }),
      );
    const results = await Promise.all(
      hosts.map(async (host) => JSON.parse((await host.line(/^RESULT (.+)$/, 150_000))[1]!)),
    );
    const total = (key: string) => results.reduce((n, r) => n + (r[key] as number), 0);
    console.log(
      `relay load: ${HOSTS * COUNTERS_PER_HOST} counters, ${total('posts')} posts (${total('retried')} retried), ` +
        `${total('succeeded')} sales settled, slowest host ${Math.max(...results.map((r) => r.settledMs))} ms, ` +
        `whole run ${Date.now() - started} ms`,
    );
    const sales = HOSTS * COUNTERS_PER_HOST * PAYMENTS;
    expect(total('succeeded')).toBe(sales);
    expect(total('doubleApplied')).toBe(0);
    // Each of the 10,000 distinct callbacks reached its counter once: the second relay's copy
    // was dropped by JetStream, and nothing was delivered again after its ack.
    expect(total('recorded')).toBe(sales * 2);
    expect(total('unverified')).toBe(0);
    expect(total('posts')).toBe(sales * 2 * 2);
  }, 180_000);
});
