import { describe, expect, it } from 'vitest';
import { staffCounter } from '../../support/staff-setup';

describe('selling on a counter with staff', () => {
  it('refuses a charge while nobody is signed in, and charges nothing', async () => {
    const { actions, screen } = await staffCounter();
    const refused = await actions.charge('10.00', 'CNY');
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_STATE' } });
    expect(screen.charged).toEqual([]);
  });

  it('refuses a charge while the shift is locked', async () => {
    const { actions, screen, shifts, add } = await staffCounter();
    const ana = await add('Ana', 'cashier', '1357');
    expect((await shifts.signIn(ana.id, '1357')).ok).toBe(true);
    expect(shifts.lock().ok).toBe(true);
    expect((await actions.charge('10.00', 'CNY')).ok).toBe(false);
    expect((await actions.retryAsLink('p1')).ok).toBe(false);
    expect(screen.charged).toEqual([]);
  });

  it('charges for the cashier signed in', async () => {
    const { actions, screen, shifts, add } = await staffCounter();
    const ana = await add('Ana', 'cashier', '1357');
    expect((await shifts.signIn(ana.id, '1357')).ok).toBe(true);
    expect((await actions.charge('10.00', 'CNY')).ok).toBe(true);
    expect(screen.charged).toEqual(['10.00 CNY']);
  });
});
