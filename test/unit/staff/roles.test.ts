import { describe, expect, it } from 'vitest';
import { decide, may, STAFF_ACTIONS, type StaffAction } from '../../../src/main/staff/roles';

const CASHIER_ALONE: readonly StaffAction[] = [
  'sell',
  'cancel-sale',
  'keep-late-payment',
  'reprint',
  'look-up',
];
const MANAGER_ONLY = STAFF_ACTIONS.filter((a) => !CASHIER_ALONE.includes(a));

const ana = { id: 1, role: 'cashier' as const };
const ben = { id: 2, role: 'cashier' as const };
const mia = { id: 3, role: 'manager' as const };

describe('role rules', () => {
  it.each(CASHIER_ALONE)('a cashier may %s alone', (action) => {
    expect(may('cashier', action)).toBe(true);
    expect(decide(ana, action)).toEqual({ allowed: true, by: 1, authorisedBy: null });
  });

  it.each(MANAGER_ONLY)('a cashier may not %s alone, and is told a manager may', (action) => {
    expect(may('cashier', action)).toBe(false);
    const decision = decide(ana, action);
    expect(decision).toMatchObject({
      allowed: false,
      why: expect.stringMatching(/^Only a manager/),
    });
  });

  it.each(STAFF_ACTIONS)(
    'a manager may %s alone, never recorded as authorised by anyone',
    (action) => {
      expect(may('manager', action)).toBe(true);
      expect(decide(mia, action, { id: 9, role: 'manager' })).toEqual({
        allowed: true,
        by: 3,
        authorisedBy: null,
      });
    },
  );

  it.each(MANAGER_ONLY)(
    'a manager present authorises a cashier to %s, recorded as authorised by',
    (action) => {
      expect(decide(ana, action, mia)).toEqual({ allowed: true, by: 1, authorisedBy: 3 });
    },
  );

  it('another cashier cannot authorise a manager action', () => {
    expect(decide(ana, 'refund', ben)).toMatchObject({ allowed: false });
  });

  it('a disabled manager cannot authorise, and a disabled member cannot act at all', () => {
    expect(decide(ana, 'refund', { ...mia, disabled: true })).toMatchObject({ allowed: false });
    expect(decide({ ...ana, disabled: true }, 'sell')).toMatchObject({ allowed: false });
    expect(decide({ ...mia, disabled: true }, 'refund')).toMatchObject({ allowed: false });
  });
});
