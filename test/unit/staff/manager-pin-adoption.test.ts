import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/journal/journal';
import { ManagerPin } from '../../../src/main/manager/manager-pin';
import { CounterKeys } from '../../../src/main/secrets/counter-keys';
import { createMemorySecretStore } from '../../../src/main/secrets/secret-store';
import { ShiftService } from '../../../src/main/shifts/shift-service';
import { adoptManagerPin } from '../../../src/main/staff/manager-pin-adoption';
import { StaffDirectory } from '../../../src/main/staff/staff-directory';
import { StaffPinMarks } from '../../../src/main/staff/staff-pin-marks';
import { StaffPins } from '../../../src/main/staff/staff-pins';
import { FAST_SCRYPT } from '../../support/staff-setup';

/** A counter from before staff: one manager PIN, then the staff services of this version. */
async function olderCounter(pin: string | undefined, cost = FAST_SCRYPT) {
  const journal = new Journal(':memory:');
  const store = createMemorySecretStore();
  const keys = new CounterKeys(store, journal.auditTrail);
  await keys.load();
  const now = () => 1_000;
  if (pin) await new ManagerPin(journal, keys, { now, cost }).set(pin, undefined, 'test');
  const pins = new StaffPins(journal, keys, now, new StaffPinMarks(store), FAST_SCRYPT);
  const directory = new StaffDirectory(journal, pins, 'live', now);
  const shifts = new ShiftService({
    journal,
    pins,
    now,
    saleIdle: () => true,
    onSaleChange: () => () => {},
  });
  return { journal, keys, pins, directory, shifts };
}

describe("today's manager PIN", () => {
  it('becomes a manager named "Manager" who signs in with the very same PIN', async () => {
    const c = await olderCounter('482193');
    expect(adoptManagerPin(c.journal, c.keys, c.directory, c.pins, () => 1_000)).toBe(true);
    expect(c.directory.list()).toMatchObject([
      { name: 'Manager', role: 'manager', active: true, pinSet: true },
    ]);
    const manager = c.directory.byName('Manager')!;
    expect(await c.shifts.signIn(manager.id, '000000')).toMatchObject({ ok: false });
    expect(await c.shifts.signIn(manager.id, '482193')).toMatchObject({
      ok: true,
      value: { member: { name: 'Manager' } },
    });
    expect(c.journal.auditLog().map((e) => e.action)).toContain(
      'manager PIN became a staff member',
    );
  });

  it("a PIN of an older, cheaper scrypt is stored again at today's cost on its first sign-in", async () => {
    const c = await olderCounter('482193', { N: 512, r: 8, p: 1 });
    adoptManagerPin(c.journal, c.keys, c.directory, c.pins, () => 1_000);
    const manager = c.directory.byName('Manager')!;
    expect(await c.shifts.signIn(manager.id, '482193')).toMatchObject({ ok: true });
    const stored = JSON.parse(c.journal.people.staff.get(manager.id)!.pin!) as { N: number };
    expect(stored.N).toBe(FAST_SCRYPT.N);
    await c.shifts.signOut();
    expect(await c.shifts.signIn(manager.id, '482193')).toMatchObject({ ok: true });
  });

  it('happens once: a counter with staff keeps them as they are', async () => {
    const c = await olderCounter('482193');
    adoptManagerPin(c.journal, c.keys, c.directory, c.pins, () => 1_000);
    expect(adoptManagerPin(c.journal, c.keys, c.directory, c.pins, () => 1_000)).toBe(false);
    expect(c.directory.list()).toHaveLength(1);
  });

  it('a counter without a manager PIN gets nobody: the first-run wizard adds the first manager', async () => {
    const c = await olderCounter(undefined);
    expect(adoptManagerPin(c.journal, c.keys, c.directory, c.pins, () => 1_000)).toBe(false);
    expect(c.directory.empty()).toBe(true);
  });
});
