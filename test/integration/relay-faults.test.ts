import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { Journal } from '../../src/main/journal/journal';
import { CALLBACK_STREAM, consumerName } from '../../src/protocol/relay-wire';
import { startRelay, type Relay } from '../../src/relay/relay-server';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import type { SandboxFaults } from '../../src/sandbox/sandbox-types';
import type { PaymentView } from '../../src/shared/ipc/views';
import {
  charge,
  pressOnSandbox,
  saleCallback,
  tempDataDir,
  TEST_PROJECT,
  TEST_SECRET,
  waitForPayment,
} from '../support/counter-harness';
import { LineChild } from '../support/child-lines';
import { NO_NATS_SERVER, startNatsServer } from '../support/nats-server';
import { startStableAddress } from '../support/stable-address';
import {
  relayState,
  signedBody,
  FAST_RELAY,
  startRelayCounter,
  TEST_RELAY_KEY,
  STORE_COUNTER,
  until,
} from '../support/relay-harness';

const COUNTER_CHILD = fileURLToPath(new URL('../support/relay-counter-child.ts', import.meta.url));
const RELAY_CHILD = fileURLToPath(new URL('../support/relay-crash-child.ts', import.meta.url));
const CONSUMER = consumerName(STORE_COUNTER);

/** Changes of state (not same-state patches) a payment went through. */
function stateChanges(counter: { journal: Journal }, paymentId: string): string[] {
  return counter.journal
    .transitionsOf(paymentId)
    .filter((t) => t.from !== t.to)
    .map((t) => t.to);
}

/** What the broker still holds for the counter: waiting and delivered-but-unacked messages. */
async function backlog(nc: NatsConnection): Promise<{ pending: number; unacked: number }> {
  const info = await (await jetstreamManager(nc)).consumers.info(CALLBACK_STREAM, CONSUMER);
  return { pending: info.num_pending, unacked: info.num_ack_pending };
}

/**
 * What goes wrong in production, with a real nats-server: counters, relays and the broker
 * going down at the worst moments, Gate's duplicates and reordering, and a forged message.
 */
