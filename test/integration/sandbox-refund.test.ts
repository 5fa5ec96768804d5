import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPaymentId, PROJECT, startHarness, type Harness } from '../support/sandbox-harness';

describe('refunds through the sandbox', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  async function paid(amount: number): Promise<string> {
    const id = freshPaymentId('paid');
    await h.sale(id, amount);
    await h.waitForCallback(id, (c) => c.display_data !== undefined);
    await h.press(id, 'success');
    await h.waitForCallback(id, (c) => c.payment.status === 'success');
    return id;
  }

  function refund(
    paymentId: string,
    amount: number | undefined,
    refundId = freshPaymentId('refund'),
  ) {
    return h.client.refund({
      paymentId,
      ...(amount !== undefined ? { amount } : {}),
      currency: 'CNY',
      description: 'customer returned goods',
      merchantRefundId: refundId,
      customerIp: '192.0.2.10',
      callbackUrl: h.listener.callbackUrl,
    });
  }

  const refundCallbacks = (id: string) =>
    h.callbacksFor(id).filter((c) => c.operation?.type === 'refund');

  it('refunds part, then the rest, with the payment status following', async () => {
    const id = await paid(10000);
    const first = await refund(id, 3000);
    expect(first.ok).toBe(true);
    const partial = await h.waitForCallback(
      id,
      (c) => c.operation?.type === 'refund' && c.operation.status === 'success',
    );
    expect(partial.payment.status).toBe('partially refunded');
    expect(partial.operation?.sum_initial).toEqual({ amount: 3000, currency: 'CNY' });

    await refund(id, 7000);
    const full = await h.waitForCallback(id, (c) => c.payment.status === 'refunded');
    expect(full.operation).toMatchObject({ type: 'refund', status: 'success', code: '0' });
    expect(h.sandbox.payment(PROJECT.id, id)?.refunded).toBe(10000);
  });

  it('refunds everything that remains when no amount is given', async () => {
    const id = await paid(4200);
    await refund(id, undefined);
    const full = await h.waitForCallback(id, (c) => c.payment.status === 'refunded');
    expect(full.operation?.sum_initial?.amount).toBe(4200);
  });

  it.each([50000, 50500])(
    'declines the test refund amount %i and leaves the payment paid',
    async (amount) => {
      const id = await paid(100000);
      expect((await refund(id, amount)).ok).toBe(true);
      const declined = await h.waitForCallback(id, (c) => c.operation?.type === 'refund');
      expect(declined.operation?.status).toBe('decline');
      expect(declined.payment.status).toBe('success');
      expect(h.sandbox.payment(PROJECT.id, id)?.refunded).toBe(0);
    },
  );

  it('declines a refund above what remains with 3283', async () => {
    const id = await paid(2000);
    await refund(id, 1500);
    await h.waitForCallback(id, (c) => c.payment.status === 'partially refunded');
    await refund(id, 600);
    const over = await h.waitForCallback(
      id,
      (c) => c.operation?.type === 'refund' && c.operation.status === 'decline',
    );
    expect(over.operation).toMatchObject({
      code: '3283',
      message: 'Refund amount more than init amount',
    });
    expect(h.sandbox.payment(PROJECT.id, id)?.refunded).toBe(1500);
  });

  it('counts refunds in flight, so two at once cannot exceed the payment', async () => {
    const id = await paid(1000);
    const [a, b] = await Promise.all([refund(id, 800), refund(id, 800)]);
    expect(a.ok && b.ok).toBe(true);
    await h.waitForCallback(id, () => refundCallbacks(id).length >= 2);
    const statuses = refundCallbacks(id)
      .map((c) => c.operation?.status)
      .sort();
    expect(statuses).toEqual(['decline', 'success']);
    expect(h.sandbox.payment(PROJECT.id, id)?.refunded).toBe(800);
  });

  it('rejects a repeated merchant_refund_id with 3230 and refunds only once', async () => {
    const id = await paid(5000);
    const refundId = freshPaymentId('same-refund');
    expect((await refund(id, 1000, refundId)).ok).toBe(true);
    const again = await refund(id, 1000, refundId);
    expect(again).toMatchObject({ ok: false, error: { kind: 'rejected', code: '3230' } });
    await h.waitForCallback(id, (c) => c.payment.status === 'partially refunded');
    expect(h.sandbox.payment(PROJECT.id, id)?.refunded).toBe(1000);
  });

  it('rejects a refund of an unknown payment (3061) and of an unpaid one (3060)', async () => {
    expect(await refund(freshPaymentId('nope'), 100)).toMatchObject({
      ok: false,
      error: { code: '3061' },
    });
    const pending = freshPaymentId();
    await h.sale(pending, 1000);
    expect(await refund(pending, 100)).toMatchObject({ ok: false, error: { code: '3060' } });
  });

  it('rejects a refund in another currency with 3284', async () => {
    const id = await paid(1000);
    const wrong = await h.client.refund({
      paymentId: id,
      amount: 100,
      currency: 'USD',
      description: 'x',
      merchantRefundId: freshPaymentId('r'),
      customerIp: '192.0.2.10',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: '3284' } });
  });

  it('shows refunds as operations in the status answer', async () => {
    const id = await paid(3000);
    await refund(id, 1000);
    await h.waitForCallback(id, (c) => c.payment.status === 'partially refunded');
    const status = await h.client.status(id);
    if (!status.ok || !status.value.found) throw new Error('expected a status');
    expect(status.value.status.operations.map((o) => [o.type, o.status])).toEqual([
      ['sale', 'success'],
      ['refund', 'success'],
    ]);
    expect(status.value.status.payment.status).toBe('partially refunded');
  });
});
