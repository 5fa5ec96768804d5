import { afterEach, describe, expect, it } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import type { PaymentView, SessionView } from '../../src/shared/ipc/views';
import {
  charge,
  pressOnSandbox,
  startDemoCounter,
  TEST_PROJECT,
  postCallback,
  saleCallback,
  waitForPayment,
} from '../support/counter-harness';

describe('the counter against the sandbox over HTTP', () => {
  let counter: Counter | undefined;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });
  const sandbox = () => counter!.sandbox!;

  it('a paid sale: journal first, QR from the intermediate callback, paid from the final one', async () => {
    counter = await startDemoCounter();
    const sessions: SessionView[] = [];
    counter.events.on('session:changed', (s) => sessions.push(s));
    const started = await charge(counter, '88.00');
    expect(started).toMatchObject({ amount: 8800, currency: 'CNY' });
    const waiting = await waitForPayment(
      counter,
      started.id,
      (p) => p.state === 'awaiting_customer',
    );
    expect(waiting.qr).toEqual({
      kind: 'text',
      text: sandbox().customerUrl(sandbox().payment(TEST_PROJECT, started.id)!),
    });
    expect(waiting.qrExpiresAt! - Date.now()).toBeGreaterThan(590_000);

    expect(await pressOnSandbox(sandbox(), started.id, 'success')).toBe(303);
    const paid = await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
    expect(paid).toMatchObject({ gateCode: '0', gateMessage: 'Success', lateAlert: null });
    expect(counter.journal.transitionsOf(started.id).map((t) => t.to)).toEqual([
      'created',
      'requested',
      'awaiting_customer',
      'succeeded',
    ]);
    expect(sessions.at(-1)?.active).toMatchObject({ id: started.id, state: 'succeeded' });
    expect(sandbox().stats().requests.sale).toBe(1);
  });

  it("a declined sale (40000) carries Gate's message", async () => {
    counter = await startDemoCounter();
    const started = await charge(counter, '400.00');
    await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
    await pressOnSandbox(sandbox(), started.id, 'success');
    const declined = await waitForPayment(counter, started.id, (p) => p.state === 'declined');
    expect(declined).toMatchObject({
      gateCode: '20105',
      gateMessage: 'Insufficient funds on customer account',
    });
  });

  it('refuses a bad amount before anything is journaled or sent', async () => {
    counter = await startDemoCounter();
    const result = await counter.handlers['payments:charge']({ amount: '12.345', currency: 'CNY' });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'INVALID_AMOUNT',
        message: 'CNY has 2 decimal places: "12.345" has 3.',
        said: {
          id: 'cashier.amount.tooManyDecimals',
          values: { count: 3, currency: 'CNY', places: 2, text: '12.345' },
        },
      },
    });
    expect(counter.journal.page(10)).toEqual([]);
    expect(sandbox().stats().requests.sale).toBe(0);
  });

  it('lost callbacks: status polling settles the payment', async () => {
    counter = await startDemoCounter();
    sandbox().setFaults({ dropCallbacks: true });
    const started = await charge(counter, '20.00');
    await pressOnSandbox(sandbox(), started.id, 'success');
    const paid = await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
    expect(paid.gateCode).toBe('0');
    expect(counter.journal.transitionsOf(started.id).at(-1)?.cause).toBe('status: success');
  });

  it('duplicate and out-of-order callbacks: applied once, final state kept', async () => {
    counter = await startDemoCounter();
    sandbox().setFaults({ duplicateCallbacks: 2, finalBeforeIntermediate: true });
    const started = await charge(counter, '21.00');
    await pressOnSandbox(sandbox(), started.id, 'success');
    await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
    await sandbox().idle();
    // Six deliveries, two distinct bodies: each recorded once, its copies counted.
    await waitForPayment(
      counter,
      started.id,
      () => counter!.journal.callbacksOf(started.id).reduce((n, c) => n + c.copies, 0) >= 6,
    );
    const recorded = counter.journal.callbacksOf(started.id);
    expect(recorded.map((c) => [c.outcome, c.copies])).toEqual([
      ['applied: requested → succeeded', 3],
      ['ignored: already succeeded', 3],
    ]);
    expect(counter.journal.transitionsOf(started.id).map((t) => t.to)).toEqual([
      'created',
      'requested',
      'succeeded',
    ]);
  });

  it.each([
    ['5xx after Gate processed it', '5xx_after'],
    ['connection cut after Gate processed it', 'cut_after'],
    ['no answer in time', 'slow'],
  ] as const)(
    '%s: outcome unknown, reconciled by status, never sent twice',
    async (_name, action) => {
      counter = await startDemoCounter({ gateTimeoutMs: 300 });
      sandbox().setFaults({ requests: [{ endpoint: 'sale', action, ms: 1000 }] });
      const started = await charge(counter, '22.00');
      // Unknown, unless the intermediate callback already proved Gate has the sale.
      expect(['unknown', 'awaiting_customer']).toContain(started.state);
      await pressOnSandbox(sandbox(), started.id, 'success');
      await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
      expect(sandbox().stats().requests.sale).toBe(1);
      const path = counter.journal.transitionsOf(started.id).map((t) => t.to);
      expect(path).not.toContain('rejected');
    },
  );

  it('5xx before Gate processed it: unknown, then "not found" past the grace period → not charged', async () => {
    counter = await startDemoCounter({ notFoundGraceMs: 400 });
    sandbox().setFaults({ requests: [{ endpoint: 'sale', action: '5xx_before' }] });
    const started = await charge(counter, '23.00');
    expect(started.state).toBe('unknown');
    const rejected = await waitForPayment(counter, started.id, (p) => p.state === 'rejected');
    expect(rejected.gateMessage).toMatch(
      /no record of this sale \(3061 Transaction not found\); nothing was charged/,
    );
    expect(sandbox().stats().requests.sale).toBe(1);
  });

  it('Gate unreachable (nothing listening): rejected at once, nothing can have been charged', async () => {
    counter = await startDemoCounter({ sandboxUrl: 'http://127.0.0.1:9' });
    const result = await charge(counter, '24.00');
    expect(result).toMatchObject({
      state: 'rejected',
      gateCode: 'NETWORK',
      gateMessage: expect.stringContaining('connection refused'),
    });
  });

  it('cancel keeps tracking; a late success raises the alert; Keep closes it', async () => {
    counter = await startDemoCounter();
    const late: PaymentView[] = [];
    counter.events.on('payments:late', (p) => late.push(p));
    const started = await charge(counter, '25.00');
    await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
    const cancelled = await counter.handlers['payments:cancel']({ paymentId: started.id });
    expect(cancelled).toMatchObject({
      ok: true,
      value: { state: 'awaiting_customer', cancelledAt: expect.any(Number) },
    });
    expect(await counter.handlers['session:new-sale']({})).toMatchObject({
      ok: true,
      value: { active: null },
    });

    await pressOnSandbox(sandbox(), started.id, 'success');
    const paid = await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
    expect(paid.lateAlert).toBe('open');
    expect(late.map((p) => p.id)).toEqual([started.id]);
    expect(await counter.handlers['session:get']({})).toMatchObject({
      ok: true,
      value: { lateAlerts: [{ id: started.id }] },
    });

    expect(await counter.handlers['payments:keep-late']({ paymentId: started.id })).toMatchObject({
      ok: true,
      value: { lateAlert: 'kept', state: 'succeeded' },
    });
    expect(await counter.handlers['session:get']({})).toMatchObject({
      ok: true,
      value: { lateAlerts: [] },
    });
    expect(counter.journal.auditLog().map((e) => e.action)).toEqual(
      expect.arrayContaining(['sale cancelled', 'late payment', 'late payment kept']),
    );
    expect(await counter.handlers['payments:keep-late']({ paymentId: started.id })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
  });

  it('one sale at a time: another Charge while the QR is live is refused with BUSY', async () => {
    counter = await startDemoCounter();
    const started = await charge(counter, '26.00');
    await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
    expect(
      await counter.handlers['payments:charge']({ amount: '10.00', currency: 'CNY' }),
    ).toMatchObject({ ok: false, error: { code: 'BUSY' } });
    expect(await counter.handlers['session:new-sale']({})).toMatchObject({
      ok: false,
      error: { code: 'BUSY' },
    });
  });

  it('an expired QR lets the cashier move on; the threshold decline still arrives', async () => {
    counter = await startDemoCounter({
      demo: { sandbox: { qrTimeoutSeconds: 1, thresholdSeconds: 2 } },
    });
    const started = await charge(counter, '27.00');
    const waiting = await waitForPayment(
      counter,
      started.id,
      (p) => p.state === 'awaiting_customer',
    );
    expect(waiting.qrExpiresAt! - Date.now()).toBeLessThanOrEqual(1000);
    // Gate gives the QR whole seconds (one at least): wait until its expiry has passed.
    await expect.poll(() => Date.now() >= waiting.qrExpiresAt!, { timeout: 2000 }).toBe(true);
    expect(await counter.handlers['session:new-sale']({})).toMatchObject({ ok: true });
    const declined = await waitForPayment(counter, started.id, (p) => p.state === 'declined', 4000);
    expect(declined.gateCode).toBe('20602');
  });

  it('a POST redirect becomes a clear "cannot be scanned" screen, and the cashier may leave it', async () => {
    counter = await startDemoCounter({ demo: { sandbox: { qrMode: 'redirect_post' } } });
    const started = await charge(counter, '28.00');
    const waiting = await waitForPayment(
      counter,
      started.id,
      (p) => p.state === 'awaiting_customer',
    );
    // One plain sentence for the cashier; the change to ask ecommpay for goes to the timeline.
    expect(waiting.qr).toMatchObject({
      kind: 'unscannable',
      message: { id: 'cashier.qr.unscannable.webForm' },
    });
    expect(
      counter.journal.transitionsOf(started.id).some((t) => t.cause.includes('redirection type')),
    ).toBe(true);
    expect(await counter.handlers['session:new-sale']({})).toMatchObject({ ok: true });
  });

  it.each(['expired', 'internal error', 'external error', 'canceled'])(
    'Gate\'s final "%s" status ends the payment declined (nothing charged), not waiting for ever',
    async (status) => {
      counter = await startDemoCounter();
      sandbox().setFaults({ dropCallbacks: true });
      const started = await charge(counter, '21.00');
      expect(await postCallback(counter, saleCallback(started.id, 2100, status))).toBe(200);
      const ended = await waitForPayment(counter, started.id, (p) => p.state === 'declined');
      expect(ended.gateMessage).toBe(`Gate ended the payment: ${status}`);
      expect(counter.journal.openPayments()).toEqual([]);
    },
  );

  it('demo mode refuses to be pointed at another Gate, project or secret', async () => {
    counter = await startDemoCounter();
    expect(
      await counter.handlers['settings:update']({ gateUrl: 'https://api.ecommpay.com' }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(await counter.handlers['settings:update']({ secret: 'new-secret-123' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(await counter.handlers['settings:update']({ merchantName: 'Tea' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_INCORRECT' },
    });
    expect(
      await counter.handlers['settings:update']({
        merchantName: 'Tea',
        language: 'zh-Hans',
        pin: '2468',
      }),
    ).toMatchObject({ ok: true, value: { merchantName: 'Tea', language: 'zh-Hans' } });
  });
});
