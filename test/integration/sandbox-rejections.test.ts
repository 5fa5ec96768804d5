import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../src/protocol/signer';
import { freshPaymentId, PROJECT, startHarness, type Harness } from '../support/sandbox-harness';

/** Posts a raw body to the sandbox's sale endpoint, signed as given. */
async function postSale(
  h: Harness,
  body: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${h.sandbox.url}/v2/payment/wallet/alipay/sale`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

function saleBody(
  paymentId: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    general: { project_id: PROJECT.id, payment_id: paymentId },
    customer: { id: 'c1', ip_address: '192.0.2.10' },
    payment: { amount: 1000, currency: 'CNY', description: 'x' },
    return_url: { return: 'https://shop.example/return' },
    ...overrides,
  };
}

function signed(body: Record<string, unknown>, secret = PROJECT.secret): Record<string, unknown> {
  const general = { ...(body['general'] as object), signature: sign(body, secret) };
  return { ...body, general };
}

describe('sandbox rejections with ecommpay codes', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('rejects a repeated payment_id with 3041 and keeps the first payment', async () => {
    const id = freshPaymentId();
    expect((await h.sale(id, 1000)).ok).toBe(true);
    const again = await h.sale(id, 2000);
    expect(again).toMatchObject({
      ok: false,
      error: {
        kind: 'rejected',
        code: '3041',
        message: 'Payment ID already exists',
        httpStatus: 400,
      },
    });
    expect(h.sandbox.payment(PROJECT.id, id)?.amount).toBe(1000);
  });

  it('rejects a missing signature with 3262 "Empty signature"', async () => {
    const answer = await postSale(h, saleBody(freshPaymentId()));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      status: 'error',
      code: '3262',
      message: 'Empty signature',
    });
  });

  it('rejects an empty signature with 3262', async () => {
    const body = saleBody(freshPaymentId());
    const answer = await postSale(h, {
      ...body,
      general: { ...(body['general'] as object), signature: '' },
    });
    expect(answer.json).toMatchObject({ code: '3262' });
  });

  it('rejects a wrong signature with 3261 "Invalid signature" and creates nothing', async () => {
    const id = freshPaymentId();
    const answer = await postSale(h, signed(saleBody(id), 'not-the-secret'));
    expect(answer.json).toMatchObject({
      status: 'error',
      code: '3261',
      message: 'Invalid signature',
    });
    expect(h.sandbox.payment(PROJECT.id, id)).toBeUndefined();
  });

  it('rejects a body changed after signing with 3261', async () => {
    const body = signed(saleBody(freshPaymentId()));
    (body['payment'] as Record<string, unknown>)['amount'] = 1;
    expect((await postSale(h, body)).json).toMatchObject({ code: '3261' });
  });

  it('rejects an unknown project with 2442', async () => {
    const body = saleBody(freshPaymentId());
    (body['general'] as Record<string, unknown>)['project_id'] = 999999;
    expect((await postSale(h, signed(body))).json).toMatchObject({
      code: '2442',
      message: expect.stringContaining('Project ID not found'),
    });
  });

  it.each([
    'general.payment_id',
    'payment.amount',
    'payment.currency',
    'customer.id',
    'customer.ip_address',
  ])('rejects a sale without %s with 2004 naming the field', async (path) => {
    const body = saleBody(freshPaymentId());
    const [block, key] = path.split('.') as [string, string];
    delete (body[block] as Record<string, unknown>)[key];
    const answer = await postSale(h, signed(body));
    expect(answer.json).toMatchObject({
      code: '2004',
      message: `Required field not provided: ${path}`,
    });
    expect(answer.json['errors']).toEqual([expect.objectContaining({ field: path })]);
  });

  it('refuses a sale without return_url.return, naming the field (2004), as Gate refuses a missing required field', async () => {
    const { return_url: _r, ...withoutReturn } = saleBody(freshPaymentId());
    const answer = await postSale(h, signed(withoutReturn));
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      code: '2004',
      message: 'Required field not provided: return_url.return',
      errors: [{ field: 'return_url.return' }],
    });
    const notUrl = await postSale(
      h,
      signed(saleBody(freshPaymentId(), { return_url: { return: 'shop/return' } })),
    );
    expect(notUrl.json).toMatchObject({ code: '502', errors: [{ field: 'return_url.return' }] });
  });

  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['localhost', 'not an IPv4 or IPv6 address'],
    ['300.1.2.3', 'not an IPv4 or IPv6 address'],
  ])('refuses the customer ip_address %s (%s) with 502, naming the field', async (ip, why) => {
    const answer = await postSale(
      h,
      signed(saleBody(freshPaymentId(), { customer: { id: 'c1', ip_address: ip } })),
    );
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      code: '502',
      message: expect.stringContaining(why),
      errors: [{ field: 'customer.ip_address' }],
    });
  });

  it('refuses a body that is not sent as application/json (2003), whatever it holds', async () => {
    const res = await fetch(`${h.sandbox.url}/v2/payment/wallet/alipay/sale`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: JSON.stringify(signed(saleBody(freshPaymentId()))),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      code: '2003',
      message: expect.stringContaining('application/json'),
    });
  });

  it('rejects malformed JSON with 2003', async () => {
    expect((await postSale(h, '{"general":')).json).toMatchObject({ code: '2003' });
  });

  it('rejects amounts that are not positive integers, and amounts outside Alipay limits', async () => {
    for (const amount of [0, -100, 10.5, '1000']) {
      const answer = await postSale(
        h,
        signed(
          saleBody(freshPaymentId(), { payment: { amount, currency: 'CNY', description: 'x' } }),
        ),
      );
      expect(answer.json).toMatchObject({ code: '502' });
    }
    const tooSmall = await postSale(
      h,
      signed(saleBody(freshPaymentId(), { payment: { amount: 999, currency: 'CNY' } })),
    );
    expect(tooSmall.json).toMatchObject({
      code: '502',
      message: expect.stringContaining('limits'),
    });
    const tooLarge = await postSale(
      h,
      signed(saleBody(freshPaymentId(), { payment: { amount: 500001, currency: 'CNY' } })),
    );
    expect(tooLarge.json).toMatchObject({ code: '502' });
    const badCurrency = await postSale(
      h,
      signed(saleBody(freshPaymentId(), { payment: { amount: 1000, currency: 'RUB' } })),
    );
    expect(badCurrency.json).toMatchObject({
      code: '502',
      message: expect.stringContaining('RUB'),
    });
  });

  it('the client maps each rejection to kind "rejected" with Gate code and message', async () => {
    const { createGateClient } = await import('../../src/main/gate');
    const wrong = createGateClient({
      baseUrl: h.sandbox.url,
      projectId: PROJECT.id,
      secret: 'wrong',
    });
    const answer = await wrong.sale({
      paymentId: freshPaymentId(),
      amount: 1000,
      currency: 'CNY',
      description: 'x',
      customerId: 'c',
      customerIp: '192.0.2.10',
      returnUrls: { return: 'https://shop.example/return' },
    });
    expect(answer).toEqual({
      ok: false,
      error: {
        kind: 'rejected',
        httpStatus: 400,
        code: '3261',
        message: 'Invalid signature',
        field: 'general.signature',
      },
    });
    wrong.close();
  });
});
