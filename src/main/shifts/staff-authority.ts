import { said } from '../../shared/i18n/said';
import { err, ok, type Result } from '../../shared/result';
import { fail } from '../i18n/fail';
import type { Journal } from '../journal/journal';
import { decide, type StaffAction } from '../staff/roles';
import type { Allowed } from '../staff/staff-directory';
import type { StaffPins } from '../staff/staff-pins';
import type { ShiftErrorCode, ShiftService } from './shift-service';

/** A manager called to the counter: who, and the PIN they typed themselves. */
export interface ManagerPresent {
  readonly staffId: number;
  readonly pin: string;
}

/**
 * The role rules applied to whoever is signed in. A cashier's manager-only action goes ahead
 * when a manager types their own PIN for it; it is then recorded as "authorised by" them on
 * every row and audit entry written while it runs, and only for that one action.
 */
export class StaffAuthority {
  /** Authorised actions, one at a time: the shift's "authorising" covers one action only. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: {
      readonly journal: Journal;
      readonly pins: StaffPins;
      readonly shifts: ShiftService;
    },
  ) {}

  /** Whether the signed-in member may do `action`, with a manager's PIN when they may not alone. */
  async authorise(
    action: StaffAction,
    manager?: ManagerPresent,
  ): Promise<Result<Allowed, ShiftErrorCode>> {
    const signed = this.deps.shifts.current();
    if (!signed) return fail('INVALID_STATE', said('main.staff.signInFirst'));
    if (signed.locked)
      return fail('INVALID_STATE', said('main.staff.unlockFirst', { name: signed.member.name }));
    const actor = { id: signed.member.id, role: signed.member.role };
    const alone = decide(actor, action);
    if (alone.allowed) return ok(alone);
    if (!manager) return err('NEEDS_MANAGER', alone.why);
    const member = this.deps.journal.people.staff.get(manager.staffId);
    if (!member) return err('NOT_FOUND', 'No such staff member.');
    const present = { id: member.id, role: member.role, disabled: member.disabledAt !== null };
    const decision = decide(actor, action, present);
    if (!decision.allowed) return err('NEEDS_MANAGER', decision.why);
    const checked = await this.deps.pins.check(member, manager.pin, action);
    return checked.ok ? ok(decision) : checked;
  }

  /**
   * Runs one action if allowed; while it runs, what it writes records the manager who authorised
   * it (the shift's "authorising", read by the journal's triggers and the audit trail).
   */
  run<T>(
    action: StaffAction,
    manager: ManagerPresent | undefined,
    fn: (allowed: Allowed) => Promise<T> | T,
  ): Promise<Result<T, ShiftErrorCode>> {
    const result = this.queue.then(() => this.runNow(action, manager, fn));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private async runNow<T>(
    action: StaffAction,
    manager: ManagerPresent | undefined,
    fn: (allowed: Allowed) => Promise<T> | T,
  ): Promise<Result<T, ShiftErrorCode>> {
    const allowed = await this.authorise(action, manager);
    if (!allowed.ok) return allowed;
    const { journal } = this.deps;
    const shift = this.deps.shifts.current()?.shift;
    const by = allowed.value.authorisedBy;
    if (by === null || !shift) return ok(await fn(allowed.value));
    journal.inTransaction(() => {
      journal.people.shifts.setAuthorising(shift.id, by);
      journal.audit('staff', 'manager authorised an action', null, { action, manager: by });
    });
    try {
      return ok(await fn(allowed.value));
    } finally {
      journal.people.shifts.setAuthorising(shift.id, null);
    }
  }
}
