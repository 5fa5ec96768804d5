import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GateCallback } from '../../../src/main/gate';
import { Journal } from '../../../src/main/journal/journal';
import { setLogSink } from '../../../src/main/logging/logger';
import {
  CallbackApplication,
  type CallbackApplicationDeps,
  type CallbackStep,
} from '../../../src/main/payments/callback-application';
import { PaymentEventBus } from '../../../src/main/payments/payment-events';
import { PaymentTransitions } from '../../../src/main/payments/payment-transitions';
import { ignored, type Applied } from '../../../src/main/payments/state-change';
import {
  auditOf,
  finalCallback,
  journaledPayment,
  PROJECT_ID,
  qrCallback,
  receivedCallback,
  testSettings,
} from '../../support/fake-gate';

/** 15 January 2026, 10:00 UTC. */
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);

/**
 * Callback application over an in-memory journal, with the payment service's transitions and
 * a sale waiting for its customer (100.00 CNY). Records the crash-test steps it passes and the
 * refund callbacks it hands on.
 */
function applicationWith(deps: Partial<CallbackApplicationDeps> = {}) {
  const journal = new Journal(':memory:');
  const events = new PaymentEventBus();
  const steps: Array<[CallbackStep, string]> = [];
  const tracker = { track: () => {}, untrack: () => {} };
  const application = new CallbackApplication({
    journal,
    transitions: new PaymentTransitions({
      journal,
      events,
      tracker,
      isOnScreen: () => true,
      now: () => Date.now(),
    }),
    settings: () => testSettings(),
    now: () => Date.now(),
    step: (step, id) => void steps.push([step, id]),
    ...deps,
  });
  const sale = journaledPayment(journal, 'T01-SALE', 'requested', { amount: 10_000 });
  return { journal, application, sale, steps, events };
}

let running: ReturnType<typeof applicationWith> | undefined;
function start(...args: Parameters<typeof applicationWith>) {
  running = applicationWith(...args);
  return running;
}

beforeEach(() => {
  vi.useFakeTimers({ now: T0, toFake: ['Date'] });
  setLogSink(null);
});
afterEach(() => {
  running?.journal.close();
  running = undefined;
  vi.useRealTimers();
});

