import type { Journal } from '../journal/journal';
import { PinRecords, type PinKeys } from '../manager/pin-records';
import type { StaffDirectory } from './staff-directory';
import type { StaffPins } from './staff-pins';

/** The name the manager of a counter from before staff signs in as. */
export const ADOPTED_MANAGER_NAME = 'Manager';

/**
 * A counter from before staff had one manager PIN: on the first start with staff, it becomes a
 * manager named "Manager" with the very same PIN (its scrypt record copied, sealed anew to this
 * member), so nobody has to learn a new PIN to sign in. Only while the counter has no staff, and
 * only a PIN the counter trusts: one that needs a reset stays with the manager PIN's own reset.
 */
export function adoptManagerPin(
  journal: Journal,
  keys: PinKeys,
  directory: StaffDirectory,
  pins: StaffPins,
  now: () => number,
): boolean {
  if (!directory.empty()) return false;
  const state = new PinRecords(journal, keys, now).state();
  if (state.kind !== 'sealed') return false;
  try {
    directory.adopt(ADOPTED_MANAGER_NAME, 'manager', (member) => {
      journal.audit('system', 'manager PIN became a staff member', null, {
        staff: member.id,
        name: member.name,
      });
      // A manager without a PIN nobody can type would be worse than none: undo it all.
      if (!pins.adopt(member, state.pin, 'staff PIN set from the manager PIN'))
        throw new NotAdopted();
    });
    return true;
  } catch (error) {
    if (error instanceof NotAdopted) return false;
    throw error;
  }
}

/** The seal key went missing between the check and the write. */
class NotAdopted extends Error {}
