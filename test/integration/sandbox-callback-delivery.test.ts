import { afterEach, describe, expect, it } from 'vitest';
import { secondsUntilAttempt } from '../../src/sandbox';
import {
  eventually,
  freshPaymentId,
  PROJECT,
  startHarness,
  type Harness,
} from '../support/sandbox-harness';

describe('callback delivery, retries and time limits', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  it('retries a failing receiver on ecommpay schedule (scaled) until it answers 200', async () => {
    // 1 nominal second = 2 ms: retry pauses of 10 s become 20 ms.
    h = await startHarness({ timeScale: 0.002 });
    const id = freshPaymentId();
    h.failNextCallbacks(3);
    await h.sale(id, 1000);
    await h.waitForCallback(id, (c) => c.display_data !== undefined, 5000);
    // The sandbox records the attempt once it has read the receiver's answer.
    const delivery = await eventually(() => {
      const d = h!.sandbox.payment(PROJECT.id, id)!.callbacks[0]!;
      return d.finished ? d : undefined;
    });
    expect(delivery.attempts.map((a) => a.httpStatus)).toEqual([500, 500, 500, 200]);
    expect(delivery.delivered).toBe(true);
    const gaps = delivery.attempts
      .slice(1)
      .map((a, i) => a.at.getTime() - delivery.attempts[i]!.at.getTime());
    // 10 s nominal at this scale is 20 ms; timers never fire early.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(19);
  });

  it('keeps retrying on a cut connection, then stops after 120 attempts', async () => {
    // Scale so that all 120 attempts (~11 days nominal) run in about one second.
    const scale = 1 / (secondsUntilAttempt(120) * 1.1);
    h = await startHarness({ timeScale: scale, thresholdSeconds: 30 * 24 * 3600 });
    const id = freshPaymentId();
    const dead = 'http://127.0.0.1:9/callback'; // discard port: nothing listens
    const ack = await h.client.sale({
      paymentId: id,
      amount: 1000,
      currency: 'CNY',
      description: 'x',
      customerId: 'c',
      customerIp: '192.0.2.10',
      returnUrls: { return: 'https://shop.example/return' },
      callbackUrl: dead,
    });
    expect(ack.ok).toBe(true);
    const delivery = await eventually(
      () => {
        const d = h!.sandbox.payment(PROJECT.id, id)?.callbacks[0];
        return d?.finished ? d : undefined;
      },
      15_000,
      '120 attempts',
    );
    expect(delivery.attempts).toHaveLength(120);
    expect(delivery.delivered).toBe(false);
    expect(delivery.attempts.every((a) => a.httpStatus === undefined && a.error)).toBe(true);
  });

  it('declines a payment nobody acts on when the threshold time passes', async () => {
    h = await startHarness({ thresholdSeconds: 0.3 });
    const id = freshPaymentId();
    await h.sale(id, 1000);
    const final = await h.waitForCallback(id, (c) => c.payment.status === 'decline', 5000);
    expect(final.operation).toMatchObject({ code: '20602', message: 'Time-out' });
    expect(await h.press(id, 'success')).toBe(409);
  });

  it('refuses the customer after the QR Code Timeout (410) and still declines at the threshold', async () => {
    h = await startHarness({ qrTimeoutSeconds: 1, thresholdSeconds: 1.6 });
    const id = freshPaymentId();
    await h.sale(id, 1000);
    const intermediate = await h.waitForCallback(id, (c) => c.display_data !== undefined);
    expect(intermediate.display_data?.find((d) => d.title === 'QR Code Timeout')?.data).toBe('1');
    // Gate reports the QR's life in whole seconds, one at least: wait until it has run out.
    const payment = h.sandbox.payment(PROJECT.id, id)!;
    await eventually(() => (Date.now() > payment.qrExpiresAt ? true : undefined), 3000, 'expiry');
    expect(await h.press(id, 'success')).toBe(410);
    const page = await fetch(h.sandbox.customerUrl(h.sandbox.payment(PROJECT.id, id)!)).then((r) =>
      r.text(),
    );
    expect(page).toContain('QR code expired');
    const final = await h.waitForCallback(id, (c) => c.payment.status === 'decline', 3000);
    expect(final.operation?.code).toBe('20602');
  });

  it('reports the QR Code Timeout in scaled seconds with a time scale', async () => {
    h = await startHarness({ timeScale: 0.01 });
    const id = freshPaymentId();
    await h.sale(id, 1000);
    const intermediate = await h.waitForCallback(id, (c) => c.display_data !== undefined);
    expect(intermediate.display_data?.find((d) => d.title === 'QR Code Timeout')?.data).toBe('6');
  });

  it('answers 3061 for a while after the sale when told to (Gate asks to wait 10 s)', async () => {
    h = await startHarness({ statusNotFoundSeconds: 0.3 });
    const id = freshPaymentId();
    const sent = Date.now();
    await h.sale(id, 1000);
    expect(await h.client.status(id)).toMatchObject({
      ok: true,
      value: { found: false, code: '3061' },
    });
    await expect
      .poll(() => h!.client.status(id), { timeout: 3000, interval: 25 })
      .toMatchObject({ ok: true, value: { found: true } });
    expect(Date.now() - sent).toBeGreaterThanOrEqual(300);
  });

  it('stops every timer when closed', async () => {
    h = await startHarness();
    await h.sale(freshPaymentId(), 1000);
    expect(h.sandbox.stats().timers).toBeGreaterThan(0);
    await h.close();
    expect(h.sandbox.stats().timers).toBe(0);
    h = undefined;
  });
});