describe('callback application', () => {
  it("a verified final callback is recorded, then applied: the sale is paid, learned by callback, with Gate's operation id", async () => {
    const { journal, application, sale, steps } = start();
    await application.receive(receivedCallback(finalCallback(sale, 'success'), { at: T0 }));
    expect(journal.get(sale.id)).toMatchObject({
      state: 'succeeded',
      gateCode: '0',
      gateMessage: 'Success',
    });
    expect(journal.transitionsOf(sale.id).at(-1)?.detail).toMatchObject({
      via: 'callback',
      operationId: '77',
    });
    expect(journal.callbacksOf(sale.id)).toEqual([
      expect.objectContaining({
        receivedAt: T0,
        verified: true,
        problem: null,
        outcome: 'applied: requested → succeeded',
        copies: 1,
      }),
    ]);
    expect(steps).toEqual([
      ['final-received', sale.id],
      ['final-recorded', sale.id],
    ]);
  });

  it('the same callback again changes nothing: one record, its copies counted, its first outcome kept', async () => {
    const { journal, application, sale } = start();
    const callback = receivedCallback(finalCallback(sale, 'success'));
    await application.receive(callback);
    const after = journal.get(sale.id);
    await application.receive(callback);
    await application.receive(callback);
    expect(journal.get(sale.id)).toEqual(after);
    expect(journal.transitionsOf(sale.id).map((t) => t.to)).toEqual([
      'created',
      'requested',
      'succeeded',
    ]);
    expect(journal.callbacksOf(sale.id)).toEqual([
      expect.objectContaining({ copies: 3, outcome: 'applied: requested → succeeded' }),
    ]);
  });

  it('a callback signed with another secret is recorded as it came (hash, size, a prefix) and changes nothing', async () => {
    const { journal, application, sale } = start();
    const forged = receivedCallback(
      { ...finalCallback(sale, 'success'), pad: 'x'.repeat(500) },
      { secret: 'not-the-merchant-secret' },
    );
    await application.receive(forged);
    expect(journal.get(sale.id)?.state).toBe('requested');
    const [recorded] = journal.callbacksOf(sale.id);
    expect(recorded).toMatchObject({
      verified: false,
      outcome: 'ignored',
      problem: expect.stringMatching(/^bad_signature/),
      bodySize: Buffer.byteLength(forged.rawText),
    });
    expect(recorded!.raw).toBe(forged.rawText.slice(0, 200));
  });

  it('records no more unverified callbacks from one address than its budget; another address still gets its own', async () => {
    const { journal, application, sale } = start({ unverifiedPerMinute: 3 });
    const forged = (n: number, from: string) =>
      receivedCallback(
        { ...finalCallback(sale, 'success'), n },
        { secret: 'not-the-merchant-secret', from },
      );
    for (let n = 0; n < 10; n++) await application.receive(forged(n, '203.0.113.9'));
    await application.receive(forged(99, '198.51.100.7'));
    const remotes = journal.callbacksOf(sale.id).map((c) => c.remote);
    expect(remotes).toEqual(['203.0.113.9', '203.0.113.9', '203.0.113.9', '198.51.100.7']);
  });

  it.each([
    ['another amount', { amount: 100, currency: 'CNY' }, /Gate reports 100 CNY/],
    ['another currency', { amount: 10_000, currency: 'USD' }, /Gate reports 10000 USD/],
  ])(
    'a callback about %s is refused and audited; the sale stays as it was',
    async (_what, sum, why) => {
      const { journal, application, sale } = start();
      await application.receive(receivedCallback(finalCallback(sale, 'success', sum)));
      expect(journal.get(sale.id)?.state).toBe('requested');
      expect(journal.callbacksOf(sale.id)[0]?.outcome).toMatch(
        new RegExp(`^refused: ${why.source}`),
      );
      expect(auditOf(journal, sale.id)).toEqual([['gate', 'callback amount mismatch']]);
    },
  );

  it("another project's callback, or one about a payment the counter never made, changes nothing", async () => {
    const { journal, application, sale } = start();
    expect(
      await application.apply(
        callbackOf({ ...finalCallback(sale, 'success'), project_id: PROJECT_ID + 1 }),
      ),
    ).toEqual(ignored(`project ${PROJECT_ID + 1} is not this counter's project`));
    expect(
      await application.apply(callbackOf(finalCallback({ ...sale, id: 'T09-ELSE' }, 'success'))),
    ).toEqual(ignored('unknown payment'));
    expect(journal.get(sale.id)?.state).toBe('requested');
  });

  it('status "error" ends the sale declined (nothing was charged), in Gate\'s first error\'s words', async () => {
    const { journal, application, sale } = start();
    await application.receive(
      receivedCallback({
        project_id: PROJECT_ID,
        payment: { id: sale.id, status: 'error', sum: { amount: 10_000, currency: 'CNY' } },
        errors: [{ code: '502', message: 'Validation error' }],
      }),
    );
    expect(journal.get(sale.id)).toMatchObject({
      state: 'declined',
      gateCode: '502',
      gateMessage: 'Validation error',
    });
  });

  it('an error in the sale operation alone ends it declined too', async () => {
    const { journal, application, sale } = start();
    const callback = finalCallback(sale, 'error');
    await application.receive(
      receivedCallback({
        ...callback,
        payment: { ...(callback['payment'] as object), status: 'processing' },
      }),
    );
    expect(journal.get(sale.id)?.state).toBe('declined');
  });

  it('the intermediate callback shows the QR, its countdown running from when it arrived', async () => {
    const { journal, application, sale, steps } = start();
    vi.setSystemTime(T0 + 4000);
    await application.receive(receivedCallback(qrCallback(sale, 'https://qr.example/1', 300)));
    expect(journal.get(sale.id)).toMatchObject({
      state: 'awaiting_customer',
      qr: { kind: 'text', text: 'https://qr.example/1' },
      qrExpiresAt: T0 + 4000 + 300_000,
    });
    expect(steps).toEqual([['intermediate-recorded', sale.id]]);
  });

  it('a repeated intermediate callback after the sale ended reopens nothing', async () => {
    const { journal, application, sale } = start();
    await application.receive(receivedCallback(qrCallback(sale, 'https://qr.example/1')));
    await application.receive(receivedCallback(finalCallback(sale, 'decline')));
    const outcome = await application.apply(callbackOf(qrCallback(sale, 'https://qr.example/1')));
    expect(outcome.kind).toBe('ignored');
    expect(journal.get(sale.id)?.state).toBe('declined');
  });

  it('refund callbacks go to the refund service; the sale is not touched', async () => {
    const handed: GateCallback[] = [];
    const { journal, application, sale } = start({
      onRefundCallback: (callback): Applied => {
        handed.push(callback);
        return { kind: 'applied', from: 'requested', to: 'succeeded' };
      },
    });
    journal.transition(sale.id, 'requested', 'succeeded', 'test: paid');
    const refund = {
      project_id: PROJECT_ID,
      payment: {
        id: sale.id,
        status: 'partially refunded',
        sum: { amount: 10_000, currency: 'CNY' },
      },
      operation: {
        type: 'refund',
        status: 'success',
        sum_initial: { amount: 100, currency: 'CNY' },
      },
    };
    await application.receive(receivedCallback(refund));
    expect(handed.map((c) => c.operation?.type)).toEqual(['refund']);
    expect(journal.get(sale.id)?.state).toBe('succeeded');
    expect(journal.callbacksOf(sale.id)[0]?.outcome).toBe('applied: requested → succeeded');
  });

  it('without a refund service a refund callback is ignored, as is an operation other than a sale', async () => {
    const { journal, application, sale } = start();
    const refund = {
      ...finalCallback(sale, 'success'),
      operation: { type: 'reversal', status: 'success' },
    };
    expect(await application.apply(callbackOf(refund))).toEqual(ignored('refund operation'));
    const other = {
      ...finalCallback(sale, 'success'),
      operation: { type: 'auth', status: 'success' },
    };
    expect(await application.apply(callbackOf(other))).toEqual(ignored('auth operation'));
    expect(journal.get(sale.id)?.state).toBe('requested');
  });
});

/** A callback as the parser hands it over once verified. */
function callbackOf(body: Record<string, unknown>): GateCallback {
  const parsed = receivedCallback(body).parsed;
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.callback;
}
