import { afterEach, describe, expect, it } from 'vitest';
import type { Said } from '../../src/shared/i18n/said';
import type { Counter } from '../../src/main/app/create-counter';
import {
  charge,
  postCallback,
  pressOnSandbox,
  startDemoCounter,
  TEST_PROJECT,
  waitForPayment,
} from '../support/counter-harness';

/** What a live ecommpay project may send that the happy path never shows. */
describe('the counter against what real Gate sends', () => {
  let counter: Counter | undefined;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });
  const sandbox = () => counter!.sandbox!;

  describe('a callback with status "error" ends the sale declined, with Gate\'s code and message', () => {
    it("from the payment status and its errors (no operation, as ecommpay's mock sends it)", async () => {
      counter = await startDemoCounter();
      sandbox().setFaults({ dropCallbacks: true });
      const started = await charge(counter, '31.00');
      const body = {
        project_id: TEST_PROJECT,
        payment: { id: started.id, status: 'error', sum: { amount: 3100, currency: 'CNY' } },
        errors: [{ code: '502', message: 'Validation error' }],
      };
      expect(await postCallback(counter, body)).toBe(200);
      const ended = await waitForPayment(counter, started.id, (p) => p.state === 'declined');
      expect(ended).toMatchObject({ gateCode: '502', gateMessage: 'Validation error' });
    });

    it("from the sale operation's status, with the operation's code", async () => {
      counter = await startDemoCounter();
      sandbox().setFaults({ dropCallbacks: true });
      const started = await charge(counter, '32.00');
      const sum = { amount: 3200, currency: 'CNY' };
      const body = {
        project_id: TEST_PROJECT,
        payment: { id: started.id, status: 'processing', sum },
        operation: {
          type: 'sale',
          status: 'error',
          code: '20702',
          message: 'Invalid request. Try again',
          sum_initial: sum,
        },
      };
      expect(await postCallback(counter, body)).toBe(200);
      const ended = await waitForPayment(counter, started.id, (p) => p.state === 'declined');
      expect(ended).toMatchObject({ gateCode: '20702', gateMessage: 'Invalid request. Try again' });
      // A success after it still wins, as a late payment (the cashier was told it failed).
      await postCallback(counter, {
        ...body,
        payment: { ...body.payment, status: 'success' },
        operation: { ...body.operation, status: 'success', code: '0', message: 'Success' },
      });
      const paid = await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
      expect(paid.lateAlert).toBe('open');
    });
  });

  describe('the QR from a status answer, when the intermediate callback never arrives', () => {
    it.each([
      ['qr_data', 'text'],
      ['qr_img', 'image'],
    ] as const)('%s: polling brings the QR to both screens', async (qrMode, kind) => {
      counter = await startDemoCounter({ demo: { sandbox: { qrMode } } });
      sandbox().setFaults({ dropCallbacks: true });
      const started = await charge(counter, '41.00');
      const waiting = await waitForPayment(counter, started.id, (p) => p.qr !== null);
      expect(waiting.state).toBe('awaiting_customer');
      expect(waiting.qr?.kind).toBe(kind);
      if (waiting.qr?.kind === 'text') {
        const payment = sandbox().payment(TEST_PROJECT, started.id)!;
        expect(waiting.qr.text).toBe(sandbox().customerUrl(payment));
      }
      // Counted from the sale, the countdown never outlives the QR Gate made then.
      expect(waiting.qrExpiresAt).toBeLessThanOrEqual(started.createdAt + 600_000);
      const session = await counter.handlers['session:get']({});
      expect(session).toMatchObject({
        ok: true,
        value: { active: { id: started.id, qr: { kind } } },
      });
      // And the customer can pay it: the final result comes by polling too.
      await pressOnSandbox(sandbox(), started.id, 'success');
      await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
    });
  });

  describe('status answers that fail the signature check are said out loud', () => {
    it.each(['wrong', 'missing'] as const)(
      'signature %s: a banner says so, the payment stays open, and it clears once answers verify',
      async (signature) => {
        counter = await startDemoCounter();
        sandbox().setFaults({ dropCallbacks: true, statusSignature: signature });
        const started = await charge(counter, '51.00');
        await pressOnSandbox(sandbox(), started.id, 'success');
        const deadline = Date.now() + 5000;
        let banners: Array<{ key: string; message: Said }> = [];
        while (banners.length === 0 && Date.now() < deadline) {
          const session = await counter.handlers['session:get']({});
          banners = session.ok ? session.value.banners : [];
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        expect(banners).toEqual([
          expect.objectContaining({
            key: 'gate_signature',
            message: { id: 'cashier.banner.gateUnverified' },
          }),
        ]);
        // Paid at Gate, but an unverified answer settles nothing.
        expect(counter.journal.get(started.id)!.state).toBe('requested');
        sandbox().setFaults({ dropCallbacks: true });
        await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
        const after = await counter.handlers['session:get']({});
        expect(after).toMatchObject({ ok: true, value: { banners: [] } });
      },
    );
  });

  describe('a sale that cannot finish at the counter is taken again as a Payment Page link', () => {
    it('a POST redirect: one key press makes a link for the same amount; the first stays tracked', async () => {
      counter = await startDemoCounter({ demo: { sandbox: { qrMode: 'redirect_post' } } });
      const first = await charge(counter, '61.00');
      await waitForPayment(counter, first.id, (p) => p.qr?.kind === 'unscannable');
      const retried = await counter.handlers['payments:retry-as-link']({ paymentId: first.id });
      if (!retried.ok) throw new Error(retried.error.message);
      expect(retried.value).toMatchObject({
        amount: 6100,
        currency: 'CNY',
        mode: 'payment_page',
        state: 'awaiting_customer',
        qr: { kind: 'text', text: expect.stringContaining('/payment?') },
      });
      const session = await counter.handlers['session:get']({});
      expect(session).toMatchObject({ ok: true, value: { active: { id: retried.value.id } } });
      expect(counter.journal.get(first.id)).toMatchObject({
        state: 'awaiting_customer',
        cancelledAt: expect.any(Number),
      });
      expect(
        counter.journal.auditLog().find((e) => e.action === 'sale retried as a Payment Page link'),
      ).toMatchObject({ paymentId: first.id, detail: { retry: retried.value.id } });
      // Should the customer pay the first one after all, the late-payment alert says so.
      await pressOnSandbox(sandbox(), first.id, 'success');
      const late = await waitForPayment(counter, first.id, (p) => p.state === 'succeeded');
      expect(late.lateAlert).toBe('open');
    });

    it('an "awaiting clarification" callback: the same offer; the first ends declined (3191) later', async () => {
      counter = await startDemoCounter({
        demo: { sandbox: { clarification: true, timeScale: 0.001 } },
      });
      const first = await charge(counter, '62.00');
      const waiting = await waitForPayment(counter, first.id, (p) => p.qr?.kind === 'unscannable');
      expect(waiting.qr).toEqual({
        kind: 'unscannable',
        message: { id: 'cashier.qr.unscannable.clarification' },
      });
      const retried = await counter.handlers['payments:retry-as-link']({ paymentId: first.id });
      expect(retried).toMatchObject({ ok: true, value: { mode: 'payment_page' } });
      const declined = await waitForPayment(counter, first.id, (p) => p.state === 'declined', 8000);
      expect(declined).toMatchObject({ gateCode: '3191', gateMessage: 'Need clarification' });
    });

    it('refuses what is not an unscannable Gate QR sale on the counter', async () => {
      counter = await startDemoCounter();
      const sale = await charge(counter, '63.00');
      await waitForPayment(counter, sale.id, (p) => p.state === 'awaiting_customer');
      expect(
        await counter.handlers['payments:retry-as-link']({ paymentId: sale.id }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
      expect(
        await counter.handlers['payments:retry-as-link']({ paymentId: 'DEMO-nope' }),
      ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
      expect(counter.journal.page(10)).toHaveLength(1);
    });
  });

  describe('replays and unusable redirects change nothing twice', () => {
    it('a replayed intermediate callback never reopens a payment that has ended', async () => {
      counter = await startDemoCounter();
      const sale = await charge(counter, '71.00');
      await waitForPayment(counter, sale.id, (p) => p.state === 'awaiting_customer');
      await pressOnSandbox(sandbox(), sale.id, 'decline');
      await waitForPayment(counter, sale.id, (p) => p.state === 'declined');
      const intermediate = sandbox()
        .payment(TEST_PROJECT, sale.id)!
        .callbacks.find((c) => c.kind === 'intermediate')!;
      const transitions = counter.journal.transitionsOf(sale.id).length;
      for (let i = 0; i < 3; i++) {
        const res = await fetch(counter.callbackUrl()!, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(intermediate.body), // Gate's own signed bytes, again
        });
        expect(res.status).toBe(200);
      }
      expect(counter.journal.get(sale.id)!.state).toBe('declined');
      expect(counter.journal.transitionsOf(sale.id)).toHaveLength(transitions);
    });

    it('an unusable redirect_data.url is recorded once as unusable and answered 200 (no retry loop)', async () => {
      counter = await startDemoCounter();
      sandbox().setFaults({ dropCallbacks: true });
      const sale = await charge(counter, '72.00');
      const body = {
        project_id: TEST_PROJECT,
        payment: {
          id: sale.id,
          status: 'awaiting redirect result',
          sum: { amount: 7200, currency: 'CNY' },
        },
        operation: {
          type: 'sale',
          status: 'awaiting redirect result',
          sum_initial: { amount: 7200, currency: 'CNY' },
        },
        redirect_data: { method: 'GET', url: 'not a url at all', body: [] },
      };
      expect(await postCallback(counter, body)).toBe(200);
      expect(await postCallback(counter, body)).toBe(200);
      const shown = counter.journal.get(sale.id)!;
      expect(shown.qr).toEqual({
        kind: 'unscannable',
        message: { id: 'cashier.qr.unscannable.badAddress' },
      });
      expect(
        counter.journal.transitionsOf(sale.id).filter((t) => t.to === 'awaiting_customer'),
      ).toHaveLength(1);
      // Recorded once (the second delivery is the same bytes: a copy counted).
      expect(counter.journal.callbacksOf(sale.id).map((c) => [c.outcome, c.copies])).toEqual([
        ['applied: requested → awaiting_customer', 2],
      ]);
    });
  });
});
