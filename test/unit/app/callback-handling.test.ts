import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../../src/protocol/signer';
import type { Counter } from '../../../src/main/app/create-counter';
import {
  charge,
  pressOnSandbox,
  startDemoCounter,
  TEST_PROJECT,
  TEST_SECRET,
  waitForPayment,
} from '../../support/counter-harness';

/**
 * Callbacks that must change nothing: each is posted to the counter's real listener while a
 * payment waits for its customer; the payment's state and QR must be untouched afterwards.
 */
describe('callback handling: what must not change a payment', () => {
  let counter: Counter;
  let paymentId: string;
  let callbackUrl: string;

  beforeAll(async () => {
    // No status polling within the test: the sandbox's own callback is what pays the sale (a
    // poll that learnt it first would record that callback as "already paid").
    counter = await startDemoCounter({
      pollSchedule: { firstAfterMs: 10 * 60_000, maxIntervalMs: 10 * 60_000 },
    });
    const payment = await charge(counter, '88.00');
    paymentId = payment.id;
    await waitForPayment(counter, paymentId, (p) => p.state === 'awaiting_customer');
    callbackUrl = counter.callbackUrl()!;
  });
  afterAll(() => counter.close());

  const finalCallback = (
    overrides: {
      id?: string;
      amount?: number;
      currency?: string;
      project?: number;
      status?: string;
    } = {},
  ) => ({
    project_id: overrides.project ?? TEST_PROJECT,
    payment: {
      id: overrides.id ?? paymentId,
      type: 'purchase',
      status: overrides.status ?? 'success',
      sum: { amount: overrides.amount ?? 8800, currency: overrides.currency ?? 'CNY' },
    },
    operation: {
      id: 1,
      type: 'sale',
      status: 'success',
      code: '0',
      message: 'Success',
      sum_initial: { amount: overrides.amount ?? 8800, currency: overrides.currency ?? 'CNY' },
    },
  });
  const post = (body: string) =>
    fetch(callbackUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const signed = (body: object, secret = TEST_SECRET) =>
    JSON.stringify({ ...body, signature: sign(body, secret) });

  async function expectUnchanged(send: () => Promise<Response>, status: number, outcome: RegExp) {
    const before = counter.journal.get(paymentId)!;
    const transitions = counter.journal.transitionsOf(paymentId).length;
    const response = await send();
    expect(response.status).toBe(status);
    const after = counter.journal.get(paymentId)!;
    expect(after.state).toBe(before.state);
    expect(after.updatedAt).toBe(before.updatedAt);
    expect(counter.journal.transitionsOf(paymentId)).toHaveLength(transitions);
    const lastCallback =
      counter.journal.callbacksOf(paymentId).at(-1) ?? counter.journal.auditLog().at(-1);
    expect(JSON.stringify(lastCallback)).toMatch(outcome);
  }

  it('a tampered amount (signature no longer matches): 400, recorded, nothing changes', async () => {
    const body = signed(finalCallback()).replace('"amount":8800', '"amount":1');
    await expectUnchanged(() => post(body), 400, /bad_signature/);
  });

  it('a correctly signed callback with a different amount: recorded, refused, nothing changes', async () => {
    await expectUnchanged(
      () => post(signed(finalCallback({ amount: 100 }))),
      200,
      /refused: Gate reports 100 CNY, the journal holds 8800 CNY/,
    );
  });

  it('a correctly signed callback in another currency: refused', async () => {
    await expectUnchanged(
      () => post(signed(finalCallback({ currency: 'USD' }))),
      200,
      /refused: Gate reports 8800 USD/,
    );
  });

  it("another payment's id: recorded as unknown, this payment unchanged", async () => {
    const response = await post(signed(finalCallback({ id: 'someone-else' })));
    expect(response.status).toBe(200);
    expect(counter.journal.get(paymentId)?.state).toBe('awaiting_customer');
  });

  it('another project: ignored', async () => {
    await expectUnchanged(
      () => post(signed(finalCallback({ project: 9999 }))),
      200,
      /not this counter's project/,
    );
  });

  it('unsigned: 400', async () => {
    await expectUnchanged(() => post(JSON.stringify(finalCallback())), 400, /no signature/);
  });

  it('signed with another secret: 400', async () => {
    await expectUnchanged(
      () => post(signed(finalCallback(), 'not-our-secret')),
      400,
      /bad_signature/,
    );
  });

  it('malformed JSON: 400, recorded raw', async () => {
    const before = counter.journal.get(paymentId)!;
    expect((await post(`{"payment":{"id":"${paymentId}"`)).status).toBe(400);
    expect(counter.journal.get(paymentId)).toEqual(before);
    expect(counter.journal.callbacksOf(paymentId).at(-1)?.problem).toMatch(/malformed_json/);
  });

  it('oversized body (over 1 MiB): 413 before reading it all, nothing changes', async () => {
    const before = counter.journal.get(paymentId)!;
    const huge = JSON.stringify({ ...finalCallback(), pad: 'x'.repeat(1_100_000) });
    expect((await post(huge)).status).toBe(413);
    expect(counter.journal.get(paymentId)).toEqual(before);
  });

  it('replay: the real final callback applied once; the same callback again changes nothing', async () => {
    await pressOnSandbox(counter.sandbox!, paymentId, 'success');
    const paid = await waitForPayment(counter, paymentId, (p) => p.state === 'succeeded');
    const transitions = counter.journal.transitionsOf(paymentId).length;
    const sandboxCallback = counter
      .sandbox!.payment(TEST_PROJECT, paymentId)!
      .callbacks.find((c) => c.kind === 'final')!;
    for (let i = 0; i < 3; i++)
      expect((await post(JSON.stringify(sandboxCallback.body))).status).toBe(200);
    expect(counter.journal.get(paymentId)).toMatchObject({
      state: 'succeeded',
      updatedAt: paid.updatedAt,
    });
    expect(counter.journal.transitionsOf(paymentId)).toHaveLength(transitions);
    // The same bytes: one record, its copies counted, its first outcome kept.
    const record = counter.journal
      .callbacksOf(paymentId)
      .find((c) => c.raw === JSON.stringify(sandboxCallback.body))!;
    expect(record).toMatchObject({ copies: 4, outcome: 'applied: awaiting_customer → succeeded' });
  });

  it('a signed decline after the payment succeeded is a contradiction: refused and audited', async () => {
    const decline = {
      ...finalCallback({ status: 'decline' }),
      operation: { ...finalCallback().operation, status: 'decline', code: '100' },
    };
    await expectUnchanged(
      () => post(signed(decline)),
      200,
      /refused: Gate declined a payment it reported paid/,
    );
    expect(
      counter.journal
        .auditLog()
        .some((e) => e.action === 'contradictory answer' && e.paymentId === paymentId),
    ).toBe(true);
  });
});
