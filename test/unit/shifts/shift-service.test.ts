import { describe, expect, it } from 'vitest';
import { staffCounter } from '../../support/staff-setup';

const codeOf = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);

async function threeOfUs() {
  const c = await staffCounter();
  const ana = await c.add('Ana', 'cashier', '1357');
  const ben = await c.add('Ben', 'cashier', '8642');
  return { ...c, ana, ben };
}

describe('shifts', () => {
  it('signing in opens a shift; nobody else can sign in while it is open', async () => {
    const c = await threeOfUs();
    const signed = await c.shifts.signIn(c.ana.id, '1357');
    expect(signed).toMatchObject({ ok: true, value: { member: { name: 'Ana' }, locked: false } });
    expect(await c.shifts.signIn(c.ben.id, '8642')).toMatchObject({
      ok: false,
      error: { code: 'BUSY', message: expect.stringContaining("Ana's shift is open") },
    });
    expect(c.journal.people.shifts.open()).toHaveLength(1);
  });

  it('the journal itself refuses a second open shift on the counter', async () => {
    const c = await threeOfUs();
    await c.shifts.signIn(c.ana.id, '1357');
    expect(() => c.journal.people.shifts.insert('this counter', c.ben.id, c.clock.now)).toThrow(
      /UNIQUE/,
    );
  });

  it('Lock keeps the shift; only the same person’s PIN opens it again', async () => {
    const c = await threeOfUs();
    const opened = await c.shifts.signIn(c.ana.id, '1357');
    expect(c.shifts.lock()).toMatchObject({ ok: true, value: { locked: true } });
    expect(codeOf(await c.shifts.signIn(c.ben.id, '8642'))).toBe('BUSY');
    expect(codeOf(await c.shifts.signIn(c.ana.id, '0000'))).toBe('PIN_INCORRECT');
    const back = await c.shifts.signIn(c.ana.id, '1357');
    expect(back).toMatchObject({ ok: true, value: { locked: false } });
    // The same shift went on.
    expect(back.ok && opened.ok && back.value.shift.id === opened.value.shift.id).toBe(true);
  });

  it('hand over ends the shift with its report and signs the next person in, in one step', async () => {
    const c = await threeOfUs();
    await c.shifts.signIn(c.ana.id, '1357');
    c.clock.now += 3600_000;
    const handed = await c.shifts.handOver(c.ben.id, '8642');
    expect(handed).toMatchObject({
      ok: true,
      value: {
        report: { name: 'Ana', endReason: 'handover', endedAt: c.clock.now },
        next: { member: { name: 'Ben' } },
      },
    });
    expect(c.journal.people.shifts.open().map((s) => s.staffId)).toEqual([c.ben.id]);
  });

  it('a wrong PIN of the next person leaves the shift as it was', async () => {
    const c = await threeOfUs();
    await c.shifts.signIn(c.ana.id, '1357');
    expect(codeOf(await c.shifts.handOver(c.ben.id, '0000'))).toBe('PIN_INCORRECT');
    expect(c.shifts.current()?.member.name).toBe('Ana');
  });

  it('a handover waits until the sale on the screen is finished', async () => {
    const c = await threeOfUs();
    await c.shifts.signIn(c.ana.id, '1357');
    c.screen.show('sale-1');
    let done = false;
    const handing = c.shifts.handOver(c.ben.id, '8642').then((r) => {
      done = true;
      return r;
    });
    // The PIN is checked and the handover is waiting: Ana still holds the counter.
    for (let i = 0; i < 20 && c.shifts.current()?.member.name === 'Ana'; i++)
      await new Promise((resolve) => setImmediate(resolve));
    expect(done).toBe(false);
    expect(c.shifts.current()?.member.name).toBe('Ana');
    c.screen.show(undefined);
    expect(await handing).toMatchObject({ ok: true });
    expect(c.shifts.current()?.member.name).toBe('Ben');
  });

  it('a manager ends a shift left open with their own PIN, audited with the reason', async () => {
    const c = await threeOfUs();
    await c.shifts.signIn(c.ana.id, '1357');
    c.shifts.lock();
    expect(codeOf(await c.shifts.endByManager(c.ben.id, '8642', 'went home'))).toBe(
      'NEEDS_MANAGER',
    );
    expect(codeOf(await c.shifts.endByManager(c.mia.id, '000000', 'went home'))).toBe(
      'PIN_INCORRECT',
    );
    expect(await c.shifts.endByManager(c.mia.id, '918273', 'went home')).toMatchObject({
      ok: true,
      value: { name: 'Ana', endReason: 'ended_by_manager' },
    });
    expect(c.shifts.current()).toBeUndefined();
    const entry = c.journal.auditLog().find((e) => e.action === 'shift ended by a manager');
    expect(entry).toMatchObject({ actor: 'Mia', detail: { of: c.ana.id, reason: 'went home' } });
    expect(codeOf(await c.shifts.signIn(c.ben.id, '8642'))).toBe('ok');
  });

  it('every shift event is in the audit log, attributed to the shift it happened in', async () => {
    const c = await threeOfUs();
    await c.shifts.signIn(c.ana.id, '1357');
    await c.shifts.handOver(c.ben.id, '8642');
    const log = c.journal.auditLog().filter((e) => /shift/.test(e.action));
    expect(log.map((e) => [e.action, e.staffId])).toEqual([
      ['shift opened', c.ana.id],
      ['shift ended', c.ana.id],
      ['shift opened', c.ben.id],
    ]);
    expect(c.journal.auditTrail.verify().intact).toBe(true);
  });
});
