import { describe, expect, it } from 'vitest';
import { staffCounter } from '../../support/staff-setup';

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

describe('staff', () => {
  it('a manager adds, renames, disables and gives a new PIN; each change is audited', async () => {
    const c = await staffCounter();
    const ana = await c.add('Ana', 'cashier', '1357');
    expect(c.directory.list().map((m) => [m.name, m.role, m.active])).toEqual([
      ['Ana', 'cashier', true],
      ['Mia', 'manager', true],
    ]);
    expect(c.directory.rename(c.by, ana.id, 'Ana Lima')).toMatchObject({
      ok: true,
      value: { name: 'Ana Lima' },
    });
    expect(await c.directory.setPin(c.by, ana.id, '2468')).toMatchObject({ ok: true });
    expect(codeOf(await c.shifts.signIn(ana.id, '1357'))).toBe('PIN_INCORRECT');
    expect(codeOf(await c.shifts.signIn(ana.id, '2468'))).toBe('ok');
    await c.shifts.signOut();
    expect(c.directory.setActive(c.by, ana.id, false)).toMatchObject({ value: { active: false } });
    expect(codeOf(await c.shifts.signIn(ana.id, '2468'))).toBe('INVALID_INPUT');
    const actions = c.journal.auditLog().map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'first manager added',
        'staff member added',
        'staff member renamed',
        'staff PIN set',
        'staff member disabled',
      ]),
    );
    // No audit entry's detail, and no view, carries a PIN or its hash.
    expect(JSON.stringify(c.journal.auditLog().map((e) => e.detail))).not.toMatch(/2468|1357/);
    expect(JSON.stringify(c.directory.list())).not.toMatch(/salt|hash/);
  });

  it('names are unique whatever their case', async () => {
    const c = await staffCounter();
    await c.add('Ana', 'cashier', '1357');
    expect(await c.directory.add(c.by, 'ana', 'cashier', '1111')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', message: 'Ana is already on the staff.' },
    });
  });

  it('a live counter needs 6 digits for a manager PIN and 4 for a cashier; demo mode 4 for both', async () => {
    const live = await staffCounter({ mode: 'live' });
    expect(codeOf(await live.directory.add(live.by, 'Max', 'manager', '2468'))).toBe(
      'INVALID_INPUT',
    );
    expect(codeOf(await live.directory.add(live.by, 'Max', 'manager', '246813'))).toBe('ok');
    expect(codeOf(await live.directory.add(live.by, 'Ana', 'cashier', '1357'))).toBe('ok');
    expect(codeOf(await live.directory.add(live.by, 'Bo', 'cashier', '135'))).toBe('INVALID_INPUT');
    const demo = await staffCounter({ mode: 'demo' });
    expect(codeOf(await demo.directory.add(demo.by, 'Max', 'manager', '2468'))).toBe('ok');
  });

  it('the first-run wizard adds the first manager only while the counter has nobody', async () => {
    const c = await staffCounter();
    expect(await c.directory.addFirstManager('Eve', '555555')).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_MANAGER' },
    });
  });

  it('the last active manager can be neither disabled nor disable themselves', async () => {
    const c = await staffCounter();
    expect(c.directory.setActive(c.by, c.mia.id, false)).toMatchObject({ ok: false });
    const max = await c.add('Max', 'manager', '246813');
    const byMax = { allowed: true, by: max.id, authorisedBy: null } as const;
    expect(c.directory.setActive(byMax, c.mia.id, false)).toMatchObject({ ok: true });
    expect(c.directory.setActive(byMax, max.id, false)).toMatchObject({ ok: false });
  });

  it('wrong PINs lock only that person: Ana is locked after five, Ben still signs in', async () => {
    const c = await staffCounter();
    const ana = await c.add('Ana', 'cashier', '1357');
    const ben = await c.add('Ben', 'cashier', '8642');
    const codes: string[] = [];
    for (let i = 0; i < 6; i++) codes.push(codeOf(await c.shifts.signIn(ana.id, '0000')));
    expect(codes).toEqual([...Array(4).fill('PIN_INCORRECT'), 'PIN_LOCKED', 'PIN_LOCKED']);
    // Even the right PIN waits for the lock to end.
    expect(codeOf(await c.shifts.signIn(ana.id, '1357'))).toBe('PIN_LOCKED');
    expect(c.directory.list().find((m) => m.id === ana.id)?.lockedUntil).toBe(
      c.clock.now + 5 * 60_000,
    );
    expect(codeOf(await c.shifts.signIn(ben.id, '8642'))).toBe('ok');
    await c.shifts.signOut();
    c.clock.now += 5 * 60_000 + 1;
    expect(codeOf(await c.shifts.signIn(ana.id, '1357'))).toBe('ok');
    await c.shifts.signOut();
    // The count ended with the right PIN: four more wrong ones do not lock again.
    for (let i = 0; i < 4; i++) await c.shifts.signIn(ana.id, '0000');
    expect(codeOf(await c.shifts.signIn(ana.id, '1357'))).toBe('ok');
  });

  it('a PIN record copied onto another member is not trusted: that member needs a new PIN', async () => {
    const c = await staffCounter();
    const ana = await c.add('Ana', 'cashier', '1357');
    const ben = await c.add('Ben', 'cashier', '8642');
    const anas = c.journal.people.staff.get(ana.id)!;
    c.journal.people.staff.setPin(ben.id, anas.pin!, anas.failures!);
    expect(codeOf(await c.shifts.signIn(ben.id, '1357'))).toBe('PIN_NOT_SET');
    expect(c.directory.list().find((m) => m.id === ben.id)?.pinSet).toBe(false);
  });

  it('a failure count edited back to zero is not trusted: the member is locked', async () => {
    const c = await staffCounter();
    const ana = await c.add('Ana', 'cashier', '1357');
    const row = c.journal.people.staff.get(ana.id)!;
    const edited = {
      ...JSON.parse(row.failures!),
      count: 0,
      lockedUntil: null,
      seal: { audit: 1, mac: 'ab' },
    };
    c.journal.people.staff.setFailures(ana.id, JSON.stringify(edited));
    expect(codeOf(await c.shifts.signIn(ana.id, '1357'))).toBe('PIN_LOCKED');
  });
});
