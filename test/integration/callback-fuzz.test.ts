import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import { sign } from '../../src/protocol/signer';
import {
  charge,
  pressOnSandbox,
  startDemoCounter,
  TEST_PROJECT,
  TEST_SECRET,
  waitForPayment,
} from '../support/counter-harness';
import { prng } from '../support/prng';

type Body = string | Buffer;

/** One hostile request: what is sent, how, and where. */
interface Attack {
  readonly body: Body;
  readonly contentType?: string;
  readonly method?: string;
  readonly path?: string;
}

const MAX_UNVERIFIED = 150;
const ATTACKS = 2000;
const IN_FLIGHT = 8;

/**
 * Whoever reaches the callback listener (the store network, a page in a browser on the counter)
 * sends a few thousand malformed, oversized, wrong-typed, wrongly signed and replayed callbacks:
 * no payment may change state, and the journal may grow by no more than its cap.
 */
describe('a flood of hostile callbacks at a running counter', () => {
  let counter: Counter;
  const ids = { waiting: '', paid: '', declined: '' };
  const genuine: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    counter = await startDemoCounter({
      inboxLimits: {
        prefixChars: 200,
        maxUnverified: MAX_UNVERIFIED,
        maxUnverifiedAgeMs: 3600_000,
      },
      // One source address here: a high per-source budget, so that the cap itself is tested.
      unverifiedPerMinute: 100_000,
    });
    const sandbox = counter.sandbox!;
    for (const [key, amount, action] of [
      ['paid', '11.00', 'success'],
      ['declined', '12.00', 'decline'],
      ['waiting', '13.00', undefined],
    ] as const) {
      const sale = await charge(counter, amount);
      await waitForPayment(counter, sale.id, (p) => p.state === 'awaiting_customer');
      if (action) {
        await pressOnSandbox(sandbox, sale.id, action);
        await waitForPayment(counter, sale.id, (p) => p.state !== 'awaiting_customer');
      }
      ids[key] = sale.id;
      await sandbox.idle();
      for (const delivery of sandbox.payment(TEST_PROJECT, sale.id)!.callbacks)
        genuine.push(delivery.body);
    }
  });
  afterAll(() => counter.close());

  /** Every kind of hostile body, picked by a seeded PRNG so that a failure reproduces. */
  function attacks(): Attack[] {
    const random = prng(20261202);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
    const anyId = () => pick([ids.waiting, ids.paid, ids.declined, 'DEMO-unknown', '']);
    const junk = (n: number) =>
      Array.from({ length: n }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join('');
    const wrongTypes = () => ({
      project_id: pick([TEST_PROJECT, 'x', null, [], {}, -1, Number.MAX_VALUE]),
      payment: pick([
        { id: pick([123, [], {}, null, true]), status: 'success' },
        { id: anyId(), status: pick([0, null, ['success'], { s: 1 }]) },
        { id: anyId(), status: 'success', sum: { amount: pick(['1100', -1, 1.5, null]) } },
        'success',
        null,
      ]),
      operation: pick([{ type: 7, status: 'success' }, 'sale', [], null]),
      display_data: pick([{ type: 'qr_data' }, [null, 1, 'x'], 'qr']),
      signature: pick([42, null, { a: 1 }, ['x'], '']),
    });
    const kinds: Array<() => Attack> = [
      () => ({ body: junk(1 + Math.floor(random() * 200)) }),
      () => ({ body: JSON.stringify(wrongTypes()).slice(0, Math.floor(random() * 120)) }),
      () => ({ body: JSON.stringify(wrongTypes()) }),
      () => {
        // Correct shape, signed with a key that is not the project's.
        const body = {
          project_id: TEST_PROJECT,
          payment: { id: anyId(), status: pick(['success', 'decline', 'error']) },
        };
        return { body: JSON.stringify({ ...body, signature: sign(body, `guess-${random()}`) }) };
      },
      () => {
        // Signed with the right key but about another amount: verified, refused, changes nothing.
        const id = pick([ids.waiting, ids.paid, ids.declined]);
        const sum = { amount: 999_999, currency: 'CNY' };
        const body = {
          project_id: TEST_PROJECT,
          payment: { id, status: 'success', sum },
          operation: { type: 'sale', status: 'success', sum_initial: sum },
        };
        return { body: JSON.stringify({ ...body, signature: sign(body, TEST_SECRET) }) };
      },
      () => ({ body: JSON.stringify(pick(genuine)) }), // a replay of Gate's own bytes
      () => ({ body: '['.repeat(5000) + ']'.repeat(5000) }),
      () => ({ body: JSON.stringify(pick(genuine)), contentType: pick(['text/plain', '']) }),
      () => ({ body: '{}', method: pick(['PUT', 'GET', 'OPTIONS']) }),
      () => ({ body: '{}', path: pick(['/', '/callback/x', '/callback%00']) }),
      () =>
        // Oversized: cut off at the listener, never recorded.
        random() < 0.02 ? { body: Buffer.alloc(1024 * 1024 + 10, 0x20) } : { body: junk(10) },
    ];
    return Array.from({ length: ATTACKS }, () => pick(kinds)());
  }

  async function send(attack: Attack): Promise<number> {
    const url = new URL(counter.callbackUrl()!);
    if (attack.path) url.pathname = attack.path;
    try {
      const res = await fetch(url, {
        method: attack.method ?? 'POST',
        headers:
          attack.contentType === ''
            ? {}
            : { 'content-type': attack.contentType ?? 'application/json' },
        ...(attack.method === 'GET' ? {} : { body: attack.body }),
        signal: AbortSignal.timeout(10_000),
      });
      await res.arrayBuffer();
      return res.status;
    } catch {
      return 0; // a connection the listener closed (an oversized body) is an answer too
    }
  }

  it(`${ATTACKS} of them change no payment, and the journal grows only within its cap`, async () => {
    const states = Object.values(ids).map((id) => counter.journal.get(id)!);
    const transitions = Object.values(ids).map((id) => counter.journal.transitionsOf(id).length);
    const recordedBefore = Object.values(ids).map((id) => counter.journal.callbacksOf(id).length);
    const queue = attacks();
    const statuses = new Map<number, number>();
    const deadline = Date.now() + 90_000;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        for (let attack = queue.pop(); attack && Date.now() < deadline; attack = queue.pop()) {
          const status = await send(attack);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    expect(queue).toHaveLength(0); // all sent within the time bound
    // Nothing reached a payment: states, update times and transitions as before.
    for (const [i, id] of Object.values(ids).entries()) {
      expect(counter.journal.get(id)).toEqual(states[i]);
      expect(counter.journal.transitionsOf(id)).toHaveLength(transitions[i]!);
    }
    // Growth: unverified bodies within the cap, replays only counted, signed mismatches few.
    expect(counter.journal.callbacks.unverifiedCount()).toBeLessThanOrEqual(MAX_UNVERIFIED);
    for (const [i, id] of Object.values(ids).entries()) {
      const verifiedNew = counter.journal
        .callbacksOf(id)
        .filter((c) => c.verified)
        .slice(recordedBefore[i]!);
      // The one signed body per payment an attacker cannot alter: the mismatch, recorded once.
      expect(verifiedNew.length).toBeLessThanOrEqual(1);
    }
    // And no request was answered 500 (nothing failed to be recorded) or with a parser detail.
    expect(statuses.get(500)).toBeUndefined();
    expect([...statuses.keys()].every((s) => [0, 200, 400, 404, 405, 413, 415].includes(s))).toBe(
      true,
    );

    // The counter still sells.
    await counter.handlers['payments:cancel']({ paymentId: ids.waiting });
    const after = await charge(counter, '14.00');
    await waitForPayment(counter, after.id, (p) => p.state === 'awaiting_customer');
    await pressOnSandbox(counter.sandbox!, after.id, 'success');
    await waitForPayment(counter, after.id, (p) => p.state === 'succeeded');
  }, 120_000);

  it('one address flooding with unverified bodies gets only its budget recorded', async () => {
    const flood = await startDemoCounter({ unverifiedPerMinute: 30 });
    try {
      const before = flood.journal.callbacks.unverifiedCount();
      const url = flood.callbackUrl()!;
      for (let i = 0; i < 200; i++) {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: `{"payment":{"id":"x${i}","status":"success"},"signature":"forged"}`,
        });
        expect(res.status).toBe(400);
        await res.arrayBuffer();
      }
      expect(flood.journal.callbacks.unverifiedCount() - before).toBe(30);
      // What is kept of each: its hash, size and first 200 characters, not the body.
      const kept = flood.journal.callbacksOf('x0')[0]!;
      expect(kept).toMatchObject({ verified: false, bodySize: expect.any(Number) });
      expect(kept.bodySha256).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await flood.close();
    }
  });
});
