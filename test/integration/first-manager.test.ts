import { afterEach, describe, expect, it } from 'vitest';
import { createCounter, type Counter } from '../../src/main/app/create-counter';
import { createMemorySecretStore } from '../../src/main/secrets/secret-store';
import { FAST_PIN, tempDataDir } from '../support/counter-harness';

let counter: Counter | undefined;
afterEach(async () => {
  await counter?.close();
  counter = undefined;
});

/** A live counter fresh from the box, before its first run. */
async function freshLiveCounter(): Promise<Counter> {
  counter = await createCounter({
    pinCost: FAST_PIN,
    dataDir: tempDataDir(),
    mode: 'live',
    secretStore: createMemorySecretStore({}),
    settingsOverrides: { callbackPort: 0 },
  });
  return counter;
}

describe('the first run names its manager', () => {
  it('only with the manager PIN just set; they are signed in, with the manager screens open', async () => {
    const c = await freshLiveCounter();
    const first = c.handlers['staff:first-manager'];
    // No manager PIN yet: nobody can name the manager.
    expect((await first({ name: 'Mia', pin: '482916' })).ok).toBe(false);
    expect((await c.handlers['manager:set-pin']({ newPin: '482916' })).ok).toBe(true);
    expect(await first({ name: 'Mia', pin: '111111' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_INCORRECT' },
    });
    expect(c.staff.directory.list()).toEqual([]);

    expect(await first({ name: 'Mia', pin: '482916' })).toMatchObject({
      ok: true,
      value: { signedIn: { name: 'Mia', role: 'manager', locked: false } },
    });
    const status = await c.handlers['manager:status']({});
    expect(status.ok && status.value.session).not.toBeNull();
    expect(c.journal.auditLog().map((e) => e.action)).toContain('first manager added');
    // Her PIN is the one she chose: Lock, then it opens the counter again.
    expect((await c.handlers['shift:lock']({})).ok).toBe(true);
    const mia = c.staff.directory.byName('Mia')!;
    expect((await c.handlers['shift:sign-in']({ staffId: mia.id, pin: '482916' })).ok).toBe(true);
  });

  it('a counter that has staff already cannot be given another first manager', async () => {
    const c = await freshLiveCounter();
    await c.handlers['manager:set-pin']({ newPin: '482916' });
    expect((await c.handlers['staff:first-manager']({ name: 'Mia', pin: '482916' })).ok).toBe(true);
    expect(await c.handlers['staff:first-manager']({ name: 'Max', pin: '482916' })).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_MANAGER' },
    });
    expect(c.staff.directory.list().map((m) => m.name)).toEqual(['Mia']);
  });
});

describe('a manager who forgot their PIN', () => {
  const SECRET = 'the-project-secret-key-1001';

  it('gets a new one with the project secret key: a wrong key is refused and audited, a cashier cannot be made a way in, and the lock is lifted', async () => {
    const c = await freshLiveCounter();
    await c.handlers['manager:set-pin']({ newPin: '482916' });
    expect((await c.handlers['staff:first-manager']({ name: 'Mia', pin: '482916' })).ok).toBe(true);
    expect((await c.handlers['settings:update']({ projectId: 1001, secret: SECRET })).ok).toBe(
      true,
    );
    const mia = c.staff.directory.byName('Mia')!;
    const by = { staffId: mia.id, pin: '482916' };
    const ana = await c.handlers['staff:add']({
      manager: by,
      name: 'Ana',
      role: 'cashier',
      pin: '1357',
    });
    expect(ana.ok).toBe(true);
    // Mia forgets her PIN: five wrong ones lock it.
    expect((await c.handlers['shift:lock']({})).ok).toBe(true);
    for (let i = 0; i < 5; i++)
      expect((await c.handlers['shift:sign-in']({ staffId: mia.id, pin: '000000' })).ok).toBe(
        false,
      );
    expect(c.staff.directory.view(mia).lockedUntil).toEqual(expect.any(Number));

    const reset = c.handlers['manager:reset-pin'];
    expect(await reset({ secret: 'not-the-key-at-all', newPin: '735194' })).toMatchObject({
      ok: false,
      error: { code: 'PIN_INCORRECT', said: { id: 'manager.pin.secretWrong' } },
    });
    expect(c.journal.auditLog().map((e) => e.action)).toContain('manager PIN reset refused');
    const cashierId = ana.ok ? ana.value.id : 0;
    expect(await reset({ secret: SECRET, newPin: '735194', staffId: cashierId })).toMatchObject({
      ok: false,
      error: { code: 'NEEDS_MANAGER' },
    });
    // A live counter's manager PIN has six digits at least.
    expect((await reset({ secret: SECRET, newPin: '7351' })).ok).toBe(false);

    expect(await reset({ secret: SECRET, newPin: '735194' })).toMatchObject({ ok: true });
    expect(c.journal.auditLog().map((e) => e.action)).toContain(
      'staff PIN reset with the secret key',
    );
    expect((await c.handlers['shift:sign-in']({ staffId: mia.id, pin: '482916' })).ok).toBe(false);
    expect((await c.handlers['shift:sign-in']({ staffId: mia.id, pin: '735194' })).ok).toBe(true);
  });
});
