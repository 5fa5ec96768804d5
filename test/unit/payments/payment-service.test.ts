import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../src/shared/result';
import { Journal } from '../../../src/main/journal/journal';
import type { PaymentRecord } from '../../../src/main/journal/payment-record';
import { setLogSink } from '../../../src/main/logging/logger';
import {
  PaymentService,
  type PaymentServiceDeps,
} from '../../../src/main/payments/payment-service';
import type { Settings } from '../../../src/main/settings/settings';
import {
  auditOf,
  failed,
  fakeGate,
  finalCallback,
  journaledPayment,
  notFound,
  PROJECT_ID,
  qrCallback,
  receivedCallback,
  rejectedBy,
  statusAnswer,
  testSettings,
} from '../../support/fake-gate';

/** 15 January 2026, 10:00 UTC: the counter's clock at the start of each test. */
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);

/**
 * A payment service over an in-memory journal and a fake Gate, on a clock the test moves
 * (vitest's fake timers drive both the status poller and the injected `now`). The payment on
 * the counter's screen is the last one charged, as at the counter.
 */
function counterWith(
  options: { settings?: Partial<Settings>; deps?: Partial<PaymentServiceDeps> } = {},
) {
  const journal = new Journal(':memory:');
  const gate = fakeGate();
  const settings = testSettings(options.settings);
  let onScreen: string | undefined;
  const service = new PaymentService({
    journal,
    gate: () => ok(gate),
    settings: () => settings,
    callbackUrl: () => 'https://shop.example/callback',
    isOnScreen: (id) => id === onScreen,
    now: () => Date.now(),
    ...options.deps,
  });
  const late: string[] = [];
  service.events.on('late', (payment) => late.push(payment.id));
  const charge = async (amount = '88.00') => {
    const result = await service.charge(amount, 'CNY', {
      onCreated: (payment) => (onScreen = payment.id),
    });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  return {
    journal,
    gate,
    service,
    late,
    charge,
    leaveScreen: () => (onScreen = undefined),
    states: (id: string) => journal.transitionsOf(id).map((t) => t.to),
  };
}

let running: ReturnType<typeof counterWith> | undefined;
function start(...args: Parameters<typeof counterWith>) {
  running = counterWith(...args);
  return running;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  setLogSink(null);
});
afterEach(() => {
  running?.service.stop();
  running?.journal.close();
  running = undefined;
  vi.useRealTimers();
});

