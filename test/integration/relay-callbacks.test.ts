import { afterEach, describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { MAX_CALLBACK_BYTES } from '../../src/protocol/callback-body';
import { REDIRECT_STREAM } from '../../src/protocol/relay-wire';
import type { Counter } from '../../src/main/app/create-counter';
import { findingText } from '../../src/main/gate/connection-findings';
import { parseJsonLossless, sign } from '../../src/protocol/signer';
import {
  charge,
  pressOnSandbox,
  saleCallback,
  TEST_SECRET,
  waitForPayment,
} from '../support/counter-harness';
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

/**
 * Gate → relay → JetStream → counter, with a real nats-server: what arrives, what is refused,
 * and that the counter applies what the relay stored exactly as Gate sent it.
 */
describe.skipIf(NO_NATS_SERVER)('callbacks through the relay', () => {
  let rig: RelayRig | undefined;
  let counter: Counter | undefined;
  afterEach(async () => {
    await counter?.close();
    await rig?.close();
    counter = undefined;
    rig = undefined;
  });

  it('a replayed POST-redirect callback publishes no second hosted page', async () => {
    rig = await startRelayRig({ sandbox: { qrMode: 'redirect_post' } });
    counter = await startRelayCounter(rig);
    await until('connected to the relay', async () => (await relayState(counter!)) === 'connected');
    const hostedPages = async () => {
      const nc = await connect({ servers: rig!.nats.url });
      try {
        return (await (await jetstreamManager(nc)).streams.info(REDIRECT_STREAM)).state.messages;
      } finally {
        await nc.close();
      }
    };
    const sale = await charge(counter, '33.00');
    const shown = await waitForPayment(counter, sale.id, (p) => p.state === 'awaiting_customer');
    expect(shown.qr).toMatchObject({ kind: 'text', text: expect.stringContaining('/r/') });
    expect(await hostedPages()).toBe(1);

    // The same intermediate callback again, straight to the counter's own listener.
    const intermediate = counter.journal
      .callbacksOf(sale.id)
      .find((c) => c.verified && c.raw.includes('redirect_data'))!;
    const replay = await fetch(counter.callbackUrl()!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: intermediate.raw,
    });
    expect(replay.status).toBe(200);
    expect(await hostedPages()).toBe(1);
    expect(counter.service.get(sale.id)!.qr).toEqual(shown.qr);
  });

  it('a POST redirect that arrives first in a status answer is hosted too (the callback was lost)', async () => {
    rig = await startRelayRig({ sandbox: { qrMode: 'redirect_post' } });
    rig.sandbox.setFaults({ dropCallbacks: true });
    counter = await startRelayCounter(rig, {
      pollSchedule: { firstAfterMs: 50, maxIntervalMs: 100 },
    });
    await until('connected to the relay', async () => (await relayState(counter!)) === 'connected');
    const sale = await charge(counter, '34.00');
    const shown = await waitForPayment(counter, sale.id, (p) => p.state === 'awaiting_customer');
    expect(shown.qr).toMatchObject({
      kind: 'text',
      text: expect.stringMatching(new RegExp(`^${rig.relay.url}/r/`)),
    });
    // No callback came: the QR was the status answer's.
    expect(counter.journal.callbacksOf(sale.id)).toHaveLength(0);
  });

  it('Test connection checks the relay path: the relay answers and this counter collects', async () => {
    rig = await startRelayRig();
    counter = await startRelayCounter(rig);
    await until('connected to the relay', async () => (await relayState(counter!)) === 'connected');
    const findings = async () => {
      const tested = await counter!.handlers['settings:test-connection']({});
      if (!tested.ok) throw new Error(tested.error.message);
      return tested.value.findings;
    };
    const healthy = await findings();
    const texts = healthy.map(findingText);
    expect(texts).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^Payment results come through the callback relay: .*${rig.relay.url}/cb/S1/C1/${testCallbackPath().split('/')[4]!.slice(0, 4)}…`,
        ),
      ),
    );
    // Not the words for a counter nobody can call.
    expect(texts.join(' ')).not.toMatch(/No public callback address/);

    // The broker goes away: the relay says so on /health, and so does the test.
    await rig.nats.stop();
    await until('the link is lost', async () => (await relayState(counter!)) !== 'connected');
    const down = await findings();
    expect(down.map(findingText)).toContainEqual(
      expect.stringMatching(
        /^The callback relay runs but cannot reach its servers\..*\/health: HTTP 503/,
      ),
    );
    await rig.nats.start();
  }, 30_000);

  it('a paid sale and a refund: Gate posts to the relay, the counter applies each once', async () => {
    rig = await startRelayRig();
    counter = await startRelayCounter(rig);
    expect((await counter.handlers['settings:get']({})).ok).toBe(true);
    const settings = await counter.handlers['settings:get']({});
    // Automatic picks Gate QR: callbacks can reach this counter through the relay.
    expect(settings.ok && settings.value.effectivePurchaseMode).toBe('gate_qr');

    const sale = await charge(counter, '25.00');
    await waitForPayment(counter, sale.id, (p) => p.state === 'awaiting_customer');
    expect(await pressOnSandbox(rig.sandbox, sale.id, 'success')).toBe(303);
    await waitForPayment(counter, sale.id, (p) => p.state === 'succeeded');

    const refund = await counter.handlers['refunds:create']({
      paymentId: sale.id,
      amount: '5.00',
      reason: 'one tea returned',
      pin: '2468',
    });
    expect(refund.ok).toBe(true);
    await waitForPayment(counter, sale.id, (p) => p.refundedAmount === 500);

    // Gate was told to post to this counter's relay address, and every callback came that way.
    const gateSide = rig.sandbox.payment(1001, sale.id)!;
    expect(gateSide.callbackUrl).toBe(rig.relay.url + testCallbackPath());
    const inbox = counter.journal.callbacksOf(sale.id);
    expect(inbox.length).toBeGreaterThanOrEqual(3);
    expect(inbox.every((c) => c.remote === 'relay 127.0.0.1')).toBe(true);
    // Applied once: one change into each state.
    const states = counter.journal
      .transitionsOf(sale.id)
      .filter((t) => t.from !== t.to)
      .map((t) => t.to);
    expect(states.filter((s) => s === 'succeeded')).toHaveLength(1);
    expect(states.filter((s) => s === 'awaiting_customer')).toHaveLength(1);
    expect(await relayStateOf(counter)).toBe('connected');
  });

  it('stores the raw bytes: a body whose numbers re-serialise differently still verifies', async () => {
    rig = await startRelayRig({ sandbox: { faults: { dropCallbacks: true } } });
    counter = await startRelayCounter(rig);
    const sale = await charge(counter, '10.00');
    // `10.0` is signed as "10.0": parsing and re-serialising it ("10") would break the signature.
    const unsigned =
      `{"project_id":1001,"payment":{"id":"${sale.id}","status":"success",` +
      `"sum":{"amount":1000,"currency":"CNY"}},"operation":{"type":"sale","status":"success",` +
      `"code":"0","message":"Success","sum_initial":{"amount":1000,"currency":"CNY"},"fee":10.0}}`;
    const signature = sign(parseJsonLossless(unsigned), TEST_SECRET);
    const raw = `${unsigned.slice(0, -1)},"signature":"${signature}"}`;
    const reserialised = JSON.stringify(JSON.parse(raw));
    expect(reserialised).not.toBe(raw);

    // The re-serialised copy fails the counter's check (recorded, never applied) ...
    expect(await postToRelay(rig.relay.url, reserialised)).toBe(200);
    await until('the re-serialised copy is recorded', () =>
      counter!.journal.callbacksOf(sale.id).some((c) => !c.verified),
    );
    expect(counter.service.get(sale.id)!.state).not.toBe('succeeded');
    // ... the bytes as Gate sent them pass it.
    expect(await postToRelay(rig.relay.url, raw)).toBe(200);
    await waitForPayment(counter, sale.id, (p) => p.state === 'succeeded');
  });

  it('a signed callback at the body cap goes through the relay and is applied once', async () => {
    rig = await startRelayRig({ sandbox: { faults: { dropCallbacks: true } } });
    counter = await startRelayCounter(rig);
    const sale = await charge(counter, '12.00');
    const callback = saleCallback(sale.id, 1200, 'success');
    const padded = (padding: string) => ({ ...callback, padding });
    const overhead = Buffer.byteLength(signedBody(padded('')));
    const exact = signedBody(padded('x'.repeat(MAX_CALLBACK_BYTES - overhead)));
    expect(Buffer.byteLength(exact)).toBe(MAX_CALLBACK_BYTES);
    // One byte more is refused at the relay's door, before anything is stored.
    expect(
      await postToRelay(rig.relay.url, signedBody(padded('x'.repeat(MAX_CALLBACK_BYTES)))),
    ).toBe(413);
    expect(await postToRelay(rig.relay.url, exact)).toBe(200);
    await waitForPayment(counter, sale.id, (p) => p.state === 'succeeded', 10_000);
    expect(counter.journal.callbacksOf(sale.id)).toHaveLength(1);
  });
});

async function relayStateOf(counter: Counter): Promise<string | undefined> {
  const session = await counter.handlers['session:get']({});
  return session.ok ? session.value.relay?.state : undefined;
}
