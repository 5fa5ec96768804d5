import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { AckPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import {
  CALLBACK_STREAM,
  callbackSubject,
  consumerName,
  counterInboxPrefix,
  counterUser,
  REDIRECT_STREAM,
  redirectSubject,
  RELAY_INBOX_PREFIX,
  type CounterAddress,
} from '../../src/protocol/relay-wire';
import { natsUsersFile } from '../../src/relay/nats-permissions';
import { startRelay, type Relay } from '../../src/relay/relay-server';
import { NO_NATS_SERVER, startNatsServer, type NatsServer } from '../support/nats-server';
import {
  charge,
  pressOnSandbox,
  startDemoCounter,
  waitForPayment,
} from '../support/counter-harness';
import {
  FAST_RELAY,
  relaySettings,
  relayState,
  TEST_RELAY_KEY,
  testCallbackPath,
  until,
} from '../support/relay-harness';

const S1C1: CounterAddress = { store: 'S1', counter: 'C1' };
const S1C2: CounterAddress = { store: 'S1', counter: 'C2' };
const password = (user: string) => `password-of-${user.replace('/', '-')}`;

/** Connects as a counter would: its user, its own inbox prefix. */
function connectAs(nats: NatsServer, address: CounterAddress): Promise<NatsConnection> {
  return connect({
    servers: [nats.url],
    user: counterUser(address),
    pass: password(counterUser(address)),
    inboxPrefix: counterInboxPrefix(address),
  });
}

/** Connects as the relay does. */
function connectAsRelay(nats: NatsServer): Promise<NatsConnection> {
  return connect({
    servers: [nats.url],
    user: 'relay',
    pass: password('relay'),
    inboxPrefix: RELAY_INBOX_PREFIX,
  });
}

/** Resolves with the permission error the server reports on this connection, if one comes. */
function nextPermissionError(nc: NatsConnection, timeoutMs = 2000): Promise<string | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    void (async () => {
      for await (const status of nc.status()) {
        if (status.type === 'error' && /permission/i.test(String(status.error))) {
          clearTimeout(timer);
          resolve(String(status.error));
          return;
        }
      }
    })();
  });
}

