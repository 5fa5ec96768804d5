import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../src/shared/result';
import { setLogSink } from '../../../src/main/logging/logger';
import { createMoneyPath } from '../../../src/main/payments/money-path';
import {
  auditOf,
  failed,
  journaledPayment,
  PROJECT_ID,
  receivedCallback,
  rejectedBy,
  statusAnswer,
  testSettings,
} from '../../support/fake-gate';
import { refundStore } from '../../support/refund-store';

/** 15 January 2026, 10:00 UTC. */
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);

let running: ReturnType<typeof refundStore> | undefined;
function start(...args: Parameters<typeof refundStore>) {
  running = refundStore(...args);
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
    journaledPayment(journal, 'T01-WAITING', 'requested');
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
      const store = refundStore({ deps });
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

describe('refund service: the late payment', () => {
  /** A sale the cashier cancelled that Gate then reports paid: its late alert is open. */
  async function latePayment(store: ReturnType<typeof refundStore>) {
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

describe('refund service: after a restart', () => {
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
