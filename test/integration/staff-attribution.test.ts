import { afterEach, describe, expect, it } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import {
  charge,
  pressOnSandbox,
  startDemoCounter,
  waitForPayment,
} from '../support/counter-harness';

type DemoCounter = Counter & { sandbox: Counter['sandbox'] };

/** A demo sale paid by the customer on the sandbox. */
async function paidSale(counter: DemoCounter, amount: string) {
  const started = await charge(counter, amount);
  await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
  await pressOnSandbox(counter.sandbox!, started.id, 'success');
  return waitForPayment(counter, started.id, (p) => p.state === 'succeeded');
}

describe('who did what, through the channels the screens use', () => {
  let counter: DemoCounter | undefined;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });

  it('History names and filters by person; a cashier refunds with a manager called by name', async () => {
    counter = await startDemoCounter();
    const { staff, handlers } = counter;
    const ben = staff.directory.byName('Ben')!;
    const manager = staff.directory.byName('Demo manager')!;
    const anas = await paidSale(counter, '12.00');
    await staff.shifts.handOver(ben.id, '8642');
    const bens = await paidSale(counter, '30.00');

    const all = await handlers['history:search']({});
    expect(all.ok && all.value.takenBy).toEqual({ [anas.id]: 'Ana', [bens.id]: 'Ben' });
    const onlyBen = await handlers['history:search']({ staffId: ben.id });
    expect(onlyBen.ok && onlyBen.value.items.map((p) => p.id)).toEqual([bens.id]);
    const list = await handlers['staff:list']({});
    expect(list.ok && list.value.staff.map((m) => m.name)).toEqual(['Ana', 'Ben', 'Demo manager']);

    const request = { paymentId: bens.id, amount: '5.00', reason: 'spilt' };
    // Ben is no manager: his own PIN cannot authorise it, said in the catalogue's words.
    const refused = await handlers['refunds:create']({
      ...request,
      manager: { staffId: ben.id, pin: '8642' },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_MANAGER', said: { id: 'main.error.code.NEEDS_MANAGER' } },
    });
    const wrong = await handlers['refunds:create']({
      ...request,
      manager: { staffId: manager.id, pin: '0000' },
    });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'PIN_INCORRECT', said: { id: 'manager.pin.wrong', values: { left: 4 } } },
    });
    const refunded = await handlers['refunds:create']({
      ...request,
      manager: { staffId: manager.id, pin: '2468' },
    });
    if (!refunded.ok) throw new Error(refunded.error.message);
    const detail = await handlers['payments:detail']({ paymentId: bens.id });
    expect(detail.ok && detail.value.people).toMatchObject({
      takenBy: 'Ben',
      refunds: { [refunded.value.id]: { by: 'Ben', authorisedBy: 'Demo manager' } },
    });

    // Staff management: a cashier alone may not; with the manager called, a new member.
    const added = await handlers['staff:add']({
      name: 'Cleo',
      role: 'cashier',
      pin: '1470',
      manager: { staffId: manager.id, pin: '2468' },
    });
    expect(added).toMatchObject({ ok: true, value: { name: 'Cleo', role: 'cashier' } });
    const byBen = await handlers['staff:set-active']({
      staffId: ben.id,
      active: false,
      manager: { staffId: ben.id, pin: '8642' },
    });
    expect(byBen).toMatchObject({ ok: false, error: { code: 'NEEDS_MANAGER' } });
  });

  it('the reports by person: the X split and the Z shifts, under the manager session', async () => {
    counter = await startDemoCounter();
    const { staff, handlers } = counter;
    const ben = staff.directory.byName('Ben')!;
    const manager = staff.directory.byName('Demo manager')!;
    await paidSale(counter, '12.00');
    await staff.shifts.handOver(ben.id, '8642');
    await paidSale(counter, '30.00');
    expect(await handlers['reports:people']({})).toMatchObject({
      ok: false,
      error: { code: 'MANAGER_LOCKED' },
    });
    await handlers['manager:unlock']({ pin: '2468' });
    const x = await handlers['reports:people']({});
    expect(x.ok && x.value.xByPerson.map((r) => [r.name, r.net])).toEqual([
      ['Ana', 1200],
      ['Ben', 3000],
    ]);
    const z = await handlers['reports:close-day']({
      manager: { staffId: manager.id, pin: '2468' },
    });
    if (!z.ok) throw new Error(z.error.message);
    const people = await handlers['reports:people']({});
    const shifts = people.ok ? people.value.zShifts[0]! : undefined;
    expect(shifts?.number).toBe(z.value.number);
    expect(shifts?.byShift.map((s) => s.name)).toEqual(['Ana', 'Ben']);
    expect(shifts?.byShift.reduce((sum, s) => sum + s.net, 0)).toBe(z.value.currencies[0]!.net);
  });
});
