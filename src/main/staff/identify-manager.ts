import { said } from '../../shared/i18n/said';
import { ok } from '../../shared/result';
import { fail } from '../i18n/fail';
import type { StaffRow, StaffTable } from '../journal/staff-table';
import type { ManagerPin } from '../manager/manager-pin';
import type { IdentifyManager } from '../manager/manager-session';
import { pinRefusal } from './pin-refusal';
import type { StaffPins } from './staff-pins';

/**
 * Tells from what was typed which manager is asking. A counter with staff knows its managers by
 * name: the one picked (or the only one there is) and their own PIN, so the old shared PIN (and
 * a cashier who once learnt it) opens nothing, and the audit names the person. Only a counter
 * that has no staff yet (a live counter before its first-run wizard) still goes by its one
 * manager PIN.
 */
export function identifyManager(deps: {
  readonly staff: Pick<StaffTable, 'any' | 'get' | 'all'>;
  readonly pins: Pick<StaffPins, 'check' | 'lockedUntil'>;
  readonly legacy: Pick<ManagerPin, 'check'>;
}): IdentifyManager {
  return async (typed, action, staffId) => {
    if (!deps.staff.any()) {
      const checked = await deps.legacy.check(typed, action);
      return checked.ok ? ok({ actor: 'manager' }) : checked;
    }
    const member = staffId === undefined ? onlyManager(deps.staff) : deps.staff.get(staffId);
    if (!member || member.role !== 'manager' || member.disabledAt !== null)
      return fail('NEEDS_MANAGER', said('main.error.code.NEEDS_MANAGER'));
    const checked = await deps.pins.check(member, typed, action);
    return checked.ok
      ? ok({ actor: member.name, staffId: member.id })
      : pinRefusal(deps.pins, member, checked);
  };
}

/** The counter's one active manager, when it has exactly one: nobody need be picked. */
function onlyManager(staff: Pick<StaffTable, 'all'>): StaffRow | undefined {
  const managers = staff.all().filter((m) => m.role === 'manager' && m.disabledAt === null);
  return managers.length === 1 ? managers[0] : undefined;
}