describe('payment service: charge', () => {
  it('journals the sale before Gate hears of it, sends it once, and Gate acknowledging it makes it requested', async () => {
    const { gate, journal, charge, states } = start();
    const seenByGate: Array<string | undefined> = [];
    const answer = gate.answerSale;
    gate.answerSale = (request) => {
      seenByGate.push(journal.get(request.paymentId)?.state);
      return answer(request);
    };
    const payment = await charge('88.00');
    expect(payment).toMatchObject({
      state: 'requested',
      amount: 8800,
      currency: 'CNY',
      createdAt: T0,
      requestId: `sale-${payment.id}`,
      mode: 'gate_qr',
    });
    expect(payment.id).toMatch(/^T01-\d{6}-\d{6}-[0-9a-f]{6}$/);
    expect(seenByGate).toEqual(['created']);
    expect(gate.sales).toEqual([
      expect.objectContaining({
        paymentId: payment.id,
        amount: 8800,
        currency: 'CNY',
        customerId: `walk-in-${payment.id}`,
        callbackUrl: 'https://shop.example/callback',
      }),
    ]);
    expect(states(payment.id)).toEqual(['created', 'requested']);
  });

  it('refuses an amount outside the limits before anything is journaled or sent', async () => {
    const { service, gate, journal } = start();
    expect(await service.charge('5.00', 'CNY')).toMatchObject({
      ok: false,
      error: { code: 'AMOUNT_BELOW_MINIMUM' },
    });
    expect(await service.charge('1,250', 'CNY')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_AMOUNT' },
    });
    expect(journal.page(10)).toEqual([]);
    expect(gate.sales).toEqual([]);
  });

  it('refuses while setup is unfinished, Gate cannot be used or no project is set: nothing journaled', async () => {
    const refusals = [
      { deps: { canCharge: () => err('NOT_CONFIGURED', 'Set the manager PIN first.') } },
      { deps: { gate: () => err('KEYCHAIN_UNAVAILABLE', 'The keychain is locked.') } },
      { settings: { projectId: null } },
    ] as const;
    for (const refusal of refusals) {
      const { service, gate, journal } = counterWith(refusal);
      const result = await service.charge('88.00', 'CNY');
      expect(result.ok).toBe(false);
      expect(journal.page(10)).toEqual([]);
      expect(gate.sales).toEqual([]);
      service.stop();
      journal.close();
    }
  });

  it("Gate's rejection ends the sale rejected, with Gate's code and the field it names", async () => {
    const { gate, charge } = start();
    gate.answerSale = () => rejectedBy('2004', 'Missing required field', 'customer.ip_address');
    expect(await charge()).toMatchObject({
      state: 'rejected',
      gateCode: '2004',
      gateMessage: 'Missing required field (customer.ip_address)',
    });
    expect(gate.sales).toHaveLength(1);
  });

  it('a connection never made ends it rejected: nothing reached Gate', async () => {
    const { gate, charge } = start();
    gate.answerSale = () => failed({ kind: 'network', message: 'connect ECONNREFUSED' });
    expect(await charge()).toMatchObject({ state: 'rejected', gateCode: 'NETWORK' });
  });

  it.each([
    ['a timeout', failed({ kind: 'timeout', message: 'no answer in 15 s' })],
    ['a cut connection', failed({ kind: 'unknown_outcome', message: 'socket hang up' })],
    ['"3041 already exists" for our own fresh id', rejectedBy('3041', 'Payment ID exists')],
  ])(
    'after %s the outcome is unknown; status settles it, and the sale is never sent again',
    async (_what, answer) => {
      const { gate, charge, states } = start();
      gate.answerSale = () => answer as never;
      const payment = await charge();
      expect(payment.state).toBe('unknown');
      gate.answerStatus = () => statusAnswer(payment, 'success');
      // Gate asks for 10 s before the first status request.
      await vi.advanceTimersByTimeAsync(9_999);
      expect(gate.statusAsks).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      expect(gate.statusAsks).toEqual([payment.id]);
      expect(states(payment.id)).toEqual(['created', 'unknown', 'succeeded']);
      // An hour on: no more status requests for a settled payment, and one sale request ever.
      await vi.advanceTimersByTimeAsync(3_600_000);
      expect(gate.statusAsks).toHaveLength(1);
      expect(gate.sales).toHaveLength(1);
    },
  );

  it('in Payment Page mode shows a signed link as the QR and sends Gate nothing', async () => {
    const signed: Array<Record<string, string | number>> = [];
    const { gate, charge } = start({
      settings: { paymentPageLifetimeSeconds: 600 },
      deps: {
        purchaseMode: () => 'payment_page',
        paymentPageLink: (params) => {
          signed.push(params);
          return ok(`https://paymentpage.example/pay?payment_id=${params['payment_id']}`);
        },
      },
    });
    const payment = await charge('66.00');
    expect(payment).toMatchObject({
      state: 'awaiting_customer',
      mode: 'payment_page',
      qr: { kind: 'text', text: `https://paymentpage.example/pay?payment_id=${payment.id}` },
      qrExpiresAt: T0 + 600_000,
    });
    expect(signed).toEqual([
      expect.objectContaining({
        payment_id: payment.id,
        payment_amount: 6600,
        payment_currency: 'CNY',
        project_id: PROJECT_ID,
        best_before: '2026-01-15T10:10:00+00:00',
      }),
    ]);
    expect(gate.sales).toEqual([]);
  });

  it('in Payment Page mode without a way to sign links: rejected, nothing shown', async () => {
    const { charge } = start({ deps: { purchaseMode: () => 'payment_page' } });
    expect(await charge()).toMatchObject({
      state: 'rejected',
      qr: null,
      gateCode: 'NOT_CONFIGURED',
    });
  });
});

