import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import type { PaymentView } from '../../src/shared/ipc/views';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import {
  charge,
  pressOnSandbox,
  startDemoCounter,
  tempDataDir,
  TEST_PROJECT,
  TEST_SECRET,
  waitForPayment,
} from '../support/counter-harness';

const PIN = '2468';

async function paid(counter: Counter, amount: string): Promise<PaymentView> {
  const started = await charge(counter, amount);
  await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
  await pressOnSandbox(counter.sandbox!, started.id, 'success');
  const done = await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
  await counter.handlers['session:new-sale']({});
  return done;
}

/** A sale the cashier cancelled and the customer paid anyway: its late-payment alert is open. */
async function latePayment(counter: Counter, amount: string): Promise<PaymentView> {
  const started = await charge(counter, amount);
  await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
  await counter.handlers['payments:cancel']({ paymentId: started.id });
  await counter.handlers['session:new-sale']({});
  await pressOnSandbox(counter.sandbox!, started.id, 'success');
  return waitForPayment(counter, started.id, (p) => p.lateAlert === 'open');
}

async function waitForRefund(
  counter: Counter,
  paymentId: string,
  refundId: string,
  state: string,
  timeoutMs = 5000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const refund = counter.journal.refunds.get(refundId);
    if (refund?.state === state) return refund;
    if (Date.now() > deadline)
      throw new Error(`refund ${refundId} of ${paymentId} is ${refund?.state}, not ${state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('refunds', () => {
  let counter: Counter | undefined;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });

  it('partial, then the rest: the payment follows (partially refunded → refunded), every attempt audited', async () => {
    counter = await startDemoCounter();
    const payment = await paid(counter, '100.00');
    const first = await counter.handlers['refunds:create']({
      paymentId: payment.id,
      amount: '30.00',
      reason: 'one cup returned',
      pin: PIN,
    });
    expect(first).toMatchObject({ ok: true, value: { amount: 3000, state: 'requested' } });
    if (!first.ok) return;
    await waitForRefund(counter, payment.id, first.value.id, 'succeeded');
    expect(counter.journal.get(payment.id)).toMatchObject({
      state: 'partially_refunded',
      refundedAmount: 3000,
    });
    const detail = await counter.handlers['payments:detail']({ paymentId: payment.id });
    expect(detail).toMatchObject({ ok: true, value: { refundable: 7000 } });

    const over = await counter.handlers['refunds:create']({
      paymentId: payment.id,
      amount: '70.01',
      reason: 'too much',
      pin: PIN,
    });
    expect(over).toMatchObject({
      ok: false,
      error: { code: 'INVALID_AMOUNT', message: expect.stringContaining('At most 70.00 CNY') },
    });
    const rest = await counter.handlers['refunds:create']({
      paymentId: payment.id,
      amount: '70.00',
      reason: 'the rest',
      pin: PIN,
    });
    if (!rest.ok) throw new Error(rest.error.message);
    await waitForRefund(counter, payment.id, rest.value.id, 'succeeded');
    expect(counter.journal.get(payment.id)).toMatchObject({
      state: 'refunded',
      refundedAmount: 10000,
    });
    expect(counter.sandbox!.payment(TEST_PROJECT, payment.id)).toMatchObject({
      status: 'refunded',
      refunded: 10000,
    });
    expect(
      await counter.handlers['refunds:create']({
        paymentId: payment.id,
        amount: '0.01',
        reason: 'more',
        pin: PIN,
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    const actions = counter.journal.auditLog().map((e) => e.action);
    expect(actions.filter((a) => a === 'refund requested')).toHaveLength(2);
    expect(actions.filter((a) => a === 'refund succeeded')).toHaveLength(2);
    expect(actions).toContain('refund refused');
  });

  it("a declined refund (500.00 CNY = 50000) shows Gate's message and leaves the payment as it was", async () => {
    counter = await startDemoCounter();
    const payment = await paid(counter, '600.00');
    const refund = await counter.handlers['refunds:create']({
      paymentId: payment.id,
      amount: '500.00',
      reason: 'test decline',
      pin: PIN,
    });
    if (!refund.ok) throw new Error(refund.error.message);
    const declined = await waitForRefund(counter, payment.id, refund.value.id, 'declined');
    expect(declined).toMatchObject({ gateCode: '100', gateMessage: 'General decline' });
    expect(counter.journal.get(payment.id)).toMatchObject({
      state: 'succeeded',
      refundedAmount: 0,
    });
  });

  it('two refunds at once cannot together exceed what remains', async () => {
    counter = await startDemoCounter();
    const payment = await paid(counter, '10.00');
    const [a, b] = await Promise.all([
      counter.handlers['refunds:create']({
        paymentId: payment.id,
        amount: '8.00',
        reason: 'a',
        pin: PIN,
      }),
      counter.handlers['refunds:create']({
        paymentId: payment.id,
        amount: '8.00',
        reason: 'b',
        pin: PIN,
      }),
    ]);
    const oks = [a, b].filter((r) => r.ok);
    expect(oks).toHaveLength(1);
    expect([a, b].find((r) => !r.ok)).toMatchObject({ error: { code: 'INVALID_AMOUNT' } });
    expect(counter.sandbox!.stats().requests.refund).toBe(1);
  });

  it('needs the manager PIN; five wrong ones lock refunds and settings for five minutes, across a restart', async () => {
    const dataDir = tempDataDir();
    counter = await startDemoCounter({ dataDir });
    const payment = await paid(counter, '20.00');
    for (let i = 1; i <= 4; i++) {
      expect(
        await counter.handlers['refunds:create']({
          paymentId: payment.id,
          amount: '1.00',
          reason: 'x',
          pin: '0000',
        }),
      ).toMatchObject({
        ok: false,
        error: { code: 'PIN_INCORRECT', message: expect.stringContaining(`${5 - i} tr`) },
      });
    }
    const fifth = await counter.handlers['refunds:create']({
      paymentId: payment.id,
      amount: '1.00',
      reason: 'x',
      pin: '0000',
    });
    expect(fifth).toMatchObject({
      ok: false,
      error: { code: 'PIN_LOCKED', message: expect.stringContaining('locked for 5 minutes more') },
    });
    // Locked: even the right PIN is refused, for refunds, settings and the day close.
    expect(
      await counter.handlers['refunds:create']({
        paymentId: payment.id,
        amount: '1.00',
        reason: 'x',
        pin: PIN,
      }),
    ).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } });
    expect(
      await counter.handlers['settings:update']({ merchantName: 'x', pin: PIN }),
    ).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } });
    expect(await counter.handlers['reports:close-day']({ pin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'PIN_LOCKED' },
    });
    // The lock is the Demo manager's own (each manager has a PIN and a lockout of their own).
    const listed = await counter.handlers['staff:list']({});
    const manager = listed.ok ? listed.value.staff.find((m) => m.role === 'manager') : undefined;
    expect(manager?.lockedUntil).toEqual(expect.any(Number));
    expect(manager!.lockedUntil! - Date.now()).toBeGreaterThan(4.9 * 60_000);
    expect(counter.sandbox!.stats().requests.refund).toBe(0);
    const audit = counter.journal.auditLog().map((e) => e.action);
    expect(audit.filter((a) => a === 'wrong staff PIN')).toHaveLength(5);
  });

  it("a manager's PIN is stored as a salted scrypt hash, and changes only through Staff", async () => {
    counter = await startDemoCounter();
    const manager = counter.staff.directory.list().find((m) => m.role === 'manager')!;
    const stored = counter.journal.people.staff.get(manager.id)!.pin!;
    expect(stored).not.toContain(PIN);
    // Version 2: keyed with the pepper in the keychain (the test counters hash at a low cost).
    expect(JSON.parse(stored)).toMatchObject({
      v: 2,
      salt: expect.any(String),
      hash: expect.any(String),
      N: 1024,
    });
    // The counter's one manager PIN is retired once managers have their own.
    expect(
      await counter.handlers['manager:set-pin']({ newPin: '13579', currentPin: PIN }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    const by = { staffId: manager.id, pin: PIN };
    expect(
      await counter.handlers['staff:set-pin']({ manager: by, staffId: manager.id, pin: '12' }),
    ).toMatchObject({ ok: false });
    expect(
      await counter.handlers['staff:set-pin']({ manager: by, staffId: manager.id, pin: '13579' }),
    ).toMatchObject({ ok: true });
    expect(await counter.handlers['reports:close-day']({ pin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'PIN_INCORRECT' },
    });
    expect(await counter.handlers['reports:close-day']({ pin: '13579' })).toMatchObject({
      ok: true,
    });
  });

  it('a refund whose answer was lost is settled after a restart, and never sent twice', async () => {
    const sandbox: Sandbox = await createSandbox({
      projects: [{ id: TEST_PROJECT, secret: TEST_SECRET }],
    });
    try {
      const dataDir = tempDataDir();
      counter = await startDemoCounter({ dataDir, sandboxUrl: sandbox.url });
      const started = await charge(counter, '40.00');
      await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
      await pressOnSandbox(sandbox, started.id, 'success');
      await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
      sandbox.setFaults({
        requests: [{ endpoint: 'refund', action: 'cut_after' }],
        dropCallbacks: true,
      });
      const refund = await counter.handlers['refunds:create']({
        paymentId: started.id,
        amount: '15.00',
        reason: 'cut',
        pin: PIN,
      });
      expect(refund).toMatchObject({ ok: true, value: { state: 'unknown' } });
      await counter.close();
      sandbox.setFaults({});
      counter = await startDemoCounter({ dataDir, sandboxUrl: sandbox.url });
      if (!refund.ok) return;
      await waitForRefund(counter, started.id, refund.value.id, 'succeeded');
      expect(counter.journal.get(started.id)).toMatchObject({
        state: 'partially_refunded',
        refundedAmount: 1500,
      });
      expect(sandbox.stats().requests.refund).toBe(1);
    } finally {
      await counter?.close();
      counter = undefined;
      await sandbox.close();
    }
  });

  it("the late-payment alert's Refund refunds the whole payment and closes the alert", async () => {
    counter = await startDemoCounter();
    const started = await latePayment(counter, '45.00');
    const refund = await counter.handlers['refunds:create']({
      paymentId: started.id,
      amount: '45.00',
      reason: 'late payment: customer had left',
      pin: PIN,
    });
    if (!refund.ok) throw new Error(refund.error.message);
    await waitForRefund(counter, started.id, refund.value.id, 'succeeded');
    expect(counter.journal.get(started.id)).toMatchObject({
      state: 'refunded',
      lateAlert: 'refund_requested',
    });
    expect(await counter.handlers['session:get']({})).toMatchObject({
      ok: true,
      value: { lateAlerts: [] },
    });
    expect(counter.journal.auditLog().map((e) => e.action)).toContain('late payment refunded');
  });

  it('the late-payment alert comes back when its refund is declined (500.00 CNY): the customer is still charged', async () => {
    counter = await startDemoCounter();
    const started = await latePayment(counter, '500.00');
    const refund = await counter.handlers['refunds:create']({
      paymentId: started.id,
      amount: '500.00',
      reason: 'late payment: customer had left',
      pin: PIN,
    });
    if (!refund.ok) throw new Error(refund.error.message);
    await waitForRefund(counter, started.id, refund.value.id, 'declined');
    expect(counter.journal.get(started.id)).toMatchObject({
      state: 'succeeded',
      lateAlert: 'open',
    });
    expect(await counter.handlers['session:get']({})).toMatchObject({
      ok: true,
      value: { lateAlerts: [{ id: started.id }] },
    });
  });
});

describe('history and reports', () => {
  let counter: Counter | undefined;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });

  it('searches by id, amount, status and currency, newest first, in pages', async () => {
    counter = await startDemoCounter();
    const a = await paid(counter, '11.00');
    const b = await paid(counter, '22.00');
    const declinedSale = await charge(counter, '400.00');
    await waitForPayment(counter, declinedSale.id, (p) => p.state === 'awaiting_customer');
    await pressOnSandbox(counter.sandbox!, declinedSale.id, 'success');
    await waitForPayment(counter, declinedSale.id, (p) => p.state === 'declined');
    await counter.handlers['session:new-sale']({});

    const all = await counter.handlers['history:search']({});
    expect(all.ok && all.value.items.map((p) => p.id)).toEqual([declinedSale.id, b.id, a.id]);
    expect(await counter.handlers['history:search']({ amount: '22' })).toMatchObject({
      ok: true,
      value: { items: [{ id: b.id }] },
    });
    expect(await counter.handlers['history:search']({ paymentId: a.id })).toMatchObject({
      ok: true,
      value: { items: [{ id: a.id }] },
    });
    expect(await counter.handlers['history:search']({ state: 'declined' })).toMatchObject({
      ok: true,
      value: { items: [{ id: declinedSale.id }] },
    });
    expect(await counter.handlers['history:search']({ currency: 'USD' })).toMatchObject({
      ok: true,
      value: { items: [], next: null },
    });
    const today = new Date().toISOString().slice(0, 10);
    const page1 = await counter.handlers['history:search']({ from: today, to: today, limit: 2 });
    if (!page1.ok || !page1.value.next) throw new Error('expected a second page');
    const page2 = await counter.handlers['history:search']({
      from: today,
      to: today,
      limit: 2,
      cursor: page1.value.next,
    });
    expect(page2).toMatchObject({ ok: true, value: { items: [{ id: a.id }], next: null } });
    expect(await counter.handlers['history:search']({ amount: '1.234' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_AMOUNT' },
    });
  });

  it('X and Z reports add up exactly to the journal; Z numbers follow and never repeat a period', async () => {
    counter = await startDemoCounter();
    const p1 = await paid(counter, '10.00');
    await paid(counter, '25.50');
    const r = await counter.handlers['refunds:create']({
      paymentId: p1.id,
      amount: '4.00',
      reason: 'chip',
      pin: PIN,
    });
    if (!r.ok) throw new Error(r.error.message);
    await waitForRefund(counter, p1.id, r.value.id, 'succeeded');

    // The reports are the manager's: they open only in the manager session.
    expect(await counter.handlers['reports:current']({})).toMatchObject({
      ok: false,
      error: { code: 'MANAGER_LOCKED' },
    });
    expect(await counter.handlers['manager:unlock']({ pin: PIN })).toMatchObject({
      ok: true,
      value: { session: { until: expect.any(Number) } },
    });
    const x = await counter.handlers['reports:current']({});
    expect(x).toMatchObject({
      ok: true,
      value: {
        kind: 'X',
        number: null,
        currencies: [
          {
            currency: 'CNY',
            payments: { count: 2, sum: 3550 },
            refunds: { count: 1, sum: 400 },
            net: 3150,
            declined: 0,
          },
        ],
      },
    });
    const z1 = await counter.handlers['reports:close-day']({ pin: PIN });
    expect(z1).toMatchObject({
      ok: true,
      value: { kind: 'Z', number: 1, currencies: [{ net: 3150 }] },
    });

    const p3 = await paid(counter, '12.00');
    const r2 = await counter.handlers['refunds:create']({
      paymentId: p3.id,
      amount: '12.00',
      reason: 'all',
      pin: PIN,
    });
    if (!r2.ok) throw new Error(r2.error.message);
    await waitForRefund(counter, p3.id, r2.value.id, 'succeeded');
    const z2 = await counter.handlers['reports:close-day']({ pin: PIN });
    expect(z2).toMatchObject({
      ok: true,
      value: {
        number: 2,
        currencies: [
          { payments: { count: 1, sum: 1200 }, refunds: { count: 1, sum: 1200 }, net: 0 },
        ],
      },
    });
    if (!z1.ok || !z2.ok) return;
    expect(z2.value.periodStart).toBe(z1.value.periodEnd);
    const empty = await counter.handlers['reports:current']({});
    expect(empty).toMatchObject({ ok: true, value: { currencies: [] } });
    // Every Z, added up, equals the journal.
    const list = await counter.handlers['reports:list']({});
    expect(list.ok && list.value.reports.map((z) => z.number)).toEqual([2, 1]);
    const journalNet = counter.journal
      .page(100)
      .reduce((sum, p) => sum + p.amount - p.refundedAmount, 0);
    const reportedNet = list.ok
      ? list.value.reports.flatMap((z) => z.currencies).reduce((sum, c) => sum + c.net, 0)
      : NaN;
    expect(reportedNet).toBe(journalNet);
    expect(counter.journal.auditLog().filter((e) => e.action === 'day closed')).toHaveLength(2);
  });

  it('exports the history and reports as CSV', async () => {
    counter = await startDemoCounter();
    const p = await paid(counter, '18.80');
    const csv = await counter.handlers['exports:history-csv']({});
    if (!csv.ok) throw new Error(csv.error.message);
    expect(csv.value).toMatchObject({
      mimeType: 'text/csv',
      rows: 1,
      truncated: false,
      filename: expect.stringMatching(/^payments-\d{4}-\d{2}-\d{2}\.csv$/),
    });
    const lines = csv.value.content
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'payment_id,created_at,settled_at,amount,refunded,currency,status,gate_code,gate_message,terminal,cancelled_at,late_payment,staff,shift',
    );
    // Who took it and in which shift: Ana, signed in at start on the demo counter.
    expect(lines[1]).toMatch(
      new RegExp(`^${p.id},[^,]+,[^,]+,18\\.80,0\\.00,CNY,succeeded,0,Success,DEMO,,,Ana,\\d+$`),
    );
    // History is open to everyone at the counter; a report needs the manager session.
    expect(await counter.handlers['exports:report-csv']({})).toMatchObject({
      ok: false,
      error: { code: 'MANAGER_LOCKED' },
    });
    await counter.handlers['manager:unlock']({ pin: PIN });
    const report = await counter.handlers['exports:report-csv']({});
    expect(report.ok && report.value.content).toContain('X,,');
    expect(await counter.handlers['exports:report-csv']({ number: 9 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    // The Z's CSV ends with its totals per person.
    expect(await counter.handlers['reports:close-day']({ pin: PIN })).toMatchObject({ ok: true });
    const z = await counter.handlers['exports:report-csv']({ number: 1 });
    const zLines = z.ok ? z.value.content.trimEnd().split('\r\n') : [];
    expect(zLines.slice(-2)).toEqual([
      'staff,currency,payments,payments_minor,refunds,refunds_minor,net_minor',
      'Ana,CNY,1,1880,0,0,1880',
    ]);
  });

  it('keeps a hash-chained audit log that detects edits and deletions', async () => {
    counter = await startDemoCounter();
    await paid(counter, '10.00');
    expect(counter.journal.auditTrail.verify()).toMatchObject({ intact: true });
    // The app itself cannot rewrite it.
    const db = (counter.journal as unknown as { db: Database.Database }).db;
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE id = 1").run()).toThrow(
      /append-only/,
    );
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 1').run()).toThrow(/append-only/);
  });
});
