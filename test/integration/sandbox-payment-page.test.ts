import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPaymentPageUrl } from '../../src/main/gate';
import { hiddenQuery, postForm } from '../../src/cli/customer-simulator';
import { freshPaymentId, PROJECT, startHarness, type Harness } from '../support/sandbox-harness';

describe("Payment Page: the seed's test flow against the sandbox", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  function link(
    paymentId: string,
    extra: Record<string, string | number | boolean> = {},
    secret = PROJECT.secret,
  ): string {
    const url = buildPaymentPageUrl({
      baseUrl: h.sandbox.url,
      secret,
      params: {
        project_id: PROJECT.id,
        payment_id: paymentId,
        payment_amount: 1000,
        payment_currency: 'CNY',
        customer_id: 'customer1',
        language_code: 'zh',
        merchant_callback_url: h.listener.callbackUrl,
        ...extra,
      },
    });
    if (!url.ok) throw new Error(url.error.message);
    return url.value;
  }

  const form = (path: string, fields: Record<string, string>) =>
    postForm(h.sandbox.url, path, fields);
  const hidden = (html: string) => hiddenQuery(html) ?? '';

  it('choose Alipay, Pay, give a last name, press Success: paid, and the merchant gets the callback', async () => {
    const id = freshPaymentId('pp');
    const opened = await fetch(link(id));
    const methodPage = await opened.text();
    expect(opened.status).toBe(200);
    expect(methodPage).toContain('10.00 CNY');
    expect(methodPage).toContain('Choose a payment method');

    // Before the customer confirms the form, Gate does not know the payment.
    expect(await h.client.status(id)).toMatchObject({
      ok: true,
      value: { found: false, code: '3061' },
    });

    const alipay = await form('/payment/method', { q: hidden(methodPage), method: 'alipay' });
    expect(alipay.html).toContain('Pay with Alipay');
    const paid = await form('/payment/pay', { q: hidden(alipay.html) });
    expect(paid.status).toBe(303);
    expect(paid.location).toMatch(/^\/customer\/[0-9a-f]{32}$/);
    expect(await h.client.status(id)).toMatchObject({ ok: true, value: { found: true } });

    const customer = await fetch(`${h.sandbox.url}${paid.location}`).then((r) => r.text());
    expect(customer).toContain('name="last_name"');
    expect((await form(paid.location!, { action: 'success' })).status).toBe(400); // last name is required
    expect((await form(paid.location!, { action: 'success', last_name: 'Zhang' })).status).toBe(
      303,
    );

    const final = await h.waitForCallback(id, (c) => c.payment.status === 'success');
    expect(final.operation).toMatchObject({ type: 'sale', code: '0' });
    expect(h.sandbox.payment(PROJECT.id, id)?.source).toBe('payment_page');
  });

  it('with force_payment_method=alipay goes straight to the Alipay step', async () => {
    const html = await fetch(link(freshPaymentId('pp'), { force_payment_method: 'alipay' })).then(
      (r) => r.text(),
    );
    expect(html).toContain('Pay with Alipay');
    expect(html).not.toContain('Choose a payment method');
  });

  it('declines the test amount 40000 whatever the customer presses', async () => {
    const id = freshPaymentId('pp');
    const page = await fetch(
      link(id, { payment_amount: 40000, force_payment_method: 'alipay' }),
    ).then((r) => r.text());
    const paid = await form('/payment/pay', { q: hidden(page) });
    await form(paid.location!, { action: 'success', last_name: 'Li' });
    const final = await h.waitForCallback(id, (c) => c.payment.status === 'decline');
    expect(final.operation?.code).toBe('20105');
  });

  it('refuses a link with a wrong signature (3261), none (3262), or a missing parameter (2004)', async () => {
    const bad = await fetch(link(freshPaymentId('pp'), {}, 'wrong-secret'));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('3261 Invalid signature');

    const unsigned = link(freshPaymentId('pp')).replace(/&signature=[^&]*$/, '');
    expect(await fetch(unsigned).then((r) => r.text())).toContain('3262 Empty signature');

    const url = buildPaymentPageUrl({
      baseUrl: h.sandbox.url,
      secret: PROJECT.secret,
      params: {
        project_id: PROJECT.id,
        payment_id: 'x',
        payment_amount: 1000,
        payment_currency: 'CNY',
        language_code: 'zh',
      },
    });
    if (!url.ok) throw new Error('expected a URL');
    expect(await fetch(url.value).then((r) => r.text())).toContain(
      '2004 Required field not provided: customer_id',
    );
  });

  it('refuses an unknown project (2442) and an expired best_before', async () => {
    const other = link(freshPaymentId('pp'), { project_id: 31337 });
    expect(await fetch(other).then((r) => r.text())).toContain('2442');
    const expired = await fetch(
      link(freshPaymentId('pp'), { best_before: '2020-04-26T13:50:37+00:00' }),
    );
    expect(expired.status).toBe(400);
    expect(await expired.text()).toContain('best_before');
  });

  it('ignores unsigned top-level _-parameters and accepts true/false written for signed 1/0', async () => {
    const withTracking = `${link(freshPaymentId('pp'))}&_plugin_version=1.2.3`;
    expect((await fetch(withTracking)).status).toBe(200);
    const booleanLink = link(freshPaymentId('pp'), { close_on_missclick: true }).replace(
      'close_on_missclick=1',
      'close_on_missclick=true',
    );
    expect((await fetch(booleanLink)).status).toBe(200);
  });

  it('a Payment Page payment id already used by a Gate sale is refused with 3041', async () => {
    const id = freshPaymentId('pp');
    await h.sale(id, 1000);
    expect(await fetch(link(id)).then((r) => r.text())).toContain('3041');
  });
});