describe('payment service: cancel and the late payment', () => {
  it('Cancel keeps tracking: the state stays, the cancel is journaled and audited once', async () => {
    const { service, journal, charge, states } = start();
    const payment = await charge();
    vi.setSystemTime(T0 + 30_000);
    const cancelled = service.cancel(payment.id);
    expect(cancelled).toMatchObject({
      ok: true,
      value: { state: 'requested', cancelledAt: T0 + 30_000 },
    });
    // Pressed again: nothing more happens.
    expect(service.cancel(payment.id)).toMatchObject({
      ok: true,
      value: { cancelledAt: T0 + 30_000 },
    });
    expect(states(payment.id)).toEqual(['created', 'requested', 'requested']);
    expect(auditOf(journal, payment.id)).toEqual([['cashier', 'sale cancelled']]);
  });

  it('a success after Cancel raises the late alert once, with its audit entry', async () => {
    const { service, gate, journal, charge, late } = start();
    const payment = await charge();
    service.cancel(payment.id);
    gate.answerStatus = () => statusAnswer(payment, 'success');
    await service.pollOnce(payment.id);
    expect(service.get(payment.id)).toMatchObject({ state: 'succeeded', lateAlert: 'open' });
    // The same success again (a status answer, then its callback): still one alert.
    await service.pollOnce(payment.id);
    await service.receiveCallback(receivedCallback(finalCallback(payment, 'success')));
    expect(late).toEqual([payment.id]);
    expect(service.openLateAlerts().map((p) => p.id)).toEqual([payment.id]);
    expect(auditOf(journal, payment.id)).toEqual([
      ['cashier', 'sale cancelled'],
      ['gate', 'late payment'],
    ]);
  });

  it('a success for a sale no longer on the screen is late too; one on the screen is not', async () => {
    const { service, gate, charge, leaveScreen } = start();
    const watched = await charge();
    gate.answerStatus = (id) => statusAnswer({ ...watched, id }, 'success');
    await service.pollOnce(watched.id);
    expect(service.get(watched.id)).toMatchObject({ state: 'succeeded', lateAlert: null });
    const left = await charge();
    leaveScreen();
    await service.pollOnce(left.id);
    expect(service.get(left.id)).toMatchObject({ state: 'succeeded', lateAlert: 'open' });
  });

  it('Cancel of a settled payment is refused; of an unknown one, not found', async () => {
    const { service, journal } = start();
    journaledPayment(journal, 'T01-PAID', 'succeeded');
    expect(service.cancel('T01-PAID')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(service.cancel('T01-NOPE')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(auditOf(journal, 'T01-PAID')).toEqual([]);
  });

  it('Keep closes the late alert with the cashier in the audit log; a second Keep is refused', async () => {
    const { service, gate, journal, charge } = start();
    const payment = await charge();
    service.cancel(payment.id);
    gate.answerStatus = () => statusAnswer(payment, 'success');
    await service.pollOnce(payment.id);
    expect(service.keepLate(payment.id)).toMatchObject({
      ok: true,
      value: { state: 'succeeded', lateAlert: 'kept' },
    });
    expect(service.openLateAlerts()).toEqual([]);
    expect(service.keepLate(payment.id)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(
      auditOf(journal, payment.id).filter(([, action]) => action === 'late payment kept'),
    ).toEqual([['cashier', 'late payment kept']]);
  });

  it('Keep with no late alert is refused and changes nothing; Keep of an unknown payment: not found', async () => {
    const { service, journal } = start();
    journaledPayment(journal, 'T01-PAID', 'succeeded');
    expect(service.keepLate('T01-PAID')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(service.get('T01-PAID')?.lateAlert).toBeNull();
    expect(journal.transitionsOf('T01-PAID')).toHaveLength(2);
    expect(service.keepLate('T01-NOPE')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

describe('payment service: retry as a Payment Page link', () => {
  const linkMode = {
    deps: {
      paymentPageLink: (params: Record<string, string | number>) =>
        ok(`https://paymentpage.example/pay?payment_id=${params['payment_id']}`),
    },
  };

  it('a QR that cannot be scanned is taken again as a link: the first is cancelled but tracked, Gate gets no second sale', async () => {
    const { service, gate, journal, charge } = start(linkMode);
    const first = await charge('50.00');
    await service.receiveCallback(
      receivedCallback({
        ...qrCallback(first, 'unused'),
        display_data: undefined,
        redirect_data: { method: 'POST', url: 'https://wallet.example/pay', body: { a: '1' } },
      }),
    );
    expect(service.get(first.id)).toMatchObject({
      state: 'awaiting_customer',
      qr: { kind: 'unscannable' },
    });
    const created: PaymentRecord[] = [];
    const retried = await service.retryAsLink(first.id, (p) => created.push(p));
    expect(retried).toMatchObject({
      ok: true,
      value: { mode: 'payment_page', state: 'awaiting_customer', amount: 5000, currency: 'CNY' },
    });
    const second = retried.ok ? retried.value : undefined;
    expect(created.map((p) => p.id)).toEqual([second!.id]);
    expect(second!.id).not.toBe(first.id);
    expect(service.get(first.id)).toMatchObject({ state: 'awaiting_customer', cancelledAt: T0 });
    expect(gate.sales).toHaveLength(1);
    expect(journal.auditLog().filter((e) => e.paymentId === first.id)).toEqual([
      expect.objectContaining({ actor: 'cashier', action: 'retried as a Payment Page link' }),
      expect.objectContaining({
        actor: 'cashier',
        action: 'sale retried as a Payment Page link',
        detail: { retry: second!.id, amount: 5000, currency: 'CNY' },
      }),
    ]);
  });

  it('a scannable QR, or a sale already ended, is not retried: nothing new is journaled', async () => {
    const { service, journal, charge } = start(linkMode);
    const payment = await charge();
    await service.receiveCallback(receivedCallback(qrCallback(payment, 'https://qr.example/1')));
    expect(service.get(payment.id)?.qr).toEqual({ kind: 'text', text: 'https://qr.example/1' });
    expect(await service.retryAsLink(payment.id, () => {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(await service.retryAsLink('T01-NOPE', () => {})).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(journal.page(10)).toHaveLength(1);
    expect(service.get(payment.id)?.cancelledAt).toBeNull();
  });
});

describe('payment service: following a payment made elsewhere', () => {
  it('journals it with the amount Gate reports and settles it with one status request', async () => {
    const { service, gate } = start();
    gate.answerStatus = (id) => statusAnswer({ id, amount: 1500, currency: 'CNY' }, 'success');
    const adopted = await service.adopt('T02-ELSEWHERE', { amount: 1500, currency: 'CNY' });
    expect(adopted).toMatchObject({
      ok: true,
      value: { id: 'T02-ELSEWHERE', state: 'succeeded', amount: 1500, projectId: PROJECT_ID },
    });
    expect(gate.statusAsks).toEqual(['T02-ELSEWHERE']);
    expect(gate.sales).toEqual([]);
  });

  it('a payment already in the journal is not written twice', async () => {
    const { service, gate, journal } = start();
    journaledPayment(journal, 'T01-KNOWN', 'unknown', { amount: 1500 });
    gate.answerStatus = (id) => statusAnswer({ id, amount: 1500, currency: 'CNY' }, 'decline');
    await service.adopt('T01-KNOWN', { amount: 1500, currency: 'CNY' });
    expect(journal.transitionsOf('T01-KNOWN').map((t) => t.to)).toEqual([
      'created',
      'unknown',
      'declined',
    ]);
  });

  it('refuses a currency Alipay does not take, and a counter with no project: nothing journaled', async () => {
    const { service, gate, journal } = start();
    expect(await service.adopt('T02-X', { amount: 100, currency: 'XYZ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    const unset = counterWith({ settings: { projectId: null } });
    expect(await unset.service.adopt('T02-Y', { amount: 100, currency: 'CNY' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_CONFIGURED' },
    });
    expect(journal.page(10)).toEqual([]);
    expect(unset.journal.page(10)).toEqual([]);
    expect([...gate.statusAsks, ...unset.gate.statusAsks]).toEqual([]);
    unset.journal.close();
  });

  it('a payment Gate does not know stays open until the grace period has passed', async () => {
    const { service, gate } = start();
    gate.answerStatus = () => notFound();
    await service.adopt('T02-LOST', { amount: 1500, currency: 'CNY' });
    expect(service.get('T02-LOST')?.state).toBe('created');
  });
});

describe('payment service: polling', () => {
  it('asks Gate on the backing-off schedule and stops once the payment is final', async () => {
    const { gate, charge } = start();
    const payment = await charge();
    gate.answerStatus = () => statusAnswer(payment, 'awaiting customer action');
    const asked = () => gate.statusAsks.length;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(asked()).toBe(1);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(asked()).toBe(2);
    await vi.advanceTimersByTimeAsync(22_500);
    expect(asked()).toBe(3);
    gate.answerStatus = () => statusAnswer(payment, 'decline');
    await vi.advanceTimersByTimeAsync(33_750);
    expect(asked()).toBe(4);
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(asked()).toBe(4);
  });

  it('nothing is asked about after stop', async () => {
    const { service, gate, charge } = start();
    await charge();
    service.stop();
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(gate.statusAsks).toEqual([]);
  });
});
