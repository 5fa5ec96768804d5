import { describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/journal/journal';
import { ManagerPin } from '../../../src/main/manager/manager-pin';
import { CounterKeys } from '../../../src/main/secrets/counter-keys';
import { createMemorySecretStore } from '../../../src/main/secrets/secret-store';
import { identifyManager } from '../../../src/main/staff/identify-manager';
import { StaffPinMarks } from '../../../src/main/staff/staff-pin-marks';
import { StaffPins } from '../../../src/main/staff/staff-pins';
import { FAST_SCRYPT, staffCounter } from '../../support/staff-setup';

const OLD_PIN = '246813';

/**
 * The counter's one manager PIN from before staff, on the same journal and keys (reset, as a
 * journal with entries and no PIN asks for).
 */
async function legacyPin(journal: Journal, keys: CounterKeys): Promise<ManagerPin> {
  const pin = new ManagerPin(journal, keys, { mode: 'live', cost: FAST_SCRYPT });
  const set = pin.status().resetNeeded
    ? await pin.reset(OLD_PIN, 'manager')
    : await pin.set(OLD_PIN, undefined, 'manager');
  if (!set.ok) throw new Error(set.error.message);
  return pin;
}

/** The manager identification of a staffed test counter, beside its old shared PIN. */
async function identifyOn(c: { journal: Journal; keys: CounterKeys; pins: StaffPins }) {
  return identifyManager({
    staff: c.journal.people.staff,
    pins: c.pins,
    legacy: await legacyPin(c.journal, c.keys),
  });
}

describe('telling which manager typed a PIN', () => {
  it('names the manager picked when their own PIN is typed', async () => {
    const { journal, keys, pins, mia } = await staffCounter();
    const identify = await identifyOn({ journal, keys, pins });
    expect(await identify('918273', 'see the reports', mia.id)).toEqual({
      ok: true,
      value: { actor: 'Mia', staffId: mia.id },
    });
  });

  it('refuses the old shared PIN on a counter with staff, picked or not', async () => {
    const { journal, keys, pins, mia } = await staffCounter();
    const identify = await identifyOn({ journal, keys, pins });
    for (const picked of [mia.id, undefined])
      expect(await identify(OLD_PIN, 'see the reports', picked)).toMatchObject({
        ok: false,
        error: { code: 'PIN_INCORRECT', said: { id: 'manager.pin.wrong' } },
      });
  });

  it('takes the only manager without a pick, and asks for one when there are several', async () => {
    const { journal, keys, pins, add } = await staffCounter();
    const identify = await identifyOn({ journal, keys, pins });
    expect(await identify('918273', 'see the reports')).toMatchObject({
      ok: true,
      value: { actor: 'Mia' },
    });
    const lee = await add('Lee', 'manager', '554433');
    expect(await identify('554433', 'see the reports')).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_MANAGER' },
    });
    expect(await identify('554433', 'see the reports', lee.id)).toMatchObject({
      ok: true,
      value: { actor: 'Lee' },
    });
  });

  it("refuses a cashier's own PIN: a cashier never opens the manager screens", async () => {
    const { journal, keys, pins, add } = await staffCounter();
    const ana = await add('Ana', 'cashier', '1357');
    const identify = await identifyOn({ journal, keys, pins });
    expect(await identify('1357', 'see the reports', ana.id)).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_MANAGER' },
    });
  });

  it('refuses a disabled manager', async () => {
    const { journal, keys, pins, directory, by, add } = await staffCounter();
    const lee = await add('Lee', 'manager', '554433');
    expect(directory.setActive(by, lee.id, false).ok).toBe(true);
    const identify = await identifyOn({ journal, keys, pins });
    expect((await identify('554433', 'see the reports', lee.id)).ok).toBe(false);
  });

  it('goes by the one manager PIN on a counter that has no staff yet', async () => {
    const journal = new Journal(':memory:');
    const store = createMemorySecretStore();
    const keys = new CounterKeys(store, journal.auditTrail);
    await keys.load();
    const identify = identifyManager({
      staff: journal.people.staff,
      pins: new StaffPins(journal, keys, Date.now, new StaffPinMarks(store), FAST_SCRYPT),
      legacy: await legacyPin(journal, keys),
    });
    expect(await identify(OLD_PIN, 'see the reports')).toEqual({
      ok: true,
      value: { actor: 'manager' },
    });
    expect((await identify('000000', 'see the reports')).ok).toBe(false);
  });
});
