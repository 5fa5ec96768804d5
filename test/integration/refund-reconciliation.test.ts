import { afterEach, describe, expect, it } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import type { RefundRecord } from '../../src/main/journal/refund-journal';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import {
  charge,
  pressOnSandbox,
  startDemoCounter,
  TEST_PROJECT,
  TEST_SECRET,
  postCallback,
  waitForPayment,
} from '../support/counter-harness';
import { eventually } from '../support/sandbox-harness';

const PIN = '2468';
/**
 * The sandbox really carries out refunds: with its callbacks lost and its status answers failing,
 * the test's own callback is the only news the counter gets of a refund.
 */
const ONLY_OUR_CALLBACK = {
  dropCallbacks: true,
  requests: [{ endpoint: 'status', action: '5xx_before', count: 1000 }],
} as const;

/** Refunds whose answer is lost or unusual, and reports when the clock misbehaves. */
describe('refund reconciliation', () => {
  let counter: Counter | undefined;
  let sandbox: Sandbox | undefined;
  afterEach(async () => {
    await counter?.close();
    await sandbox?.close();
    counter = undefined;
    sandbox = undefined;
  });

  async function paidPayment(amount: string): Promise<string> {
    sandbox = await createSandbox({ projects: [{ id: TEST_PROJECT, secret: TEST_SECRET }] });
    counter = await startDemoCounter({ sandboxUrl: sandbox.url, notFoundGraceMs: 100 });
    const started = await charge(counter, amount);
    await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
    await pressOnSandbox(sandbox, started.id, 'success');
    await waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
    await counter.handlers['session:new-sale']({});
    return started.id;
  }

  async function refund(paymentId: string, amount: string): Promise<RefundRecord> {
    const result = await counter!.handlers['refunds:create']({
      paymentId,
      amount,
      reason: 'test',
      pin: PIN,
    });
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return counter!.journal.refunds.get(result.value.id)!;
  }

  /** A signed refund callback about `refund` with the given operation type and status. */
  async function refundCallback(paymentId: string, r: RefundRecord, type: string, status: string) {
    const callback = {
      project_id: TEST_PROJECT,
      payment: { id: paymentId, status: 'success', sum: { amount: 10000, currency: 'CNY' } },
      operation: {
        type,
        status,
        request_id: r.requestId,
        sum_initial: { amount: r.amount, currency: r.currency },
      },
    };
    expect(await postCallback(counter!, callback)).toBe(200);
  }

  it('a cut refund that Gate lists without our refund id stays unknown and reserved: no second refund', async () => {
    const paymentId = await paidPayment('100.00');
    sandbox!.setFaults({
      requests: [{ endpoint: 'refund', action: 'cut_after' }],
      dropCallbacks: true,
      omitMerchantRefundId: true,
    });
    const asked = sandbox!.stats().requests.status;
    const first = await refund(paymentId, '30.00');
    expect(first.state).toBe('unknown');
    // Polls past the not-found grace (100 ms; the first comes at 150 ms): Gate lists a refund
    // nobody can claim. A refund is polled one request at a time, so the fourth request proves
    // the answers to the first three were applied (or it settled, wrongly, before that).
    await eventually(
      () =>
        sandbox!.stats().requests.status >= asked + 4 ||
        counter!.journal.refunds.get(first.id)?.state !== 'unknown'
          ? true
          : undefined,
      5000,
      'four status requests',
    );
    expect(counter!.journal.refunds.get(first.id)?.state).toBe('unknown');
    const again = await counter!.handlers['refunds:create']({
      paymentId,
      amount: '80.00',
      reason: 'test',
      pin: PIN,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT' } });
  });

  it('a refund Gate never received is written off even when Gate does not echo refund ids, once an earlier one is known', async () => {
    const paymentId = await paidPayment('100.00');
    // The first refund's answer is cut: its callback (which carries our id) settles it.
    sandbox!.setFaults({
      omitMerchantRefundId: true,
      requests: [{ endpoint: 'refund', action: 'cut_after' }],
    });
    const first = await refund(paymentId, '30.00');
    expect(first.state).toBe('unknown');
    await waitForRefundState(counter!, first.id, 'succeeded');
    // The second one of the same amount never reaches Gate (503 before anything is done).
    sandbox!.setFaults({
      omitMerchantRefundId: true,
      requests: [{ endpoint: 'refund', action: '5xx_before' }],
    });
    const second = await refund(paymentId, '30.00');
    expect(second.state).toBe('unknown');
    await waitForRefundState(counter!, second.id, 'rejected');
    expect(counter!.journal.refunds.remaining(paymentId)).toBe(7000);
  });

  it.each(['internal error', 'external error', 'expired'])(
    'a refund Gate ends with "%s" is declined and frees its amount; the payment stays paid',
    async (status) => {
      const paymentId = await paidPayment('100.00');
      sandbox!.setFaults(ONLY_OUR_CALLBACK);
      const r = await refund(paymentId, '100.00');
      expect(r.state).toBe('requested');
      await refundCallback(paymentId, r, 'refund', status);
      expect(counter!.journal.refunds.get(r.id)).toMatchObject({
        state: 'declined',
        gateMessage: `Gate ended the refund: ${status}`,
      });
      expect(counter!.journal.get(paymentId)).toMatchObject({
        state: 'succeeded',
        refundedAmount: 0,
      });
      expect(counter!.journal.refunds.remaining(paymentId)).toBe(10000);
    },
  );

  it('a refund Gate carries out as a reversal counts as refunded', async () => {
    const paymentId = await paidPayment('100.00');
    sandbox!.setFaults(ONLY_OUR_CALLBACK);
    const r = await refund(paymentId, '40.00');
    await refundCallback(paymentId, r, 'reversal', 'success');
    expect(counter!.journal.refunds.get(r.id)?.state).toBe('succeeded');
    expect(counter!.journal.get(paymentId)).toMatchObject({
      state: 'partially_refunded',
      refundedAmount: 4000,
    });
  });

  it('after a day closed with the clock ahead, what settles once it is corrected still reaches the reports', async () => {
    const first = await paidPayment('100.00');
    // The day is closed while the computer's clock runs two hours fast...
    const z1 = counter!.journal.closeDay(Date.now() + 2 * 3600_000, 'manager');
    expect(z1.currencies[0]?.payments.sum).toBe(10000);
    // ... then the clock is right again, and another sale and a refund settle.
    const started = await charge(counter!, '50.00');
    await waitForPayment(counter!, started.id, (p) => p.state === 'awaiting_customer');
    await pressOnSandbox(sandbox!, started.id, 'success');
    await waitForPayment(counter!, started.id, (p) => p.state === 'succeeded');
    const r = await refund(first, '10.00');
    await waitForRefundState(counter!, r.id, 'succeeded');

    const x = counter!.journal.reports.current(Date.now());
    expect(x.currencies).toEqual([
      {
        currency: 'CNY',
        payments: { count: 1, sum: 5000 },
        refunds: { count: 1, sum: 1000 },
        net: 4000,
        declined: 0,
      },
    ]);
    const z2 = counter!.journal.closeDay(Date.now(), 'manager');
    expect(z2.currencies).toEqual(x.currencies);
  });
});

async function waitForRefundState(counter: Counter, refundId: string, state: string) {
  await eventually(
    () => (counter.journal.refunds.get(refundId)?.state === state ? true : undefined),
    5000,
    `refund ${refundId} to become ${state}`,
  );
}
