import type { ErrorCode, Result } from '../../../shared/result';
import type { CounterStaff } from '../../app/counter-staff';
import type { ManagerPresent } from '../../shifts/staff-authority';
import type { StaffAction } from '../../staff/roles';
import type { Allowed } from '../../staff/staff-directory';
import { pinRefusal } from '../../staff/pin-refusal';

/**
 * Runs a manager-only action under the role rules for whoever is signed in: a cashier with the
 * manager they called (recorded as "authorised by"), a manager signed in with their own PIN.
 * Undefined when nobody is signed in: the caller goes on as before staff (the manager PIN).
 */
export async function asStaff<T>(
  staff: CounterStaff,
  action: StaffAction,
  manager: ManagerPresent,
  run: (present: ManagerPresent | undefined) => Promise<Result<T, ErrorCode>>,
): Promise<Result<T, ErrorCode> | undefined> {
  const signed = staff.shifts.current();
  if (!signed) return undefined;
  let present: ManagerPresent | undefined = manager;
  if (signed.member.role === 'manager' && manager.staffId === signed.member.id) {
    // A manager signed in may act alone, but the screen still asks their own PIN for it.
    const checked = await staff.pins.check(signed.member, manager.pin, action);
    if (!checked.ok) return worded(staff, manager.staffId, checked);
    present = undefined;
  }
  const done = await run(present);
  return done.ok ? done : worded(staff, manager.staffId, done);
}

/** Runs a directory change under the role rules ("staff"), its own refusals kept. */
export async function underStaffRule<T>(
  staff: CounterStaff,
  present: ManagerPresent | undefined,
  change: (by: Allowed) => Promise<Result<T, ErrorCode>> | Result<T, ErrorCode>,
): Promise<Result<T, ErrorCode>> {
  const done = await staff.authority.run('staff', present, change);
  return done.ok ? done.value : done;
}

/** A staff PIN's refusal in the catalogue's words (tries left, how long it is locked). */
function worded<T>(
  staff: CounterStaff,
  staffId: number,
  failed: { ok: false; error: { code: ErrorCode; message: string } },
): Result<T, ErrorCode> {
  return pinRefusal(staff.pins, staff.directory.get(staffId), failed);
}
