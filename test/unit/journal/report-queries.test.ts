import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/journal/journal';
import type { CurrencyTotals, Report } from '../../../src/main/journal/report-queries';
import type { PaymentState } from '../../../src/shared/payment-state';
import type { Currency } from '../../../src/shared/money/currencies';
import { prng } from '../../support/prng';

const journals: Journal[] = [];
afterEach(() => {
  for (const j of journals.splice(0)) j.close();
});

const CURRENCIES = ['USD', 'CNY', 'JPY', 'HKD', 'EUR'] as const;
const PAID: readonly PaymentState[] = ['succeeded', 'partially_refunded', 'refunded'];
const OPEN: readonly PaymentState[] = ['created', 'requested', 'awaiting_customer', 'unknown'];
const ENDS: readonly PaymentState[] = ['succeeded', 'declined', 'rejected', 'expired'];

/**
 * What a report over (start, end] must say, from every payment and refund as the journal holds
 * them: a payment counts in the period it settled in, a refund in the one it succeeded in, a
 * sale the cashier cancelled (and that was not paid) in the one it was cancelled in, and never
 * as declined.
 */
function expected(journal: Journal, ids: Ids, start: number, end: number): Report['currencies'] {
  const by = new Map<
    string,
    { payments: number[]; refunds: number[]; declined: number; cancelled: number }
  >();
  const of = (currency: string) => {
    let e = by.get(currency);
    if (!e) by.set(currency, (e = { payments: [], refunds: [], declined: 0, cancelled: 0 }));
    return e;
  };
  const inPeriod = (at: number | null) => at !== null && at > start && at <= end;
  for (const id of ids.payments) {
    const p = journal.get(id)!;
    if (inPeriod(p.cancelledAt) && !PAID.includes(p.state)) of(p.currency).cancelled++;
    if (!inPeriod(p.settledAt)) continue;
    if (PAID.includes(p.state)) of(p.currency).payments.push(p.amount);
    else if (p.state === 'declined' && p.cancelledAt === null) of(p.currency).declined++;
  }
  for (const id of ids.refunds) {
    const r = journal.refunds.get(id)!;
    if (r.state === 'succeeded' && inPeriod(r.settledAt)) of(r.currency).refunds.push(r.amount);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, e]): CurrencyTotals => ({
      currency,
      payments: { count: e.payments.length, sum: sum(e.payments) },
      refunds: { count: e.refunds.length, sum: sum(e.refunds) },
      net: sum(e.payments) - sum(e.refunds),
      declined: e.declined,
      cancelled: e.cancelled,
    }));
}

interface Ids {
  payments: string[];
  refunds: string[];
}

/**
 * A random day at a counter: sales in several currencies ending every way (some still open),
 * results that arrive late or with the clock set back, full and partial refunds that succeed,
 * fail or stay open, and days closed in between.
 */
