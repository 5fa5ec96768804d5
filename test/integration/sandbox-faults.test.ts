import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateClient } from '../../src/main/gate';
import {
  eventually,
  freshPaymentId,
  PROJECT,
  startHarness,
  type Harness,
} from '../support/sandbox-harness';

describe('sandbox fault modes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.sandbox.setFaults({}));

  const settled = (id: string) =>
    eventually(
      () => h.sandbox.payment(PROJECT.id, id)?.callbacks.every((c) => c.finished) || undefined,
    );

  it('drop: no callback arrives, but status tells the truth', async () => {
    h.sandbox.setFaults({ dropCallbacks: true });
    const id = freshPaymentId();
    await h.sale(id, 1000);
    await eventually(() => h.sandbox.payment(PROJECT.id, id)?.callbacks[0]?.finished || undefined);
    await h.press(id, 'success');
    await settled(id);
    expect(h.callbacksFor(id)).toEqual([]);
    expect(await h.client.status(id)).toMatchObject({
      ok: true,
      value: { found: true, status: { payment: { status: 'success' } } },
    });
  });

  it('drop N: only the first N callbacks are lost', async () => {
    h.sandbox.setFaults({ dropCallbacks: 1 });
    const id = freshPaymentId();
    await h.sale(id, 1000);
    await eventually(() => h.sandbox.payment(PROJECT.id, id)?.callbacks[0]?.finished || undefined);
    await h.press(id, 'success');
    await h.waitForCallback(id, (c) => c.payment.status === 'success');
    expect(h.callbacksFor(id).map((c) => c.payment.status)).toEqual(['success']);
  });

  it('delay: callbacks arrive late', async () => {
    h.sandbox.setFaults({ delayCallbacksMs: 300 });
    const id = freshPaymentId();
    const started = Date.now();
    await h.sale(id, 1000);
    await h.waitForCallback(id, () => true);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('duplicate: every callback arrives several times', async () => {
    h.sandbox.setFaults({ duplicateCallbacks: 2 });
    const id = freshPaymentId();
    await h.sale(id, 1000);
    await h.waitForCallback(id, (c) => c.display_data !== undefined);
    await h.press(id, 'success');
    await h.waitForCallback(id, (c) => c.payment.status === 'success');
    await settled(id);
    const statuses = h.callbacksFor(id).map((c) => c.payment.status);
    expect(statuses.filter((s) => s === 'success')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'awaiting customer action')).toHaveLength(3);
  });

  it('final before intermediate: callbacks out of order', async () => {
    h.sandbox.setFaults({ finalBeforeIntermediate: true });
    const id = freshPaymentId();
    await h.sale(id, 1000);
    // Gate has made the intermediate callback; held back, it is not under way.
    const payment = h.sandbox.payment(PROJECT.id, id)!;
    await eventually(() => (payment.callbacks.length > 0 ? true : undefined), 5000, 'the QR');
    await h.sandbox.idle();
    expect(h.callbacksFor(id)).toEqual([]);
    await h.press(id, 'success');
    await h.waitForCallback(id, (c) => c.display_data !== undefined);
    await settled(id);
    expect(h.callbacksFor(id).map((c) => c.payment.status)).toEqual([
      'success',
      'awaiting customer action',
    ]);
  });

  it('5xx before processing: unknown outcome for the client, and no payment was made', async () => {
    h.sandbox.setFaults({ requests: [{ endpoint: 'sale', action: '5xx_before' }] });
    const id = freshPaymentId();
    const before = h.sandbox.stats().requests.sale;
    const answer = await h.sale(id, 1000);
    expect(answer).toMatchObject({
      ok: false,
      error: { kind: 'unknown_outcome', httpStatus: 503 },
    });
    expect(h.sandbox.stats().requests.sale - before).toBe(1); // never retried
    expect(await h.client.status(id)).toMatchObject({ ok: true, value: { found: false } });
  });

  it('5xx after processing: unknown outcome for the client, yet the payment exists', async () => {
    h.sandbox.setFaults({ requests: [{ endpoint: 'sale', action: '5xx_after' }] });
    const id = freshPaymentId();
    expect(await h.sale(id, 1000)).toMatchObject({
      ok: false,
      error: { kind: 'unknown_outcome', httpStatus: 502 },
    });
    expect(await h.client.status(id)).toMatchObject({ ok: true, value: { found: true } });
  });

  it('cut before processing: unknown outcome, nothing made', async () => {
    h.sandbox.setFaults({ requests: [{ endpoint: 'sale', action: 'cut_before' }] });
    const id = freshPaymentId();
    expect(await h.sale(id, 1000)).toMatchObject({ ok: false, error: { kind: 'unknown_outcome' } });
    expect(h.sandbox.payment(PROJECT.id, id)).toBeUndefined();
  });

  it('cut after processing: unknown outcome, yet the payment exists', async () => {
    h.sandbox.setFaults({ requests: [{ endpoint: 'sale', action: 'cut_after' }] });
    const id = freshPaymentId();
    expect(await h.sale(id, 1000)).toMatchObject({ ok: false, error: { kind: 'unknown_outcome' } });
    expect(h.sandbox.payment(PROJECT.id, id)).toBeDefined();
  });

  it('slow: a client with a short timeout reports timeout; the sale still happened', async () => {
    h.sandbox.setFaults({ requests: [{ endpoint: 'sale', action: 'slow', ms: 600 }] });
    const impatient = createGateClient({
      baseUrl: h.sandbox.url,
      projectId: PROJECT.id,
      secret: PROJECT.secret,
      timeoutMs: 150,
    });
    const id = freshPaymentId();
    const answer = await impatient.sale({
      paymentId: id,
      amount: 1000,
      currency: 'CNY',
      description: 'x',
      customerId: 'c',
      customerIp: '192.0.2.10',
      returnUrls: { return: 'https://shop.example/return' },
    });
    expect(answer).toMatchObject({ ok: false, error: { kind: 'timeout' } });
    expect(h.sandbox.payment(PROJECT.id, id)).toBeDefined();
    impatient.close();
  });

  it('status requests are retried after a transport failure; sales never are', async () => {
    const id = freshPaymentId();
    await h.sale(id, 1000);
    h.sandbox.setFaults({ requests: [{ endpoint: 'status', action: '5xx_before', count: 2 }] });
    const before = h.sandbox.stats().requests.status;
    expect(await h.client.status(id)).toMatchObject({ ok: true, value: { found: true } });
    expect(h.sandbox.stats().requests.status - before).toBe(3);
  });

  it('faults can be set over HTTP by another process', async () => {
    const res = await fetch(`${h.sandbox.url}/sandbox/faults`, {
      method: 'POST',
      body: JSON.stringify({ requests: [{ endpoint: 'any', action: 'cut_before' }] }),
    });
    expect(res.status).toBe(200);
    expect(await h.sale(freshPaymentId(), 1000)).toMatchObject({
      ok: false,
      error: { kind: 'unknown_outcome' },
    });
    expect((await h.sale(freshPaymentId(), 1000)).ok).toBe(true);
  });
});

describe('sandbox under load', () => {
  it('settles 1,000 payments and leaves no timer behind', async () => {
    const h = await startHarness();
    try {
      const ids = Array.from({ length: 1000 }, () => freshPaymentId('load'));
      for (let i = 0; i < ids.length; i += 50) {
        await Promise.all(ids.slice(i, i + 50).map((id) => h.sale(id, 1000)));
      }
      for (let i = 0; i < ids.length; i += 50) {
        await Promise.all(ids.slice(i, i + 50).map((id) => h.press(id, 'success')));
      }
      await eventually(
        () => (h.received.length >= 2000 ? true : undefined),
        20_000,
        '2,000 callbacks',
      );
      await h.sandbox.idle();
      expect(h.sandbox.stats()).toMatchObject({ payments: 1000, timers: 0 });
      expect(ids.every((id) => h.sandbox.payment(PROJECT.id, id)?.status === 'success')).toBe(true);
    } finally {
      await h.close();
    }
  });
});
