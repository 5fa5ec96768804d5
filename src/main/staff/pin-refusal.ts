import { said } from '../../shared/i18n/said';
import type { ErrorCode, Result } from '../../shared/result';
import { fail } from '../i18n/fail';
import type { StaffRow } from '../journal/staff-table';
import { FREE_TRIES, lockAfter, lockDuration } from '../manager/pin-lockout';
import type { StaffPins } from './staff-pins';

/**
 * A staff PIN's refusal in the catalogue's words, as the PIN dialog shows it: a wrong PIN with
 * the tries left, a locked one with how long, "only a manager" for a cashier's PIN.
 */
export function pinRefusal<T, C extends ErrorCode>(
  pins: Pick<StaffPins, 'lockedUntil'>,
  member: StaffRow | undefined,
  failed: { ok: false; error: { code: C; message: string } },
  now: () => number = Date.now,
): Result<T, C> {
  const { code, message } = failed.error;
  if (code === 'PIN_INCORRECT') {
    const left = Number(/(\d+) tr(?:y|ies) left/.exec(message)?.[1] ?? 1);
    return fail(
      code,
      said('manager.pin.wrong', { left, lock: lockDuration(lockAfter(FREE_TRIES)) }),
    );
  }
  const until = member && pins.lockedUntil(member);
  if (code === 'PIN_LOCKED' && until) {
    const left = lockDuration(until - now());
    return fail(code, said('manager.pin.locked', { left, until }));
  }
  if (code === 'NEEDS_MANAGER') return fail(code, said('main.error.code.NEEDS_MANAGER'));
  return failed as Result<T, C>;
}