async function post(relay: Relay, address: CounterAddress, id: string): Promise<number> {
  const res = await fetch(relay.url + testCallbackPath(address), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payment: { id }, signature: 'c2ln' }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe.skipIf(NO_NATS_SERVER)(
  'the broker users `relay nats-config` prints, on a real nats-server',
  () => {
    let nats: NatsServer;
    let relay: Relay;
    let own: NatsConnection;
    let other: NatsConnection;

    beforeAll(async () => {
      // The file as printed, with known passwords in place of fresh ones.
      const users = ['relay', ...[S1C1, S1C2].map(counterUser)];
      let next = 0;
      const file = natsUsersFile('relay', [S1C1, S1C2], () => password(users[next++]!));
      nats = await startNatsServer({ authorization: file });
      relay = await startRelay({
        nats: [nats.url],
        port: 0,
        key: TEST_RELAY_KEY,
        counters: [S1C1, S1C2],
        user: 'relay',
        password: password('relay'),
      });
      own = await connectAs(nats, S1C1);
      other = await connectAs(nats, S1C2);
      // Each counter's own consumer, created as the counter does it.
      for (const [nc, address] of [
        [own, S1C1],
        [other, S1C2],
      ] as const)
        await (
          await jetstreamManager(nc)
        ).consumers.add(CALLBACK_STREAM, {
          durable_name: consumerName(address),
          filter_subject: callbackSubject(address),
          ack_policy: AckPolicy.Explicit,
        });
      expect(await post(relay, S1C1, 'P-own')).toBe(200);
      expect(await post(relay, S1C2, 'P-other')).toBe(200);
    });

    afterAll(async () => {
      await own?.close();
      await other?.close();
      await relay?.close();
      await nats?.close();
    });

    it('lets a counter read and ack its own callbacks, and publish its own hosted pages', async () => {
      const consumer = await jetstream(own).consumers.get(CALLBACK_STREAM, consumerName(S1C1));
      const msg = await consumer.next({ expires: 2000 });
      expect(JSON.parse(new TextDecoder().decode(msg!.data))).toMatchObject({
        payment: { id: 'P-own' },
      });
      expect(await msg!.ackAck()).toBe(true);
      await jetstream(own).publish(redirectSubject(S1C1, 'A'.repeat(22)), '{}');
    });

    it("keeps a counter from creating a consumer on another counter's subject, or on all of them", async () => {
      const jsm = await jetstreamManager(own);
      for (const filter of [callbackSubject(S1C2), 'callbacks.>', 'callbacks.S1.*']) {
        await expect(
          jsm.consumers.add(CALLBACK_STREAM, {
            durable_name: consumerName(S1C1),
            filter_subject: filter,
            ack_policy: AckPolicy.Explicit,
          }),
          filter,
        ).rejects.toThrow();
        await expect(
          jsm.consumers.add(CALLBACK_STREAM, {
            durable_name: 'thief',
            filter_subject: filter,
            ack_policy: AckPolicy.Explicit,
          }),
          filter,
        ).rejects.toThrow();
      }
      // Nor an ephemeral one, nor through the older API that takes any filter.
      await expect(
        jsm.consumers.add(CALLBACK_STREAM, {
          filter_subject: 'callbacks.>',
          ack_policy: AckPolicy.Explicit,
        }),
      ).rejects.toThrow();
    });

    it("keeps a counter from reading another counter's callbacks, by its consumer or off the wire", async () => {
      await expect(
        jetstream(own).consumers.get(CALLBACK_STREAM, consumerName(S1C2)),
      ).rejects.toThrow();
      // Pulling from the other consumer's API subject is refused by the server.
      const refused = nextPermissionError(own);
      own.publish(
        `$JS.API.CONSUMER.MSG.NEXT.${CALLBACK_STREAM}.${consumerName(S1C2)}`,
        '{"batch":1}',
      );
      expect(await refused).toMatch(/Permissions Violation for Publish/);
      // Subscribing to the stream's subjects, or to the other counter's inbox, is refused too.
      for (const subject of [
        'callbacks.>',
        callbackSubject(S1C2),
        `${counterInboxPrefix(S1C2)}.>`,
      ]) {
        const violation = nextPermissionError(own);
        own.subscribe(subject);
        expect(await violation, subject).toMatch(/Permissions Violation for Subscription/);
      }
      // The other counter's callback is still there for it.
      const consumer = await jetstream(other).consumers.get(CALLBACK_STREAM, consumerName(S1C2));
      expect((await consumer.info()).num_pending).toBe(1);
    });

    it("keeps a counter from acking another counter's callbacks", async () => {
      const violation = nextPermissionError(own);
      own.publish(`$JS.ACK.${CALLBACK_STREAM}.${consumerName(S1C2)}.1.2.2.0.0`, '+ACK');
      expect(await violation).toMatch(/Permissions Violation for Publish/);
      const consumer = await jetstream(other).consumers.get(CALLBACK_STREAM, consumerName(S1C2));
      expect((await consumer.info()).num_pending).toBe(1);
    });

    it('keeps a counter from publishing hosted pages for another counter', async () => {
      await expect(
        jetstream(own).publish(redirectSubject(S1C2, 'B'.repeat(22)), '{}', { timeout: 1000 }),
      ).rejects.toThrow();
      // The relay, which serves the pages, finds nothing there.
      const relayView = await connectAsRelay(nats);
      const jsm = await jetstreamManager(relayView);
      expect(
        await jsm.streams.getMessage(REDIRECT_STREAM, {
          last_by_subj: redirectSubject(S1C2, 'B'.repeat(22)),
        }),
      ).toBeNull();
      await relayView.close();
    });

    it('keeps a counter from changing or deleting the streams', async () => {
      const jsm = await jetstreamManager(own);
      await expect(
        jsm.streams.update(CALLBACK_STREAM, { max_msgs_per_subject: -1 }),
      ).rejects.toThrow();
      await expect(jsm.streams.delete(CALLBACK_STREAM)).rejects.toThrow();
      await expect(jsm.streams.purge(CALLBACK_STREAM)).rejects.toThrow();
      await expect(jsm.consumers.delete(CALLBACK_STREAM, consumerName(S1C2))).rejects.toThrow();
      const relayView = await connectAsRelay(nats);
      const info = await (await jetstreamManager(relayView)).streams.info(CALLBACK_STREAM);
      expect(info.config.max_msgs_per_subject).toBe(1000);
      await relayView.close();
    });

    it('are enough for a real counter: a sale paid through the relay, with its own user', async () => {
      const counter = await startDemoCounter({
        relay: FAST_RELAY,
        settingsOverrides: relaySettings(nats.url, relay.url, { store: 'S1', counter: 'C3' }),
      });
      try {
        // C3 is not in this broker's users: the counter cannot get in.
        const refused = await counter.handlers['settings:update']({
          relayUser: 'S1/C3',
          relayPassword: 'nobody',
          pin: '2468',
        });
        expect(refused.ok).toBe(true);
        // The broker turns it away: the banner says why, and the header never says connected.
        await until('the relay banner', async () => {
          const session = await counter.handlers['session:get']({});
          return session.ok && session.value.banners.some((b) => b.key === 'relay');
        });
        expect((await relayState(counter)) === 'connected').toBe(false);
      } finally {
        await counter.close();
      }
      // Its own users' counter, S1/C2, takes a sale end to end through the relay.
      const real = await startDemoCounter({
        relay: FAST_RELAY,
        settingsOverrides: relaySettings(nats.url, relay.url, S1C2),
      });
      try {
        await real.handlers['settings:update']({
          relayUser: counterUser(S1C2),
          relayPassword: password(counterUser(S1C2)),
          pin: '2468',
        });
        await until('connected', async () => (await relayState(real)) === 'connected');
        const sale = await charge(real, '15.00');
        await waitForPayment(real, sale.id, (p) => p.state === 'awaiting_customer');
        expect(await pressOnSandbox(real.sandbox!, sale.id, 'success')).toBe(303);
        await waitForPayment(real, sale.id, (p) => p.state === 'succeeded');
        expect(real.journal.callbacksOf(sale.id).every((c) => c.remote.startsWith('relay '))).toBe(
          true,
        );
      } finally {
        await real.close();
      }
    });
  },
);
