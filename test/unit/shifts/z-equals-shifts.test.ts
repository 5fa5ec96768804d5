import { describe, expect, it } from 'vitest';
import type { Journal } from '../../../src/main/journal/journal';
import type { CurrencyTotals } from '../../../src/main/journal/report-queries';
import type { NamedTotals } from '../../../src/main/shifts/staff-reports';
import type { Currency } from '../../../src/shared/money/currencies';
import { prng } from '../../support/prng';
import { staffCounter } from '../../support/staff-setup';

const CURRENCIES = ['CNY', 'USD', 'HKD'] as const;

/** The shifts' (or people's) parts added up per currency, as the Z lists its currencies. */
function added(parts: readonly NamedTotals[]): Omit<CurrencyTotals, 'declined' | 'cancelled'>[] {
  const by = new Map<string, { p: number; ps: number; r: number; rs: number }>();
  for (const part of parts) {
    const t = by.get(part.currency) ?? { p: 0, ps: 0, r: 0, rs: 0 };
    by.set(part.currency, {
      p: t.p + part.payments.count,
      ps: t.ps + part.payments.sum,
      r: t.r + part.refunds.count,
      rs: t.rs + part.refunds.sum,
    });
  }
  return [...by.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([currency, t]) => ({
      currency,
      payments: { count: t.p, sum: t.ps },
      refunds: { count: t.r, sum: t.rs },
      net: t.ps - t.rs,
    }));
}

const withoutDeclined = (currencies: readonly CurrencyTotals[]) =>
  currencies
    .filter((c) => c.payments.count > 0 || c.refunds.count > 0)
    .map(({ declined: _declined, cancelled: _cancelled, ...rest }) => rest);

/**
 * A random few days at a counter: three people signing in, handing over, locking and being
 * signed out by a manager; sales in several currencies settling now or late (after a handover,
 * even after the day closed); refunds; days closed in between. Every Z must equal its shifts.
 */
async function randomDays(seed: number): Promise<number> {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const c = await staffCounter();
  const { journal } = c;
  const people = [
    { ...(await c.add('Ana', 'cashier', '1357')), pin: '1357' },
    { ...(await c.add('Ben', 'cashier', '8642')), pin: '8642' },
    { ...c.mia, pin: '918273' },
  ];
  const open: string[] = [];
  const paid: string[] = [];
  let checked = 0;
  for (let step = 0; step < 120; step++) {
    c.clock.now += 1 + Math.floor(random() * 60_000);
    const now = c.clock.now;
    const signed = c.shifts.current();
    const roll = random();
    if (!signed) {
      const who = pick(people);
      await c.shifts.signIn(who.id, who.pin);
    } else if (roll < 0.08) {
      const next = pick(people.filter((p) => p.id !== signed.member.id));
      await c.shifts.handOver(next.id, next.pin);
    } else if (roll < 0.1) {
      await c.shifts.endByManager(c.mia.id, '918273', 'closing');
    } else if (roll < 0.55) {
      const id = `p${step}`;
      journal.create(
        {
          id,
          projectId: 1,
          terminalId: 'T1',
          amount: 1 + Math.floor(random() * 50_000),
          currency: pick(CURRENCIES) as Currency,
          createdAt: now,
        },
        'charge',
      );
      if (random() < 0.7) settle(journal, id, pick(['succeeded', 'declined'] as const), now);
      else open.push(id);
    } else if (roll < 0.7 && open.length > 0) {
      // A result that arrives later, maybe in another person's shift or after a day closed.
      const id = open.splice(Math.floor(random() * open.length), 1)[0]!;
      settle(journal, id, 'succeeded', now);
    } else if (roll < 0.85) {
      const id = paid.length > 0 ? pick(paid) : undefined;
      const left = id ? journal.refunds.remaining(id) : 0;
      if (!id || left <= 0) continue;
      const refundId = `r${step}`;
      const amount = 1 + Math.floor(random() * left);
      const at = now;
      journal.refunds.reserve({ id: refundId, paymentId: id, amount, reason: 't', actor: 'm', at });
      journal.refunds.transition(
        refundId,
        'created',
        pick(['succeeded', 'declined'] as const),
        'r',
        {},
        at,
      );
    } else if (roll < 0.92) {
      const z = journal.closeDay(now, 'manager');
      const byShift = c.actions.withShifts(z);
      expect(added(byShift.byShift)).toEqual(withoutDeclined(z.currencies));
      expect(added(byShift.byPerson)).toEqual(withoutDeclined(z.currencies));
      checked++;
    }
  }
  journal.close();
  return checked;

  function settle(j: Journal, id: string, to: 'succeeded' | 'declined', at: number): void {
    j.transition(id, 'created', to, 'callback', {}, undefined, at);
    if (to === 'succeeded') paid.push(id);
  }
}

describe('the Z and its shifts', () => {
  it('every Z equals the sum of its shifts, and of its people, over random days', async () => {
    let zs = 0;
    for (let seed = 1; seed <= 12; seed++) zs += await randomDays(seed);
    // The random days did close days (else the test proved nothing).
    expect(zs).toBeGreaterThan(12);
  });
});
