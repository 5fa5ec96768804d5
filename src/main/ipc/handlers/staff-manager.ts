import { said } from '../../../shared/i18n/said';
import type { ErrorCode, Result } from '../../../shared/result';
import type { CounterStaff } from '../../app/counter-staff';
import { fail } from '../../i18n/fail';
import { FREE_TRIES, lockAfter, lockDuration } from '../../manager/pin-lockout';
import type { ManagerPresent } from '../../shifts/staff-authority';
import type { StaffAction } from '../../staff/roles';
import type { Allowed } from '../../staff/staff-directory';

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
  const { code, message } = failed.error;
  if (code === 'PIN_INCORRECT') {
    const left = Number(/(\d+) tr(?:y|ies) left/.exec(message)?.[1] ?? 1);
    return fail(
      code,
      said('manager.pin.wrong', { left, lock: lockDuration(lockAfter(FREE_TRIES)) }),
    );
  }
  const member = staff.directory.get(staffId);
  const until = member && staff.pins.lockedUntil(member);
  if (code === 'PIN_LOCKED' && until) {
    const left = lockDuration(until - Date.now());
    return fail(code, said('manager.pin.locked', { left, until }));
  }
  if (code === 'NEEDS_MANAGER') return fail(code, said('main.error.code.NEEDS_MANAGER'));
  return failed;
}
