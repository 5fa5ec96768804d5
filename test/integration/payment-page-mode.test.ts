import { afterEach, describe, expect, it } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import { verify } from '../../src/protocol/signer';
import { payOnPaymentPage } from '../../src/cli/customer-simulator';
import { createSandbox } from '../../src/sandbox';
import {
  charge,
  startDemoCounter,
  tempDataDir,
  TEST_PROJECT,
  TEST_SECRET,
  postCallback,
  saleCallback,
  waitForPayment,
} from '../support/counter-harness';

/** Payment Page link mode: no sale request to Gate; polling learns the result. */
describe('Payment Page link mode', () => {
  let counter: Counter | undefined;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });

  const start = (overrides: Record<string, unknown> = {}) =>
    startDemoCounter({
      settingsOverrides: { purchaseMode: 'payment_page', ...overrides },
      paymentPagePollMs: 100,
      notFoundGraceMs: 200,
    });

  it('journals the payment, shows a signed link as the QR, and learns the payment by polling', async () => {
    counter = await start();
    const started = await charge(counter, '66.00');
    expect(started).toMatchObject({
      state: 'awaiting_customer',
      mode: 'payment_page',
      qr: { kind: 'text' },
    });
    const link = started.qr?.kind === 'text' ? started.qr.text : '';
    const url = new URL(link);
    expect(`${url.origin}${url.pathname}`).toBe(`${counter.sandbox!.url}/payment`);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toMatchObject({
      project_id: String(TEST_PROJECT),
      payment_id: started.id,
      payment_amount: '6600',
      payment_currency: 'CNY',
      // One customer id per sale: a single id for every walk-in looks like one person to risk checks.
      customer_id: `walk-in-${started.id}`,
      language_code: 'zh',
      force_payment_method: 'alipay',
      best_before: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/),
    });
    expect(verify(params, TEST_SECRET)).toMatchObject({ valid: true });
    expect(Date.parse(params['best_before']!) - Date.now()).toBeGreaterThan(590_000);
    expect(counter.journal.transitionsOf(started.id).map((t) => t.to)).toEqual([
      'created',
      'awaiting_customer',
    ]);

    // Until the customer confirms the form, Gate answers "not found": the payment just waits.
    // It is asked about one request at a time: the third proves two answers were applied (or
    // it moved on, wrongly, before that).
    const asked = counter.sandbox!.stats().requests.status;
    const waited = () =>
      counter!.sandbox!.stats().requests.status >= asked + 3 ||
      counter!.journal.get(started.id)?.state !== 'awaiting_customer';
    await expect.poll(waited, { timeout: 5000 }).toBe(true);
    expect(counter.journal.get(started.id)?.state).toBe('awaiting_customer');
    await payOnPaymentPage(link, 'success');
    const paid = await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
    expect(paid.gateCode).toBe('0');
    expect(counter.sandbox!.stats().requests.sale).toBe(0);
    expect(counter.sandbox!.payment(TEST_PROJECT, started.id)?.source).toBe('payment_page');
  });

  it('a declined Payment Page purchase (400.00 CNY) ends declined', async () => {
    counter = await start();
    const started = await charge(counter, '400.00');
    await payOnPaymentPage(started.qr?.kind === 'text' ? started.qr.text : '', 'success');
    const declined = await waitForPayment(counter, started.id, (p) => p.state === 'declined');
    expect(declined.gateMessage).toBe('Insufficient funds on customer account');
  });

  it('expires when the link lifetime ends unpaid; a success reported afterwards raises the late alert', async () => {
    counter = await start({ paymentPageLifetimeSeconds: 1 });
    const started = await charge(counter, '33.00');
    const expired = await waitForPayment(counter, started.id, (p) => p.state === 'expired', 4000);
    expect(expired.gateMessage).toMatch(/did not pay before the link expired; nothing was charged/);
    // The link itself is refused once best_before has passed.
    const page = await fetch(started.qr?.kind === 'text' ? started.qr.text : '');
    expect(page.status).toBe(400);
    await counter.handlers['session:new-sale']({});

    // Gate reports a success for it after all (for example processed at the last second).
    expect(await postCallback(counter, saleCallback(started.id, 3300, 'success'))).toBe(200);
    const late = await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
    expect(late.lateAlert).toBe('open');
  });

  it.each([
    ['expired screen still up', false],
    ['after a restart and a new sale', true],
  ])(
    'a last-second payment is found by polling after expiry, with no callback, and alerts (%s)',
    async (_, restart) => {
      // Gate answers 3061 for 2 s after the payment appears and no callback ever arrives: the
      // link expires first, and only the status poll can learn of the charge.
      const sandbox = await createSandbox({
        projects: [{ id: TEST_PROJECT, secret: TEST_SECRET }],
        statusNotFoundSeconds: 2,
        faults: { dropCallbacks: true },
      });
      try {
        const dataDir = tempDataDir();
        const config = {
          sandboxUrl: sandbox.url,
          settingsOverrides: { purchaseMode: 'payment_page', paymentPageLifetimeSeconds: 1 },
          paymentPagePollMs: 100,
          notFoundGraceMs: 200,
        } as const;
        counter = await startDemoCounter({ ...config, dataDir });
        const started = await charge(counter, '44.00');
        await payOnPaymentPage(started.qr?.kind === 'text' ? started.qr.text : '', 'success');
        await waitForPayment(counter, started.id, (p) => p.state === 'expired', 4000);
        if (restart) {
          // The counter is closed right after the expiry: the next start still watches the link.
          await counter.close();
          counter = await startDemoCounter({ ...config, dataDir });
          await counter.handlers['session:new-sale']({});
        }
        // Without a restart the cashier leaves the "expired" screen up: the success that comes
        // afterwards is still a late payment (the customer may have paid another way meanwhile).

        const paid = await waitForPayment(
          counter,
          started.id,
          (p) => p.state === 'succeeded',
          8000,
        );
        expect(paid.lateAlert).toBe('open');
        expect(paid.settledAt).toBeGreaterThan(paid.qrExpiresAt!);
        expect(counter.journal.transitionsOf(started.id).map((t) => t.to)).toEqual([
          'created',
          'awaiting_customer',
          'expired',
          'succeeded',
        ]);
      } finally {
        await counter?.close();
        counter = undefined;
        await sandbox.close();
      }
    },
  );

  it('a link the counter never showed (it stopped right after journaling the sale) expires after a restart', async () => {
    const dataDir = tempDataDir();
    const config = {
      settingsOverrides: { purchaseMode: 'payment_page' },
      paymentPagePollMs: 100,
      notFoundGraceMs: 200,
    } as const;
    counter = await startDemoCounter({ ...config, dataDir });
    // What a crash between the journal row and the link leaves: a payment with no QR.
    counter.journal.create(
      {
        id: 'DEMO-CRASHED-1',
        projectId: TEST_PROJECT,
        terminalId: 'DEMO',
        amount: 2000,
        currency: 'CNY',
        createdAt: Date.now(),
        mode: 'payment_page',
      },
      'cashier pressed Charge (Payment Page link)',
    );
    await counter.close();
    counter = await startDemoCounter({ ...config, dataDir });
    const expired = await waitForPayment(counter, 'DEMO-CRASHED-1', (p) => p.state === 'expired');
    expect(expired.qrExpiresAt).toBeNull();
    expect(counter.journal.openPayments()).toEqual([]);
  });

  it('keeps asking about an expired link: a customer who confirmed at the last second can still be charged', async () => {
    counter = await start({ paymentPageLifetimeSeconds: 1, thresholdSeconds: 1 });
    const started = await charge(counter, '12.00');
    await waitForPayment(counter, started.id, (p) => p.state === 'expired', 4000);
    const statusRequests = () => counter!.sandbox!.stats().requests.status;
    const atExpiry = statusRequests();
    await expect.poll(statusRequests, { timeout: 5000 }).toBeGreaterThan(atExpiry);
    expect(counter.journal.get(started.id)?.state).toBe('expired');
    // When the asking stops (the threshold time after the expiry) is checked on a clock the
    // test moves, in test/unit/payments/status-reconciler.test.ts.
  });

  it('with auto, a live counter without a callback URL uses the link; with one, Gate QR', async () => {
    const { effectivePurchaseMode, DEFAULT_SETTINGS } =
      await import('../../src/main/settings/settings');
    expect(effectivePurchaseMode(DEFAULT_SETTINGS, false)).toBe('payment_page');
    expect(
      effectivePurchaseMode(
        { ...DEFAULT_SETTINGS, callbackPublicUrl: 'https://shop.example/cb' },
        false,
      ),
    ).toBe('gate_qr');
    expect(effectivePurchaseMode(DEFAULT_SETTINGS, true)).toBe('gate_qr');
    expect(
      effectivePurchaseMode(
        {
          ...DEFAULT_SETTINGS,
          purchaseMode: 'payment_page',
          callbackPublicUrl: 'https://x.example',
        },
        false,
      ),
    ).toBe('payment_page');
  });
});
