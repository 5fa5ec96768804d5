import { describe, expect, it } from 'vitest';
import { StaffPinMarks } from '../../../src/main/staff/staff-pin-marks';
import { StaffPins } from '../../../src/main/staff/staff-pins';
import { FAST_SCRYPT, staffCounter } from '../../support/staff-setup';

/**
 * Someone with the journal file (not the keychain) puts back an older copy of a member's rows:
 * every copy is sealed, so only the keychain's mark of the newest tells them apart.
 */
describe('an older copy of a staff PIN put back', () => {
  it('is not trusted: the PIN it had opens nothing, now and after a restart', async () => {
    const c = await staffCounter();
    const ana = await c.add('Ana', 'cashier', '1357');
    const old = c.journal.people.staff.get(ana.id)!;
    expect((await c.directory.setPin(c.by, ana.id, '8642')).ok).toBe(true);
    c.journal.people.staff.setPin(ana.id, old.pin!, old.failures!);

    const now = await c.pins.check(c.journal.people.staff.get(ana.id)!, '1357', 'sign in');
    expect(now).toMatchObject({ ok: false, error: { code: 'PIN_NOT_SET' } });

    // A new process reads the marks back from the keychain.
    const marks = new StaffPinMarks(c.store);
    await marks.load();
    const restarted = new StaffPins(c.journal, c.keys, () => c.clock.now, marks, FAST_SCRYPT);
    const later = await restarted.check(c.journal.people.staff.get(ana.id)!, '1357', 'sign in');
    expect(later).toMatchObject({ ok: false, error: { code: 'PIN_NOT_SET' } });
  });

  it('wins no free guesses: a count put back from before four wrong PINs locks instead', async () => {
    const c = await staffCounter();
    const ana = await c.add('Ana', 'cashier', '1357');
    const fresh = c.journal.people.staff.get(ana.id)!.failures!;
    for (let i = 0; i < 4; i++)
      expect((await c.pins.check(c.journal.people.staff.get(ana.id)!, '0000', 'x')).ok).toBe(false);
    c.journal.people.staff.setFailures(ana.id, fresh);

    const guess = await c.pins.check(c.journal.people.staff.get(ana.id)!, '1357', 'sign in');
    expect(guess).toMatchObject({ ok: false, error: { code: 'PIN_LOCKED' } });
    const audit = c.journal.auditLog().map((e) => e.action);
    expect(audit).toContain('staff PIN failure count not trusted');
  });

  it('leaves the newest rows trusted, across a restart', async () => {
    const c = await staffCounter();
    const ana = await c.add('Ana', 'cashier', '1357');
    expect((await c.pins.check(c.journal.people.staff.get(ana.id)!, '0000', 'x')).ok).toBe(false);
    const marks = new StaffPinMarks(c.store);
    await marks.load();
    const restarted = new StaffPins(c.journal, c.keys, () => c.clock.now, marks, FAST_SCRYPT);
    const signed = await restarted.check(c.journal.people.staff.get(ana.id)!, '1357', 'sign in');
    expect(signed).toEqual({ ok: true, value: undefined });
  });
});
