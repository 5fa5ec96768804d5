import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerInstructions } from '../../src/main/gate';
import { freshPaymentId, PROJECT, startHarness, type Harness } from '../support/sandbox-harness';

describe('sale through the sandbox over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('acknowledges, sends the QR, and settles as paid when the customer presses Success', async () => {
    const id = freshPaymentId();
    const ack = await h.sale(id, 1000);
    expect(ack).toMatchObject({ ok: true, value: { status: 'success', payment_id: id } });
    const intermediate = await h.waitForCallback(id, (c) => c.display_data !== undefined);
    expect(intermediate.payment.status).toBe('awaiting customer action');
    const instructions = customerInstructions(intermediate);
    expect(instructions?.qr.kind).toBe('qr_data');
    expect(instructions?.qrTimeoutSeconds).toBe(600);

    expect(await h.press(id, 'success')).toBe(303);
    const final = await h.waitForCallback(id, (c) => c.payment.status === 'success');
    expect(final.operation).toMatchObject({
      type: 'sale',
      status: 'success',
      code: '0',
      message: 'Success',
    });
    expect(final.operation?.request_id).toBe(ack.ok ? ack.value.request_id : '');
    expect(final.operation?.sum_initial).toEqual({ amount: 1000, currency: 'CNY' });
    expect(final.project_id).toBe(String(PROJECT.id));

    const status = await h.client.status(id);
    expect(status).toMatchObject({
      ok: true,
      value: { found: true, status: { payment: { status: 'success' } } },
    });
  });

  it('settles as declined with "General decline" when the customer presses Decline', async () => {
    const id = freshPaymentId();
    await h.sale(id, 2500);
    await h.waitForCallback(id, (c) => c.display_data !== undefined);
    await h.press(id, 'decline');
    const final = await h.waitForCallback(id, (c) => c.payment.status === 'decline');
    expect(final.operation).toMatchObject({ code: '100', message: 'General decline' });
  });

  it.each([40000, 40400])(
    'declines the test amount %i even when the customer presses Success',
    async (amount) => {
      const id = freshPaymentId();
      await h.sale(id, amount);
      await h.waitForCallback(id, (c) => c.display_data !== undefined);
      await h.press(id, 'success');
      const final = await h.waitForCallback(id, (c) => c.payment.status === 'decline');
      expect(final.operation).toMatchObject({
        code: '20105',
        message: 'Insufficient funds on customer account',
      });
    },
  );

  it('answers 3061 for a payment it does not know', async () => {
    const status = await h.client.status(freshPaymentId('never-sent'));
    expect(status).toEqual({
      ok: true,
      value: { found: false, code: '3061', message: 'Transaction not found' },
    });
  });

  it('refuses a second press once the payment is final (409) and keeps the result', async () => {
    const id = freshPaymentId();
    await h.sale(id, 1000);
    await h.waitForCallback(id, (c) => c.display_data !== undefined);
    expect(await h.press(id, 'success')).toBe(303);
    expect(await h.press(id, 'decline')).toBe(409);
    expect(h.sandbox.payment(PROJECT.id, id)?.status).toBe('success');
  });

  it('serves the customer page as HTML with Success and Decline buttons and the amount', async () => {
    const id = freshPaymentId();
    await h.sale(id, 123456);
    const payment = h.sandbox.payment(PROJECT.id, id)!;
    const res = await fetch(h.sandbox.customerUrl(payment));
    const html = await res.text();
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('1,234.56 CNY');
    expect(html).toMatch(/<button[^>]*value="success"/);
    expect(html).toMatch(/<button[^>]*value="decline"/);
  });

  it('keeps several projects apart, each with its own secret', async () => {
    const other = { id: 777, secret: 'other-secret' };
    const multi = await startHarness({ projects: [PROJECT, other] });
    try {
      const id = freshPaymentId();
      expect((await multi.sale(id, 1000)).ok).toBe(true);
      // Same payment id in another project is not a duplicate; its own secret signs it.
      const { createGateClient } = await import('../../src/main/gate');
      const otherClient = createGateClient({
        baseUrl: multi.sandbox.url,
        projectId: other.id,
        secret: other.secret,
      });
      const ack = await otherClient.sale({
        paymentId: id,
        amount: 1000,
        currency: 'CNY',
        description: 'x',
        customerId: 'c',
        customerIp: '192.0.2.10',
        returnUrls: { return: 'https://shop.example/return' },
      });
      expect(ack.ok).toBe(true);
      // The first project's secret does not sign for the second project.
      const wrong = createGateClient({
        baseUrl: multi.sandbox.url,
        projectId: other.id,
        secret: PROJECT.secret,
      });
      const refused = await wrong.status(id);
      expect(refused).toMatchObject({ ok: false, error: { kind: 'rejected', code: '3261' } });
      otherClient.close();
      wrong.close();
    } finally {
      await multi.close();
    }
  });
});
