import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { err, ok } from '../../../src/shared/result';
import { Journal } from '../../../src/main/journal/journal';
import type { PaymentRecord } from '../../../src/main/journal/payment-record';
import { setLogSink } from '../../../src/main/logging/logger';
import { PaymentEventBus } from '../../../src/main/payments/payment-events';
import { PaymentService } from '../../../src/main/payments/payment-service';
import { PaymentTransitions } from '../../../src/main/payments/payment-transitions';
import {
  StatusReconciler,
  type GateAnswerHealth,
  type StatusReconcilerDeps,
} from '../../../src/main/payments/status-reconciler';
import type { Settings } from '../../../src/main/settings/settings';
import {
  auditOf,
  failed,
  fakeGate,
  journaledPayment,
  notFound,
  rejectedBy,
  statusAnswer,
  testSettings,
} from '../../support/fake-gate';

/** 15 January 2026, 10:00 UTC. */
const T0 = Date.UTC(2026, 0, 15, 10, 0, 0);
const GRACE_MS = 60_000;

/**
 * A status reconciler with the payment service's transitions, an in-memory journal, a fake
 * Gate and a clock of the test's own (the journal stamps its rows with the system clock, so
 * the test moves that one: vitest fakes `Date`, timers stay real). `tracked` is what the status
 * poller was told to follow.
 */
function reconcilerWith(
  options: { settings?: Partial<Settings>; deps?: Partial<StatusReconcilerDeps> } = {},
) {
  const journal = new Journal(':memory:');
  const gate = fakeGate();
  const clock = {
    get now() {
      return Date.now();
    },
    set now(at: number) {
      vi.setSystemTime(at);
    },
  };
  const tracked = new Map<string, number>();
  const tracker = {
    track: (id: string, since: number) => void tracked.set(id, since),
    untrack: (id: string) => void tracked.delete(id),
  };
  const events = new PaymentEventBus();
  const late: string[] = [];
  events.on('late', (payment) => late.push(payment.id));
  const now = () => Date.now();
  const settings = testSettings(options.settings);
  const health: GateAnswerHealth[] = [];
  const reconciler = new StatusReconciler({
    journal,
    transitions: new PaymentTransitions({
      journal,
      events,
      tracker,
      isOnScreen: () => true,
      now,
    }),
    tracker,
    statusGate: () => ok(gate),
    settings: () => settings,
    now,
    notFoundGraceMs: GRACE_MS,
    onAnswerHealth: (h) => health.push(h),
    ...options.deps,
  });
  /** A Payment Page link shown at T0 that may be paid for ten minutes. */
  const link = (id: string): PaymentRecord => {
    journaledPayment(journal, id, 'created', { mode: 'payment_page', createdAt: T0 });
    return journal.transition(id, 'created', 'awaiting_customer', 'test: link shown', {
      qr: { kind: 'text', text: `https://paymentpage.example/${id}` },
      qrExpiresAt: T0 + 600_000,
    });
  };
  return { journal, gate, clock, tracked, reconciler, late, health, link };
}

