import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setLogSink } from '../../../src/main/logging/logger';
import { auditOf, failed, statusAnswer } from '../../support/fake-gate';
import { NOT_FOUND_GRACE_MS, refundStore } from '../../support/refund-store';

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

describe("refund reconciler: Gate's callbacks", () => {
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

  it("Gate's word that the money went back wins over its earlier decline", async () => {
    const { payments, journal, paid, refunded, callback } = start();
    const r = await refunded(4000);
    await payments.receiveCallback(callback(r, 'decline'));
    await payments.receiveCallback(callback(r, 'success'));
    expect(journal.refunds.get(r.id)?.state).toBe('succeeded');
    expect(journal.get(paid.id)).toMatchObject({
      state: 'partially_refunded',
      refundedAmount: 4000,
    });
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

describe('refund reconciler: status answers', () => {
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
    vi.setSystemTime(T0 + NOT_FOUND_GRACE_MS - 1);
    await refunds.pollOnce(r.id);
    expect(journal.refunds.get(r.id)?.state).toBe('unknown');
    vi.setSystemTime(T0 + NOT_FOUND_GRACE_MS);
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

    const other = refundStore({ settings: { projectId: 2002 } });
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
});
