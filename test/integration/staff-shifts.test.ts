import { afterEach, describe, expect, it } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import {
  charge,
  pressOnSandbox,
  startDemoCounter,
  waitForPayment,
} from '../support/counter-harness';

/** A demo sale paid by the customer on the sandbox. */
async function paidSale(counter: Counter & { sandbox: Counter['sandbox'] }, amount: string) {
  const started = await charge(counter, amount);
  await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
  await pressOnSandbox(counter.sandbox!, started.id, 'success');
  return waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
}

describe('staff and shifts on a demo counter', () => {
  let counter: (Counter & { sandbox: Counter['sandbox'] }) | undefined;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });

  it('Ana sells, hands over to Ben, Ben sells; a refund needs the manager; X and Z split by person', async () => {
    counter = await startDemoCounter();
    const { staff, journal } = counter;
    expect(staff.directory.list().map((m) => [m.name, m.role])).toEqual([
      ['Ana', 'cashier'],
      ['Ben', 'cashier'],
      ['Demo manager', 'manager'],
    ]);
    expect(staff.shifts.current()).toMatchObject({ member: { name: 'Ana' }, locked: false });
    const ben = staff.directory.byName('Ben')!;
    const manager = staff.directory.byName('Demo manager')!;

    const anas = await paidSale(counter, '12.00');
    const handed = await staff.shifts.handOver(ben.id, '8642');
    expect(handed).toMatchObject({ ok: true, value: { report: { name: 'Ana' } } });
    const bens = await paidSale(counter, '30.00');

    expect(journal.people.attribution.payment(anas.id)).toMatchObject({ staffName: 'Ana' });
    expect(journal.people.attribution.payment(bens.id)).toMatchObject({ staffName: 'Ben' });

    const refused = await staff.actions.refund({
      paymentId: bens.id,
      amount: '5.00',
      reason: 'spilt',
      manager: { staffId: ben.id, pin: '8642' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NEEDS_MANAGER' } });
    const refunded = await staff.actions.refund({
      paymentId: bens.id,
      amount: '5.00',
      reason: 'spilt',
      manager: { staffId: manager.id, pin: '2468' },
    });
    expect(refunded).toMatchObject({ ok: true, value: { actor: 'Ben' } });
    const refundId = refunded.ok ? refunded.value.id : '';
    expect(journal.people.attribution.refund(refundId)).toMatchObject({
      staffName: 'Ben',
      authorisedByName: 'Demo manager',
    });

    // The refund succeeds once Gate says so (its callback): a bounded wait, no fixed sleep.
    for (let i = 0; i < 200 && journal.refunds.get(refundId)?.state !== 'succeeded'; i++)
      await new Promise((resolve) => setTimeout(resolve, 25));
    expect(journal.refunds.get(refundId)?.state).toBe('succeeded');
    const x = await staff.actions.xReport({ staffId: manager.id, pin: '2468' });
    const byName = (
      rows: { name: string; payments: { sum: number }; refunds: { sum: number } }[],
    ) => Object.fromEntries(rows.map((r) => [r.name, [r.payments.sum, r.refunds.sum]]));
    expect(x.ok && byName(x.value.byPerson)).toEqual({ Ana: [1200, 0], Ben: [3000, 500] });

    const z = await staff.actions.closeDay({ staffId: manager.id, pin: '2468' });
    if (!z.ok) throw new Error(z.error.message);
    expect(z.value.byShift.map((s) => s.name)).toEqual(['Ana', 'Ben']);
    const shiftsNet = z.value.byShift.reduce((sum, s) => sum + s.net, 0);
    expect(shiftsNet).toBe(z.value.report.currencies[0]!.net);
    expect(shiftsNet).toBe(1200 + 3000 - 500);
  });
});