function randomDays(seed: number): number {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const journal = new Journal(':memory:');
  journals.push(journal);
  const ids: Ids = { payments: [], refunds: [] };
  const currencies = CURRENCIES.slice(0, 1 + Math.floor(random() * CURRENCIES.length));
  let now = 1_000;
  const reports: Report[] = [];
  let cancels = 0;
  for (let step = 0; step < 160; step++) {
    now += 1 + Math.floor(random() * 50);
    // The clock set back now and then (a settlement is still filed in the open period), or
    // running fast (the period then ends at that settlement, and the next one starts there).
    const clock = random();
    const at =
      clock < 0.1
        ? now - Math.floor(random() * 400)
        : clock < 0.2
          ? now + 1 + Math.floor(random() * 60)
          : now;
    const roll = random();
    if (roll < 0.5) {
      const id = `p${ids.payments.length}`;
      ids.payments.push(id);
      journal.create(
        {
          id,
          projectId: 1,
          terminalId: 'T1',
          amount: 1 + Math.floor(random() * 100_000),
          currency: pick(currencies) as Currency,
          createdAt: now,
        },
        'charge',
      );
      const end = random() < 0.2 ? pick(['requested', 'unknown'] as const) : pick(ENDS);
      journal.transition(id, 'created', end, 'result', {}, undefined, at);
    } else if (roll < 0.6 && ids.payments.length > 0) {
      // A late result: a declined or expired payment Gate settles after all.
      const p = journal.get(pick(ids.payments))!;
      if (p.state === 'declined' || p.state === 'expired' || OPEN.includes(p.state))
        journal.transition(p.id, p.state, 'succeeded', 'late result', {}, undefined, at);
    } else if (roll < 0.85 && ids.payments.length > 0) {
      const p = journal.get(pick(ids.payments))!;
      const left = journal.refunds.remaining(p.id);
      if (left <= 0 || (p.state !== 'succeeded' && p.state !== 'partially_refunded')) continue;
      const id = `r${ids.refunds.length}`;
      const amount = random() < 0.3 ? left : 1 + Math.floor(random() * left);
      const reserved = journal.refunds.reserve({
        id,
        paymentId: p.id,
        amount,
        reason: 'test',
        actor: 'manager',
        at: now,
      });
      if (!reserved.ok) throw new Error(reserved.error.message);
      ids.refunds.push(id);
      const end = pick(['succeeded', 'succeeded', 'declined', 'rejected', 'requested'] as const);
      journal.refunds.transition(id, 'created', end, 'result', {}, at);
    } else if (roll < 0.9 && ids.refunds.length > 0) {
      const r = journal.refunds.get(pick(ids.refunds))!;
      if (r.state === 'rejected' || r.state === 'requested')
        journal.refunds.transition(r.id, r.state, 'succeeded', 'late result', {}, at);
    } else if (roll < 0.93 && ids.payments.length > 0) {
      // The cashier cancels a sale still open; Gate declines one cancelled before.
      const open = ids.payments.filter((id) => OPEN.includes(journal.get(id)!.state));
      if (open.length === 0) continue;
      const p = journal.get(pick(open))!;
      if (p.cancelledAt === null) {
        journal.transition(p.id, p.state, p.state, 'cancelled', { cancelledAt: at }, undefined, at);
        cancels++;
      } else journal.transition(p.id, p.state, 'declined', 'threshold', {}, undefined, at);
    } else {
      const z = journal.closeDay(now, 'manager');
      expect(z.currencies).toEqual(expected(journal, ids, z.periodStart, z.periodEnd));
      reports.push(z);
    }
    if (step % 20 === 0) {
      const x = journal.reports.current(now);
      expect(x.currencies).toEqual(expected(journal, ids, x.periodStart, x.periodEnd));
      expect(x.open).toEqual({
        payments: ids.payments.filter((id) => {
          const p = journal.get(id)!;
          return OPEN.includes(p.state) && p.cancelledAt === null;
        }).length,
        refunds: ids.refunds.filter((id) =>
          ['created', 'requested', 'unknown'].includes(journal.refunds.get(id)!.state),
        ).length,
      });
    }
  }
  // Each Z counted its own period; every settled row lies in exactly one of them or after.
  for (const [i, z] of reports.entries())
    expect(z.periodStart).toBe(i === 0 ? 0 : reports[i - 1]!.periodEnd);
  const all = journal.reports.totals('X', null, 0, Number.MAX_SAFE_INTEGER);
  expect(all.currencies).toEqual(expected(journal, ids, 0, Number.MAX_SAFE_INTEGER));
  return cancels;
}

describe('report totals', () => {
  it('equal the sums of the payments and refunds settled in each period, and of the sales cancelled in it, over random days', () => {
    let cancelled = 0;
    for (let seed = 1; seed <= 12; seed++) cancelled += randomDays(seed);
    // The days had cancelled sales in them (else the rule about them went untested).
    expect(cancelled).toBeGreaterThan(5);
  });

  it('list a currency only when something of it counts in the period, in code order; a row settled at the end of a period counts in it, not the next', () => {
    const journal = new Journal(':memory:');
    journals.push(journal);
    const sale = (id: string, currency: Currency, end: PaymentState, at: number) => {
      journal.create(
        { id, projectId: 1, terminalId: 'T1', amount: 500, currency, createdAt: at },
        'charge',
      );
      journal.transition(id, 'created', end, 'result', {}, undefined, at);
    };
    const totals = (currency: string, paid: number, refunded: number, declined: number) => ({
      currency,
      payments: { count: paid, sum: paid * 500 },
      refunds: { count: refunded, sum: refunded * 200 },
      net: paid * 500 - refunded * 200,
      declined,
      cancelled: 0,
    });
    sale('a', 'USD', 'succeeded', 100);
    sale('b', 'CNY', 'rejected', 200);
    sale('c', 'EUR', 'declined', 300);
    sale('d', 'HKD', 'succeeded', 400);
    const report = (start: number, end: number) =>
      journal.reports.totals('X', null, start, end).currencies;
    expect(report(0, 300)).toEqual([totals('EUR', 0, 0, 1), totals('USD', 1, 0, 0)]);
    expect(report(300, 400)).toEqual([totals('HKD', 1, 0, 0)]);
    expect(report(0, 99)).toEqual([]);
    const reserved = journal.refunds.reserve({
      id: 'r1',
      paymentId: 'a',
      amount: 200,
      reason: 'test',
      actor: 'manager',
      at: 500,
    });
    if (!reserved.ok) throw new Error(reserved.error.message);
    journal.refunds.transition('r1', 'created', 'succeeded', 'result', {}, 600);
    expect(report(550, 600)).toEqual([totals('USD', 0, 1, 0)]);
    expect(report(600, 700)).toEqual([]);
    expect(report(0, 700)).toEqual([
      totals('EUR', 0, 0, 1),
      totals('HKD', 1, 0, 0),
      // 'a' is partially refunded now: still paid, in the period it settled in.
      totals('USD', 1, 1, 0),
    ]);
  });
});