describe.skipIf(NO_NATS_SERVER)('relay faults', () => {
  const cleanups: Array<() => Promise<unknown>> = [];
  const later = <T extends { close(): Promise<unknown> }>(thing: T): T => {
    cleanups.push(() => thing.close());
    return thing;
  };
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => {});
  });

  async function rig(sandboxOptions: { faults?: SandboxFaults } = {}) {
    const nats = later(await startNatsServer());
    const relay: Relay = later(
      await startRelay({
        nats: [nats.url],
        port: 0,
        key: TEST_RELAY_KEY,
        counters: [STORE_COUNTER],
      }),
    );
    const sandbox: Sandbox = later(
      await createSandbox({
        ...sandboxOptions,
        projects: [{ id: TEST_PROJECT, secret: TEST_SECRET }],
      }),
    );
    const nc = await connect({ servers: nats.url });
    cleanups.push(() => nc.close());
    return { nats, relay, sandbox, nc };
  }

  it('the counter is off when the callback arrives: it is delivered when the counter starts', async () => {
    const { nats, relay, sandbox, nc } = await rig();
    const dataDir = tempDataDir();
    const first = await startRelayCounter({ nats, relay, sandbox }, { dataDir });
    const sale = await charge(first, '31.00');
    await waitForPayment(first, sale.id, (p) => p.state === 'awaiting_customer');
    await first.close();

    expect(await pressOnSandbox(sandbox, sale.id, 'success')).toBe(303);
    // Gate got its 200 from the relay while the counter was off; the broker holds the callback.
    await until('the relay stored the final callback', () =>
      sandbox
        .payment(TEST_PROJECT, sale.id)!
        .callbacks.some(
          (c) =>
            c.delivered &&
            c.attempts.length > 0 &&
            c.body['payment'] !== undefined &&
            (c.body['payment'] as { status: string }).status === 'success',
        ),
    );
    expect((await backlog(nc)).pending).toBe(1);

    const again = later(
      await startRelayCounter(
        { nats, relay, sandbox },
        {
          dataDir,
          pollSchedule: { firstAfterMs: 60_000, maxIntervalMs: 60_000 },
        },
      ),
    );
    await waitForPayment(again, sale.id, (p) => p.state === 'succeeded');
    await until('the broker holds nothing more', async () => {
      const left = await backlog(nc);
      return left.pending === 0 && left.unacked === 0;
    });
  });

  it('killed after journaling, before acking: delivered again, applied once', async () => {
    const { nats, relay, sandbox, nc } = await rig();
    const dataDir = tempDataDir();
    const child = new LineChild(COUNTER_CHILD, {
      DATA_DIR: dataDir,
      SANDBOX_URL: sandbox.url,
      SANDBOX_SECRET: TEST_SECRET,
      NATS_URL: nats.url,
      RELAY_URL: relay.url,
      AMOUNT: '44.00',
    });
    cleanups.push(() => child.kill());
    const paymentId = (await child.line(/^CHARGED (\S+)/))[1]!;
    await child.line(new RegExp(`^STATE ${paymentId} awaiting_customer`));
    expect(await pressOnSandbox(sandbox, paymentId, 'success')).toBe(303);
    await child.line(/^FROZEN$/);
    await child.kill();

    // The journal has the success; the broker still waits for the ack.
    const journal = new Journal(join(dataDir, 'journal.sqlite'));
    expect(journal.get(paymentId)!.state).toBe('succeeded');
    // A verified copy of a body already recorded counts as a copy of that row (callback inbox).
    const copiesOf = (j: Journal) =>
      j.callbacksOf(paymentId).reduce((sum, callback) => sum + callback.copies, 0);
    const recordedBefore = copiesOf(journal);
    journal.close();

    const restarted = later(
      await startRelayCounter(
        { nats, relay, sandbox },
        {
          dataDir,
          pollSchedule: { firstAfterMs: 60_000, maxIntervalMs: 60_000 },
        },
      ),
    );
    // Redelivered (ack wait 1 s), recorded again, changing nothing.
    await until(
      'the final callback came again',
      () => copiesOf(restarted.journal) > recordedBefore,
    );
    await until(
      'acked at last',
      async () => (await backlog(nc)).unacked === 0 && (await backlog(nc)).pending === 0,
    );
    expect(stateChanges(restarted, paymentId).filter((s) => s === 'succeeded')).toHaveLength(1);
    expect(restarted.service.openLateAlerts()).toHaveLength(0);
  });

  it('the relay dies after storing, before answering: Gate retries, one copy reaches the counter', async () => {
    const nats = later(await startNatsServer());
    const nc = await connect({ servers: nats.url });
    cleanups.push(() => nc.close());
    // Gate keeps the callback URL of the sale; the relays behind it come and go on ports of
    // their own.
    const door = later(await startStableAddress());
    const relayUrl = door.url;
    // Gate's 10 s retry pause becomes 100 ms.
    const sandbox = later(
      await createSandbox({
        timeScale: 0.01,
        projects: [{ id: TEST_PROJECT, secret: TEST_SECRET }],
      }),
    );
    const counter = later(
      await startRelayCounter(
        { nats, relay: { url: relayUrl }, sandbox },
        {
          pollSchedule: { firstAfterMs: 60_000, maxIntervalMs: 60_000 },
        },
      ),
    );
    const startInProcess = () =>
      startRelay({ nats: [nats.url], port: 0, key: TEST_RELAY_KEY, counters: [STORE_COUNTER] });
    // A normal relay takes the intermediate callback.
    const relay = later(await startInProcess());
    door.target(relay.port);
    const sale = await charge(counter, '52.00');
    await waitForPayment(counter, sale.id, (p) => p.state === 'awaiting_customer');
    await relay.close();

    // This one dies right after JetStream's PubAck of the final callback.
    const dying = new LineChild(RELAY_CHILD, { NATS_URL: nats.url, PORT: '0' });
    cleanups.push(() => dying.kill());
    const [, dyingUrl] = await dying.line(/relay listening on (\S+)/);
    door.target(Number(new URL(dyingUrl!).port));
    const died = new Promise<void>((resolve) => dying.process.once('exit', () => resolve()));
    expect(await pressOnSandbox(sandbox, sale.id, 'success')).toBe(303);
    await dying.line(/^STORED$/);
    await died;
    door.target(later(await startInProcess()).port);

    await waitForPayment(counter, sale.id, (p) => p.state === 'succeeded', 15_000);
    const final = sandbox
      .payment(TEST_PROJECT, sale.id)!
      .callbacks.find((c) => c.kind === 'final')!;
    await until('Gate got its 200 on a retry', () => final.delivered === true);
    expect(final.attempts.length).toBeGreaterThanOrEqual(2);
    expect(final.attempts[0]!.httpStatus).toBeUndefined();
    // JetStream dropped the retry as a duplicate: once the broker holds nothing more for the
    // counter, all it stored has been delivered and acked, and the final callback came once.
    await until('the broker holds nothing more', async () => {
      const left = await backlog(nc);
      return left.pending === 0 && left.unacked === 0;
    });
    const finals = counter.journal
      .callbacksOf(sale.id)
      .filter((c) => c.raw.includes('"status":"success"'));
    // One row per distinct body; `copies` counts how often it reached the counter.
    expect(finals).toEqual([expect.objectContaining({ copies: 1 })]);
  });

  it('nats-server restarts and is killed (file storage): the header says so, nothing stored is lost', async () => {
    const { nats, relay, sandbox } = await rig();
    const dataDir = tempDataDir();
    const slow = { firstAfterMs: 60_000, maxIntervalMs: 60_000 };
    const counter = await startRelayCounter(
      { nats, relay, sandbox },
      { dataDir, pollSchedule: slow },
    );
    const sales: PaymentView[] = [];
    for (const amount of ['11.00', '12.00', '13.00']) {
      const sale = await charge(counter, amount);
      await waitForPayment(counter, sale.id, (p) => p.state === 'awaiting_customer');
      // The next customer: this one's payment is still tracked to its end.
      expect((await counter.handlers['payments:cancel']({ paymentId: sale.id })).ok).toBe(true);
      expect((await counter.handlers['session:new-sale']({})).ok).toBe(true);
      sales.push(sale);
    }

    // The broker goes away: the cashier sees it in the header and a banner.
    await nats.stop();
    await until(
      'the header says reconnecting',
      async () => (await relayState(counter)) === 'reconnecting',
    );
    const session = await counter.handlers['session:get']({});
    expect(session.ok && session.value.banners.map((b) => b.key)).toContain('relay');
    await nats.start();
    await until(
      'the header says connected',
      async () => (await relayState(counter)) === 'connected',
      15_000,
    );
    const after = await counter.handlers['session:get']({});
    expect(after.ok && after.value.banners.map((b) => b.key)).not.toContain('relay');
    await counter.close();

    // Callbacks stored while the counter is off survive a broker restart.
    for (const sale of sales) expect(await pressOnSandbox(sandbox, sale.id, 'success')).toBe(303);
    await until('all three stored', () =>
      sales.every((s) => sandbox.payment(TEST_PROJECT, s.id)!.callbacks.every((c) => c.delivered)),
    );
    // Killed, not stopped: what JetStream acknowledged was on disk already.
    await nats.stop('SIGKILL');
    await nats.start();
    const again = later(
      await startRelayCounter({ nats, relay, sandbox }, { dataDir, pollSchedule: slow }),
    );
    for (const sale of sales)
      await waitForPayment(again, sale.id, (p) => p.state === 'succeeded', 15_000);
  });

  it('duplicates and a final callback before the intermediate one: applied once, in order of sense', async () => {
    const { nats, relay, sandbox, nc } = await rig({
      faults: { duplicateCallbacks: 2, finalBeforeIntermediate: true },
    });
    const counter = later(await startRelayCounter({ nats, relay, sandbox }));
    const sale = await charge(counter, '66.00');
    expect(await pressOnSandbox(sandbox, sale.id, 'success')).toBe(303);
    await waitForPayment(counter, sale.id, (p) => p.state === 'succeeded');
    await until('Gate finished delivering', () =>
      sandbox.payment(TEST_PROJECT, sale.id)!.callbacks.every((c) => c.finished === true),
    );
    const gate = sandbox.payment(TEST_PROJECT, sale.id)!.callbacks;
    expect(gate.reduce((n, c) => n + c.attempts.length, 0)).toBeGreaterThanOrEqual(6);
    // Every copy Gate sent was answered after JetStream stored or dropped it: once the broker
    // holds nothing more for the counter, whatever it stored has reached the counter.
    await until('the broker holds nothing more', async () => {
      const left = await backlog(nc);
      return left.pending === 0 && left.unacked === 0;
    });
    // Each distinct body reached the counter once (JetStream dropped the copies) ...
    expect(counter.journal.callbacksOf(sale.id).map((c) => c.copies)).toEqual(gate.map(() => 1));
    // ... and the success stands, whatever came after it.
    expect(stateChanges(counter, sale.id).filter((s) => s === 'succeeded')).toHaveLength(1);
    expect(counter.service.get(sale.id)!.state).toBe('succeeded');
  });

  it('a forged callback put straight into the stream: refused each time, then held back; nothing changes', async () => {
    const { nats, relay, sandbox, nc } = await rig({ faults: { dropCallbacks: true } });
    const counter = later(
      await startRelayCounter(
        { nats, relay, sandbox },
        {
          pollSchedule: { firstAfterMs: 60_000, maxIntervalMs: 60_000 },
          relay: { ...FAST_RELAY, badSignatureDelaysMs: [100, 100] },
        },
      ),
    );
    const sale = await charge(counter, '77.00');
    const before = counter.service.get(sale.id)!.state;
    const forged = signedBody(saleCallback(sale.id, 7700, 'success'), 'not-the-merchant-secret');
    await jetstream(nc).publish('callbacks.S1.C1', forged);

    // Delivered three times (two pauses), refused each time, then held back and acked.
    await until('held back', () => counter.journal.relayQuarantine.totals().entries === 1);
    await until('and acked', async () => {
      const left = await backlog(nc);
      return left.pending === 0 && left.unacked === 0;
    });
    // The broker redelivers only what is unacked, and it holds nothing unacked: nothing can come
    // again, so there is no ack wait to sit out before looking.
    expect(counter.journal.callbacksOf(sale.id).every((c) => !c.verified)).toBe(true);
    expect(counter.journal.relayQuarantine.totals().entries).toBe(1);
    expect(counter.service.get(sale.id)!.state).toBe(before);
    expect(stateChanges(counter, sale.id)).not.toContain('succeeded');
  });
});
