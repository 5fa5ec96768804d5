import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../src/shared/result';
import type { GateOperation } from '../../../src/main/gate';
import { Journal } from '../../../src/main/journal/journal';
import { setLogSink } from '../../../src/main/logging/logger';
import { createMoneyPath, type MoneyPathDeps } from '../../../src/main/payments/money-path';
import type { Settings } from '../../../src/main/settings/settings';
import type { RefundRecord } from '../../../src/main/journal/refund-journal';
import {
  auditOf,
  failed,
  fakeGate,
  journaledPayment,
  PROJECT_ID,
  receivedCallback,
  rejectedBy,
  statusAnswer,
  testSettings,
} from '../../support/fake-gate';

/** 15 January 2026, 10:00 UTC. */
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const GRACE_MS = 60_000;

/**
 * The refund service as the app builds it (with the payment service, over one journal and one
 * Gate): a paid payment of 100.00 CNY to refund, a clock the test moves.
 */
function storeWith(options: { settings?: Partial<Settings>; deps?: Partial<MoneyPathDeps> } = {}) {
  const journal = new Journal(':memory:');
  const gate = fakeGate();
  const settings = testSettings({ storeIpAddress: '93.184.216.34', ...options.settings });
  const { payments, refunds } = createMoneyPath({
    journal,
    gate: () => ok(gate),
    settings: () => settings,
    callbackUrl: () => 'https://shop.example/callback',
    isOnScreen: () => false,
    now: () => Date.now(),
    notFoundGraceMs: GRACE_MS,
    ...options.deps,
  });
  const paid = journaledPayment(journal, 'T01-PAID', 'succeeded', { amount: 10_000 });
  const refund = async (amount: number, extra: { refundId?: string } = {}) =>
    refunds.refund({
      paymentId: paid.id,
      amount,
      reason: 'wrong size',
      actor: 'manager',
      ...extra,
    });
  const refunded = async (amount: number) => {
    const result = await refund(amount);
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  /** Gate's callback about a refund operation of `r`, as it signs it. */
  const callback = (r: RefundRecord, status: string, operation: Partial<GateOperation> = {}) =>
    receivedCallback({
      project_id: PROJECT_ID,
      payment: { id: r.paymentId, status: 'success', sum: { amount: 10_000, currency: 'CNY' } },
      operation: {
        type: 'refund',
        status,
        request_id: r.requestId ?? undefined,
        merchant_refund_id: r.id,
        sum_initial: { amount: r.amount, currency: r.currency },
        ...(status === 'success' ? { code: '0', message: 'Success' } : {}),
        ...(status === 'decline' ? { code: '20105', message: 'Refund declined' } : {}),
        ...operation,
      },
    });
  return { journal, gate, payments, refunds, paid, refund, refunded, callback };
}

let running: ReturnType<typeof storeWith> | undefined;
function start(...args: Parameters<typeof storeWith>) {
  running = storeWith(...args);
  return running;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
  setLogSink(null);
});
afterEach(() => {
  running?.refunds.stop();
  running?.payments.stop();
  running?.journal.close();
  running = undefined;
  vi.useRealTimers();
});

