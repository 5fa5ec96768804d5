import { describe, expect, it } from 'vitest';
import { buildPaymentPageUrl } from '../../../src/main/gate';
import { verify } from '../../../src/protocol/signer';
import { loadEcommpaySdk } from '../../support/ecommpay-sdk';
import { loadSignatureVectors } from '../../support/shared-docs';

const sdk = loadEcommpaySdk();

function queryOf(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url).searchParams);
}

describe('Payment Page URL', () => {
  it('reproduces the official V8 link signature', () => {
    const v8 = loadSignatureVectors().find((v) => v.name === 'V8')!;
    const url = buildPaymentPageUrl({
      secret: v8.secret,
      params: v8.params as Record<string, string | number>,
    });
    if (!url.ok) throw new Error(url.error.message);
    expect(url.value.startsWith('https://paymentpage.ecommpay.com/payment?')).toBe(true);
    expect(queryOf(url.value)['signature']).toBe(v8.signature);
  });

  it('puts signature last, URL-encoded, and writes booleans as 1/0', () => {
    const url = buildPaymentPageUrl({
      baseUrl: 'http://127.0.0.1:8080/',
      secret: 's',
      params: {
        project_id: 1,
        payment_id: 'A B&C',
        payment_amount: 1000,
        payment_currency: 'CNY',
        close_on_missclick: true,
        redirect: false,
      },
    });
    if (!url.ok) throw new Error(url.error.message);
    expect(url.value).toMatch(
      /^http:\/\/127\.0\.0\.1:8080\/payment\?project_id=1&payment_id=A%20B%26C&payment_amount=1000&payment_currency=CNY&close_on_missclick=1&redirect=0&signature=[A-Za-z0-9%]+$/,
    );
    const signature = url.value.split('&signature=')[1]!;
    expect(signature).not.toMatch(/[+/=]/);
    expect(verify(queryOf(url.value), 's')).toMatchObject({ valid: true });
  });

  it("is verified by ecommpay's own JS signer", () => {
    const params = {
      project_id: 120,
      payment_id: '580',
      payment_amount: 1000,
      payment_currency: 'CNY',
      customer_id: 'customer1',
      language_code: 'zh',
      force_payment_method: 'alipay',
    };
    const url = buildPaymentPageUrl({ secret: 'sdk-secret', params });
    if (!url.ok) throw new Error(url.error.message);
    expect(queryOf(url.value)['signature']).toBe(sdk.signer(params, 'sdk-secret'));
  });

  it('does not double "/payment" when the base already ends with it', () => {
    const url = buildPaymentPageUrl({
      baseUrl: 'https://pp.example/payment',
      secret: 's',
      params: { project_id: 1 },
    });
    expect(
      url.ok && url.value.startsWith('https://pp.example/payment?project_id=1&signature='),
    ).toBe(true);
  });

  it('refuses ";" in names and values, a "signature" parameter, and non-finite numbers', () => {
    expect(
      buildPaymentPageUrl({ secret: 's', params: { payment_description: 'tea; cake' } }),
    ).toEqual({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: 'Payment Page forbids ";" in parameters: "payment_description" contains one.',
      },
    });
    expect(buildPaymentPageUrl({ secret: 's', params: { 'a;b': 1 } })).toMatchObject({ ok: false });
    expect(buildPaymentPageUrl({ secret: 's', params: { signature: 'x' } })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('signature') },
    });
    expect(
      buildPaymentPageUrl({ secret: 's', params: { payment_amount: Number.POSITIVE_INFINITY } }),
    ).toMatchObject({ ok: false });
  });
});