let running: ReturnType<typeof reconcilerWith> | undefined;
function start(...args: Parameters<typeof reconcilerWith>) {
  running = reconcilerWith(...args);
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

describe('status reconciler: what a status answer does to a sale', () => {
  it("Gate's success settles it, learned by status, with Gate's operation id for the receipt", async () => {
    const { journal, gate, reconciler, tracked } = start();
    const sale = journaledPayment(journal, 'T01-A', 'unknown', { createdAt: T0 });
    tracked.set(sale.id, T0);
    gate.answerStatus = () => statusAnswer(sale, 'success');
    await reconciler.pollOnce(sale.id);
    expect(journal.get(sale.id)).toMatchObject({ state: 'succeeded', gateCode: '0' });
    expect(journal.transitionsOf(sale.id).at(-1)?.detail).toMatchObject({
      via: 'status',
      operationId: `op-${sale.id}`,
    });
    expect(tracked.has(sale.id)).toBe(false);
  });

  it.each(['decline', 'expired', 'internal error', 'external error', 'canceled'])(
    'Gate\'s final status "%s" ends it declined: nothing was charged',
    async (status) => {
      const { journal, gate, reconciler } = start();
      const sale = journaledPayment(journal, 'T01-B', 'requested');
      gate.answerStatus = () => statusAnswer(sale, status);
      await reconciler.pollOnce(sale.id);
      expect(journal.get(sale.id)?.state).toBe('declined');
    },
  );

  it('"not found" settles nothing within the grace period, and means "never arrived" after it', async () => {
    const { journal, gate, clock, reconciler } = start();
    const sale = journaledPayment(journal, 'T01-C', 'unknown', { createdAt: T0 });
    gate.answerStatus = () => notFound();
    clock.now = T0 + GRACE_MS - 1;
    await reconciler.pollOnce(sale.id);
    expect(journal.get(sale.id)?.state).toBe('unknown');
    clock.now = T0 + GRACE_MS;
    await reconciler.pollOnce(sale.id);
    expect(journal.get(sale.id)).toMatchObject({ state: 'rejected', gateCode: '3061' });
  });

  it('"not found" for a sale Gate acknowledged changes nothing, however late', async () => {
    const { journal, gate, clock, reconciler } = start();
    const sale = journaledPayment(journal, 'T01-D', 'requested', { createdAt: T0 });
    gate.answerStatus = () => notFound();
    clock.now = T0 + 24 * 3_600_000;
    await reconciler.pollOnce(sale.id);
    expect(journal.get(sale.id)?.state).toBe('requested');
  });

  it('a sale still open at Gate shows the QR of the status answer when no callback brought one; its countdown runs from the sale', async () => {
    const { journal, gate, clock, reconciler } = start();
    const sale = journaledPayment(journal, 'T01-E', 'unknown', { createdAt: T0 });
    clock.now = T0 + 12_000;
    gate.answerStatus = () =>
      statusAnswer(sale, 'awaiting customer action', {
        display_data: [
          { type: 'qr_data', data: 'https://qr.example/e' },
          { type: 'add_info', title: 'QR Code Timeout', data: '300' },
        ],
      });
    await reconciler.pollOnce(sale.id);
    expect(journal.get(sale.id)).toMatchObject({
      state: 'awaiting_customer',
      qr: { kind: 'text', text: 'https://qr.example/e' },
      qrExpiresAt: T0 + 300_000,
    });
  });

  it('a sale still open at Gate, without a QR to show, becomes requested', async () => {
    const { journal, gate, reconciler } = start();
    const sale = journaledPayment(journal, 'T01-F', 'unknown');
    gate.answerStatus = () => statusAnswer(sale, 'processing');
    await reconciler.pollOnce(sale.id);
    expect(journal.get(sale.id)?.state).toBe('requested');
  });

  it('errors beside the payment ("not registered") settle nothing', async () => {
    const { journal, gate, reconciler } = start();
    const sale = journaledPayment(journal, 'T01-G', 'unknown');
    gate.answerStatus = () =>
      statusAnswer(sale, 'error', {
        operations: [],
        errors: [{ code: '3062', message: 'Payment not registered' }],
      });
    await reconciler.pollOnce(sale.id);
    expect(journal.get(sale.id)?.state).toBe('unknown');
    expect(journal.transitionsOf(sale.id)).toHaveLength(2);
  });

  it('a status answer about another amount is audited and changes nothing', async () => {
    const { journal, gate, reconciler } = start();
    const sale = journaledPayment(journal, 'T01-H', 'requested', { amount: 10_000 });
    gate.answerStatus = () => statusAnswer({ ...sale, amount: 100 }, 'success');
    await reconciler.pollOnce(sale.id);
    expect(journal.get(sale.id)?.state).toBe('requested');
    expect(auditOf(journal, sale.id)).toEqual([['gate', 'status amount mismatch']]);
  });

  it('a payment of another project is not asked about: that project\'s "not found" would settle it wrongly', async () => {
    const { journal, gate, clock, reconciler, tracked } = start({ settings: { projectId: 2002 } });
    const sale = journaledPayment(journal, 'T01-I', 'unknown', { createdAt: T0 });
    tracked.set(sale.id, T0);
    clock.now = T0 + 24 * 3_600_000;
    await reconciler.pollOnce(sale.id);
    expect(gate.statusAsks).toEqual([]);
    expect(journal.get(sale.id)?.state).toBe('unknown');
    expect(tracked.has(sale.id)).toBe(true);
  });

  it('with no Gate client (the keychain locked) nothing is asked and nothing concluded, however late', async () => {
    const { journal, gate, clock, reconciler, tracked } = start({
      deps: { statusGate: () => err('KEYCHAIN_UNAVAILABLE', 'The keychain is locked.') },
    });
    const sale = journaledPayment(journal, 'T01-LOCKED', 'created', { createdAt: T0 });
    tracked.set(sale.id, T0);
    clock.now = T0 + 24 * 3_600_000;
    await reconciler.pollOnce(sale.id);
    expect(gate.statusAsks).toEqual([]);
    expect(journal.get(sale.id)?.state).toBe('created');
    expect(tracked.has(sale.id)).toBe(true);
  });

  it('a settled payment is not asked about, and no longer followed', async () => {
    const { journal, gate, reconciler, tracked } = start();
    const sale = journaledPayment(journal, 'T01-J', 'declined');
    tracked.set(sale.id, T0);
    await reconciler.pollOnce(sale.id);
    expect(gate.statusAsks).toEqual([]);
    expect(tracked.has(sale.id)).toBe(false);
  });

  it("what Gate's answers say of the secret key reaches the banner: wrong, refused, then fine", async () => {
    const { journal, gate, reconciler, health } = start();
    const sale = journaledPayment(journal, 'T01-K', 'unknown');
    gate.answerStatus = () =>
      failed({ kind: 'unverified', httpStatus: 200, message: 'status signature: mismatch' });
    await reconciler.pollOnce(sale.id);
    gate.answerStatus = () => rejectedBy('3261', 'Invalid signature');
    await reconciler.pollOnce(sale.id);
    gate.answerStatus = () => failed({ kind: 'network', message: 'ECONNREFUSED' });
    await reconciler.pollOnce(sale.id);
    gate.answerStatus = () => statusAnswer(sale, 'processing');
    await reconciler.pollOnce(sale.id);
    expect(health).toEqual([
      { ok: false, message: { id: 'cashier.banner.gateUnverified' } },
      { ok: false, message: { id: 'cashier.banner.gateRefusesKey' } },
      { ok: true },
    ]);
    expect(journal.get(sale.id)?.state).toBe('requested');
  });
});

describe('status reconciler: Payment Page links', () => {
  it('"not found" means "not paid yet" until the link expired and the grace passed; then it expires, nothing charged', async () => {
    const { journal, gate, clock, reconciler, link } = start();
    const shown = link('T01-L1');
    gate.answerStatus = () => notFound();
    clock.now = shown.qrExpiresAt! + GRACE_MS - 1;
    await reconciler.pollOnce(shown.id);
    expect(journal.get(shown.id)?.state).toBe('awaiting_customer');
    clock.now = shown.qrExpiresAt! + GRACE_MS;
    await reconciler.pollOnce(shown.id);
    expect(journal.get(shown.id)).toMatchObject({ state: 'expired', gateCode: '3061' });
  });

  it('a link the counter never showed (it stopped first) expires once the grace has passed', async () => {
    const { journal, gate, clock, reconciler } = start();
    const never = journaledPayment(journal, 'T01-L2', 'created', {
      mode: 'payment_page',
      createdAt: T0,
    });
    gate.answerStatus = () => notFound();
    clock.now = T0 + GRACE_MS;
    await reconciler.pollOnce(never.id);
    expect(journal.get(never.id)?.state).toBe('expired');
  });

  it('an expired link is still watched for the threshold time: a success then is a late payment', async () => {
    const { journal, gate, clock, reconciler, link, late } = start({
      settings: { thresholdSeconds: 3600 },
    });
    const shown = link('T01-L3');
    gate.answerStatus = () => notFound();
    clock.now = shown.qrExpiresAt! + GRACE_MS;
    await reconciler.pollOnce(shown.id);
    const expiredAt = clock.now;
    expect(journal.get(shown.id)?.state).toBe('expired');
    // The customer confirmed at the last second: Gate reports it paid within the hour.
    gate.answerStatus = () => statusAnswer(shown, 'success');
    clock.now = expiredAt + 3_600_000 - 1;
    await reconciler.pollOnce(shown.id);
    expect(journal.get(shown.id)).toMatchObject({ state: 'succeeded', lateAlert: 'open' });
    expect(late).toEqual([shown.id]);
  });

  it('past the watch an expired link is no longer asked about', async () => {
    const { journal, gate, clock, reconciler, link, tracked } = start({
      settings: { thresholdSeconds: 3600 },
    });
    const shown = link('T01-L4');
    gate.answerStatus = () => notFound();
    clock.now = shown.qrExpiresAt! + GRACE_MS;
    await reconciler.pollOnce(shown.id);
    const asked = gate.statusAsks.length;
    clock.now += 3_600_000;
    tracked.set(shown.id, T0);
    await reconciler.pollOnce(shown.id);
    expect(gate.statusAsks).toHaveLength(asked);
    expect(tracked.has(shown.id)).toBe(false);
    expect(journal.get(shown.id)?.state).toBe('expired');
  });

  it('is asked about every 5 s while it can be paid, then less and less often once expired', () => {
    const { journal, reconciler, link } = start({ settings: { thresholdSeconds: 3600 } });
    const live = link('T01-L5');
    expect(reconciler.schedule(live.id)).toEqual({
      firstAfterMs: 5000,
      maxIntervalMs: 5000,
      // The hour's threshold outlasts the link's ten minutes and the grace.
      thresholdMs: 3_600_000,
    });
    journal.transition(live.id, 'awaiting_customer', 'expired', 'test: expired');
    expect(reconciler.schedule(live.id)).toMatchObject({
      firstAfterMs: 5000,
      maxIntervalMs: 60_000,
    });
    const sale = journaledPayment(journal, 'T01-QR', 'requested');
    expect(reconciler.schedule(sale.id)).toEqual({
      firstAfterMs: 10_000,
      maxIntervalMs: 60_000,
      thresholdMs: 3_600_000,
    });
  });

  it('a link that lives longer than the threshold time is asked about until it has expired', () => {
    const { reconciler, link } = start({ settings: { thresholdSeconds: 60 } });
    const live = link('T01-L6');
    expect(reconciler.schedule(live.id).thresholdMs).toBe(600_000 + GRACE_MS + 5000);
  });
});

describe('status reconciler: recovery at start', () => {
  it('follows every unfinished payment from its creation, and expired links still in their watch', () => {
    const { journal, clock, reconciler, tracked } = start({
      settings: { thresholdSeconds: 3600, paymentPageLifetimeSeconds: 600 },
    });
    journaledPayment(journal, 'T01-OPEN', 'unknown', { createdAt: T0 - 5000 });
    journaledPayment(journal, 'T01-DONE', 'succeeded', { createdAt: T0 - 5000 });
    const watched = journaledPayment(journal, 'T01-LINK', 'created', {
      mode: 'payment_page',
      createdAt: T0 - 700_000,
    });
    journal.transition(watched.id, 'created', 'expired', 'test: expired');
    const settledAt = journal.get(watched.id)!.settledAt!;
    clock.now = settledAt + 1000;
    const open = reconciler.recover();
    expect(open.map((p) => p.id)).toEqual(['T01-OPEN']);
    expect(Object.fromEntries(tracked)).toEqual({
      'T01-OPEN': T0 - 5000,
      'T01-LINK': settledAt,
    });
    // An hour after it expired, the link is no longer watched.
    tracked.clear();
    clock.now = settledAt + 3_600_000;
    reconciler.recover();
    expect([...tracked.keys()]).toEqual(['T01-OPEN']);
  });
});

describe('status reconciler with the status poller', () => {
  it('stops asking about an expired link once the threshold time after its expiry has passed', async () => {
    vi.useFakeTimers({ now: T0 });
    const journal = new Journal(':memory:');
    const gate = fakeGate();
    gate.answerStatus = () => notFound();
    const settings = testSettings({ paymentPageLifetimeSeconds: 60, thresholdSeconds: 60 });
    const service = new PaymentService({
      journal,
      gate: () => ok(gate),
      settings: () => settings,
      callbackUrl: () => undefined,
      isOnScreen: () => true,
      now: () => Date.now(),
      notFoundGraceMs: 1000,
      paymentPagePollMs: 1000,
      purchaseMode: () => 'payment_page',
      paymentPageLink: (params) => ok(`https://paymentpage.example/${params['payment_id']}`),
    });
    try {
      const charged = await service.charge('12.00', 'CNY');
      const id = charged.ok ? charged.value.id : '';
      // The link lives 60 s; "not found" 1 s after that means it expired unpaid.
      await vi.advanceTimersByTimeAsync(62_000);
      expect(service.get(id)?.state).toBe('expired');
      const expiredAt = service.get(id)!.settledAt!;
      const atExpiry = gate.statusAsks.length;
      // Watched for the threshold time (60 s) after its expiry, less and less often...
      await vi.advanceTimersByTimeAsync(expiredAt + 60_000 - Date.now());
      const inWatch = gate.statusAsks.length;
      expect(inWatch).toBeGreaterThan(atExpiry);
      // ... then never again.
      await vi.advanceTimersByTimeAsync(24 * 3_600_000);
      expect(gate.statusAsks).toHaveLength(inWatch);
      expect(service.get(id)?.state).toBe('expired');
    } finally {
      service.stop();
      journal.close();
    }
  });
});