describe('refund service: sending a refund', () => {
  it('journals and reserves the refund before Gate hears of it, sends it once, and the acknowledgement makes it requested', async () => {
    const { gate, journal, paid, refunded } = start();
    const seen: Array<{ state?: string; remaining: number }> = [];
    gate.answerRefund = (request) => {
      seen.push({
        state: journal.refunds.get(request.merchantRefundId)?.state,
        remaining: journal.refunds.remaining(request.paymentId),
      });
      return { ok: true, value: { status: 'success', request_id: 'req-r1' } };
    };
    const r = await refunded(3000);
    expect(seen).toEqual([{ state: 'created', remaining: 7000 }]);
    expect(r).toMatchObject({ state: 'requested', requestId: 'req-r1', amount: 3000 });
    expect(r.id).toMatch(/^T01-R\d{6}-\d{6}-[0-9a-f]{6}$/);
    expect(gate.refunds).toEqual([
      {
        paymentId: paid.id,
        amount: 3000,
        currency: 'CNY',
        description: 'wrong size',
        merchantRefundId: r.id,
        customerIp: '93.184.216.34',
        callbackUrl: 'https://shop.example/callback',
      },
    ]);
    expect(auditOf(journal, paid.id)).toEqual([['manager', 'refund requested']]);
    // Until Gate says it is done, the payment is still paid in full.
    expect(journal.get(paid.id)).toMatchObject({ state: 'succeeded', refundedAmount: 0 });
  });

  it('more than remains is refused before anything is sent, and the refusal is audited', async () => {
    const { gate, journal, paid, refund, refunded } = start();
    await refunded(6000);
    expect(await refund(4001)).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT' } });
    expect(gate.refunds).toHaveLength(1);
    expect(auditOf(journal, paid.id)).toEqual([
      ['manager', 'refund requested'],
      ['manager', 'refund refused'],
    ]);
  });

  it('a payment that was not paid cannot be refunded', async () => {
    const { refunds, gate, journal } = start();
    journaledPayment(journal, 'T01-WAITING', 'awaiting_customer');
    expect(
      await refunds.refund({
        paymentId: 'T01-WAITING',
        amount: 100,
        reason: 'x',
        actor: 'manager',
      }),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(gate.refunds).toEqual([]);
  });

  it('refuses while setup is unfinished or Gate cannot be used: nothing reserved, nothing sent', async () => {
    for (const deps of [
      { canRefund: () => err('NOT_CONFIGURED', 'Set the manager PIN first.') },
      { gate: () => err('KEYCHAIN_UNAVAILABLE', 'The keychain is locked.') },
    ] as const) {
      const store = storeWith({ deps });
      expect((await store.refund(1000)).ok).toBe(false);
      expect(store.journal.refunds.remaining(store.paid.id)).toBe(10_000);
      expect(store.gate.refunds).toEqual([]);
      store.refunds.stop();
      store.journal.close();
    }
  });

  it("Gate's rejection ends it rejected and frees its amount", async () => {
    const { gate, journal, paid, refunded } = start();
    gate.answerRefund = () => rejectedBy('3283', 'Refund amount exceeds the available amount');
    const r = await refunded(3000);
    expect(r).toMatchObject({ state: 'rejected', gateCode: '3283' });
    expect(journal.refunds.remaining(paid.id)).toBe(10_000);
    expect(auditOf(journal, paid.id).at(-1)).toEqual(['gate', 'refund rejected']);
  });

  it('a connection never made ends it rejected and frees its amount: nothing reached Gate', async () => {
    const { gate, journal, paid, refunded } = start();
    gate.answerRefund = () => failed({ kind: 'network', message: 'connect ECONNREFUSED' });
    expect(await refunded(3000)).toMatchObject({ state: 'rejected', gateCode: 'NETWORK' });
    expect(journal.refunds.remaining(paid.id)).toBe(10_000);
  });

  it('a lost answer leaves it unknown and its amount reserved: a second refund cannot take it', async () => {
    const { gate, journal, paid, refund, refunded } = start();
    gate.answerRefund = () => failed({ kind: 'timeout', message: 'no answer' });
    expect(await refunded(8000)).toMatchObject({ state: 'unknown' });
    expect(journal.refunds.remaining(paid.id)).toBe(2000);
    gate.answerRefund = () => ({ ok: true, value: { status: 'success', request_id: 'r2' } });
    expect(await refund(3000)).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT' } });
    expect(gate.refunds).toHaveLength(1);
  });

  it('"3230 already exists" for our own fresh id is not a rejection: unknown, still reserved', async () => {
    const { gate, journal, paid, refunded } = start();
    gate.answerRefund = () => rejectedBy('3230', 'Refund with this id already exists');
    expect(await refunded(3000)).toMatchObject({ state: 'unknown' });
    expect(journal.refunds.remaining(paid.id)).toBe(7000);
  });
});

describe("refund service: Gate's callbacks", () => {
  it('a success settles it once: the payment is partially refunded, then refunded; a repeat changes nothing', async () => {
    const { payments, journal, paid, refunded, callback } = start();
    const first = await refunded(3000);
    await payments.receiveCallback(callback(first, 'success'));
    expect(journal.refunds.get(first.id)?.state).toBe('succeeded');
    expect(journal.get(paid.id)).toMatchObject({
      state: 'partially_refunded',
      refundedAmount: 3000,
    });
    await payments.receiveCallback(callback(first, 'success'));
    expect(journal.get(paid.id)?.refundedAmount).toBe(3000);
    const rest = await refunded(7000);
    await payments.receiveCallback(callback(rest, 'success'));
    expect(journal.get(paid.id)).toMatchObject({ state: 'refunded', refundedAmount: 10_000 });
    expect(journal.callbacksOf(paid.id).map((c) => c.outcome)).toEqual([
      'applied: requested → succeeded',
      'applied: requested → succeeded',
    ]);
    expect(journal.callbacksOf(paid.id)[0]?.copies).toBe(2);
  });

  it('found by its merchant_refund_id when Gate never acknowledged it, keeping the request_id Gate gives', async () => {
    const { gate, payments, journal, refunded, callback } = start();
    gate.answerRefund = () => failed({ kind: 'unknown_outcome', message: 'socket hang up' });
    const r = await refunded(2500);
    await payments.receiveCallback(callback(r, 'success', { request_id: 'req-late' }));
    expect(journal.refunds.get(r.id)).toMatchObject({ state: 'succeeded', requestId: 'req-late' });
  });

  it('a decline frees the amount; the payment stays paid', async () => {
    const { payments, journal, paid, refunded, callback } = start();
    const r = await refunded(4000);
    await payments.receiveCallback(callback(r, 'decline'));
    expect(journal.refunds.get(r.id)?.state).toBe('declined');
    expect(journal.get(paid.id)).toMatchObject({ state: 'succeeded', refundedAmount: 0 });
    expect(journal.refunds.remaining(paid.id)).toBe(10_000);
  });

  it('a callback whose amount differs is refused and audited; the refund stays as it was', async () => {
    const { payments, journal, paid, refunded, callback } = start();
    const r = await refunded(4000);
    await payments.receiveCallback(
      callback(r, 'success', { sum_initial: { amount: 9000, currency: 'CNY' } }),
    );
    expect(journal.refunds.get(r.id)?.state).toBe('requested');
    expect(journal.get(paid.id)?.refundedAmount).toBe(0);
    expect(auditOf(journal, paid.id).at(-1)).toEqual(['gate', 'refund callback amount mismatch']);
  });

  it('a decline after Gate reported the refund made is refused and audited: money given back stays given back', async () => {
    const { payments, journal, paid, refunded, callback } = start();
    const r = await refunded(4000);
    await payments.receiveCallback(callback(r, 'success'));
    await payments.receiveCallback(callback(r, 'decline'));
    expect(journal.refunds.get(r.id)?.state).toBe('succeeded');
    expect(journal.get(paid.id)?.refundedAmount).toBe(4000);
    expect(auditOf(journal, paid.id).at(-1)).toEqual(['gate', 'contradictory refund answer']);
  });
});

describe('refund service: status polling', () => {
  it("Gate's operation for the refund settles it by status", async () => {
    const { gate, refunds, journal, paid, refunded } = start();
    gate.answerRefund = () => failed({ kind: 'timeout', message: 'no answer' });
    const r = await refunded(3000);
    gate.answerStatus = () =>
      statusAnswer(paid, 'partially refunded', {
        operations: [
          { type: 'sale', status: 'success', sum_initial: { amount: 10_000, currency: 'CNY' } },
          {
            type: 'refund',
            status: 'success',
            merchant_refund_id: r.id,
            request_id: 'req-9',
            sum_initial: { amount: 3000, currency: 'CNY' },
          },
        ],
      });
    await refunds.pollOnce(r.id);
    expect(journal.refunds.get(r.id)).toMatchObject({ state: 'succeeded', requestId: 'req-9' });
    expect(journal.get(paid.id)?.refundedAmount).toBe(3000);
  });

  it('a refund Gate never saw is written off only once the grace period has passed', async () => {
    const { gate, refunds, journal, paid, refunded } = start();
    gate.answerRefund = () => failed({ kind: 'unknown_outcome', message: 'HTTP 503' });
    const r = await refunded(3000);
    gate.answerStatus = () => statusAnswer(paid, 'success');
    vi.setSystemTime(T0 + GRACE_MS - 1);
    await refunds.pollOnce(r.id);
    expect(journal.refunds.get(r.id)?.state).toBe('unknown');
    vi.setSystemTime(T0 + GRACE_MS);
    await refunds.pollOnce(r.id);
    expect(journal.refunds.get(r.id)?.state).toBe('rejected');
    expect(journal.refunds.remaining(paid.id)).toBe(10_000);
  });

  it('a refund operation at Gate nobody can claim keeps it unknown and reserved, however long', async () => {
    const { gate, refunds, journal, paid, refunded } = start();
    gate.answerRefund = () => failed({ kind: 'timeout', message: 'no answer' });
    const r = await refunded(3000);
    // Gate lists a refund of this amount without our id (it does not always echo it).
    gate.answerStatus = () =>
      statusAnswer(paid, 'partially refunded', {
        operations: [
          { type: 'refund', status: 'success', sum_initial: { amount: 3000, currency: 'CNY' } },
        ],
      });
    vi.setSystemTime(T0 + 24 * 3_600_000);
    await refunds.pollOnce(r.id);
    expect(journal.refunds.get(r.id)?.state).toBe('unknown');
    expect(journal.refunds.remaining(paid.id)).toBe(7000);
  });

  it("polls an open refund on the schedule until it settles, and never asks about another project's payment", async () => {
    const { gate, journal, paid, refunded } = start();
    gate.answerRefund = () => failed({ kind: 'timeout', message: 'no answer' });
    const r = await refunded(3000);
    gate.answerStatus = () =>
      statusAnswer(paid, 'partially refunded', {
        operations: [
          {
            type: 'refund',
            status: 'success',
            merchant_refund_id: r.id,
            sum_initial: { amount: 3000, currency: 'CNY' },
          },
        ],
      });
    await vi.advanceTimersByTimeAsync(9_999);
    expect(gate.statusAsks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(gate.statusAsks).toEqual([paid.id]);
    expect(journal.refunds.get(r.id)?.state).toBe('succeeded');
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(gate.statusAsks).toHaveLength(1);

    const other = storeWith({ settings: { projectId: 2002 } });
    other.gate.answerRefund = () => failed({ kind: 'timeout', message: 'no answer' });
    // The payment is project 1001's; this counter now works for project 2002.
    const open = await other.refunds.refund({
      paymentId: other.paid.id,
      amount: 1000,
      reason: 'x',
      actor: 'manager',
    });
    await other.refunds.pollOnce(open.ok ? open.value.id : '');
    expect(other.gate.statusAsks).toEqual([]);
    other.refunds.stop();
    other.journal.close();
  });

  it('recover re-tracks the refunds left open by the last run', async () => {
    const { gate, refunds, journal, paid, refunded } = start();
    gate.answerRefund = () => failed({ kind: 'timeout', message: 'no answer' });
    const r = await refunded(3000);
    refunds.stop();
    // The next start: a new service over the same journal.
    const { refunds: again } = createMoneyPath({
      journal,
      gate: () => ok(gate),
      settings: () => testSettings(),
      callbackUrl: () => undefined,
      isOnScreen: () => false,
      now: () => Date.now(),
    });
    expect(again.recover().map((x) => x.id)).toEqual([r.id]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(gate.statusAsks).toEqual([paid.id]);
    again.stop();
  });
});

describe('refund service: the late payment', () => {
  /** A sale the cashier cancelled that Gate then reports paid: its late alert is open. */
  async function latePayment(store: ReturnType<typeof storeWith>) {
    const { journal, payments, gate } = store;
    const late = journaledPayment(journal, 'T01-LATE', 'requested', { amount: 5000 });
    payments.cancel(late.id);
    gate.answerStatus = () => statusAnswer(late, 'success');
    await payments.pollOnce(late.id);
    expect(payments.get(late.id)?.lateAlert).toBe('open');
    return late;
  }

  it('refunding it closes the alert; Gate declining that refund opens it again for the cashier', async () => {
    const store = start();
    const { refunds, payments, journal } = store;
    const late = await latePayment(store);
    const result = await refunds.refund({
      paymentId: late.id,
      amount: 5000,
      reason: 'customer paid twice',
      actor: 'cashier',
    });
    expect(payments.get(late.id)?.lateAlert).toBe('refund_requested');
    expect(payments.openLateAlerts()).toEqual([]);
    const r = result.ok ? result.value : undefined;
    await payments.receiveCallback(
      receivedCallback({
        project_id: PROJECT_ID,
        payment: { id: late.id, status: 'success', sum: { amount: 5000, currency: 'CNY' } },
        operation: {
          type: 'refund',
          status: 'decline',
          request_id: r!.requestId!,
          sum_initial: { amount: 5000, currency: 'CNY' },
        },
      }),
    );
    expect(journal.refunds.get(r!.id)?.state).toBe('declined');
    expect(payments.openLateAlerts().map((p) => p.id)).toEqual([late.id]);
    expect(auditOf(journal, late.id)).toEqual([
      ['cashier', 'sale cancelled'],
      ['gate', 'late payment'],
      ['cashier', 'refund requested'],
      ['cashier', 'late payment refunded'],
      ['gate', 'late payment alert reopened'],
      ['gate', 'refund declined'],
    ]);
  });

  it('a refund Gate rejects at once leaves the alert open: the money is still taken', async () => {
    const store = start();
    const late = await latePayment(store);
    store.gate.answerRefund = () => rejectedBy('3283', 'Refund amount exceeds');
    await store.refunds.refund({ paymentId: late.id, amount: 5000, reason: 'x', actor: 'cashier' });
    expect(store.payments.get(late.id)?.lateAlert).toBe('open');
  });
});
