import { newPinProblem, PIN_MAX_DIGITS, PIN_MIN_DIGITS } from '../../shared/manager-pin-rules';
import { err, ok, type Result } from '../../shared/result';
import type { Journal } from '../journal/journal';
import type { StaffRow } from '../journal/staff-table';
import type { Decision, Role } from './roles';
import type { StaffPinError, StaffPins } from './staff-pins';

/** Errors of managing staff. */
export type StaffErrorCode = StaffPinError | 'INVALID_INPUT' | 'NOT_FOUND' | 'NEEDS_MANAGER';

/** A member as the screens may see them: never the PIN, never its hash. */
export interface StaffView {
  readonly id: number;
  readonly name: string;
  readonly role: Role;
  readonly active: boolean;
  /** False when the PIN cannot be checked and a manager must give a new one. */
  readonly pinSet: boolean;
  readonly lockedUntil: number | null;
}

/** A decision that allowed a staff action (from StaffAuthority): proof the caller asked. */
export type Allowed = Extract<Decision, { allowed: true }>;

/** Why `pin` cannot be a new PIN for `role`: managers 6 digits on a live counter, else 4. */
export function newStaffPinProblem(
  role: Role,
  pin: string,
  mode: 'demo' | 'live',
): string | undefined {
  if (role === 'manager') return newPinProblem(pin, mode);
  return /^\d+$/.test(pin) && pin.length >= PIN_MIN_DIGITS && pin.length <= PIN_MAX_DIGITS
    ? undefined
    : `A PIN is ${PIN_MIN_DIGITS} to ${PIN_MAX_DIGITS} digits.`;
}

/**
 * The counter's staff: added, renamed, disabled and given a new PIN by a manager (or, on a new
 * counter, the first manager by the first-run wizard). Every change is audited, and the last
 * active manager can never be disabled or made a cashier, so a counter is never left without one.
 */
export class StaffDirectory {
  constructor(
    private readonly journal: Journal,
    private readonly pins: StaffPins,
    private readonly mode: 'demo' | 'live',
    private readonly now: () => number,
  ) {}

  /** Every member, by name. */
  list(): StaffView[] {
    return this.journal.people.staff.all().map((m) => this.view(m));
  }

  /** A member by id (any state). */
  get(id: number): StaffRow | undefined {
    return this.journal.people.staff.get(id);
  }

  /** A member by name, whatever its case. */
  byName(name: string): StaffRow | undefined {
    return this.journal.people.staff.byName(name.trim());
  }

  /** Whether the counter has no staff yet (the first-run wizard's question). */
  empty(): boolean {
    return !this.journal.people.staff.any();
  }

  /** The first-run wizard's manager: only while the counter has nobody. */
  async addFirstManager(name: string, pin: string): Promise<Result<StaffView, StaffErrorCode>> {
    if (!this.empty()) return err('NEEDS_MANAGER', 'This counter has staff: a manager adds more.');
    return this.create(name, 'manager', pin, 'first manager added');
  }

  /** Adds a member with their PIN. */
  add(
    _by: Allowed,
    name: string,
    role: Role,
    pin: string,
  ): Promise<Result<StaffView, StaffErrorCode>> {
    return this.create(name, role, pin, 'staff member added');
  }

  /** Renames a member; names stay unique whatever their case. */
  rename(_by: Allowed, id: number, name: string): Result<StaffView, StaffErrorCode> {
    const member = this.journal.people.staff.get(id);
    if (!member) return err('NOT_FOUND', 'No such staff member.');
    const problem = this.nameProblem(name, id);
    if (problem) return err('INVALID_INPUT', problem);
    this.journal.inTransaction(() => {
      this.journal.people.staff.rename(id, name.trim());
      this.journal.audit('staff', 'staff member renamed', null, {
        staff: id,
        from: member.name,
        to: name.trim(),
      });
    });
    return ok(this.view(this.journal.people.staff.get(id)!));
  }

  /** Disables (or enables again) a member: a disabled member cannot sign in or authorise. */
  setActive(by: Allowed, id: number, active: boolean): Result<StaffView, StaffErrorCode> {
    const member = this.journal.people.staff.get(id);
    if (!member) return err('NOT_FOUND', 'No such staff member.');
    if (!active && id === by.by) return err('INVALID_INPUT', 'You cannot disable yourself.');
    if (!active && this.lastActiveManager(member))
      return err('INVALID_INPUT', 'The last active manager cannot be disabled.');
    this.journal.inTransaction(() => {
      this.journal.people.staff.setDisabled(id, active ? null : this.now());
      this.journal.audit('staff', active ? 'staff member enabled' : 'staff member disabled', null, {
        staff: id,
        name: member.name,
      });
    });
    return ok(this.view(this.journal.people.staff.get(id)!));
  }

  /** Gives a member a new PIN (a forgotten one, or a lock a manager lifts). */
  async setPin(_by: Allowed, id: number, pin: string): Promise<Result<StaffView, StaffErrorCode>> {
    const member = this.journal.people.staff.get(id);
    if (!member) return err('NOT_FOUND', 'No such staff member.');
    const problem = newStaffPinProblem(member.role, pin, this.mode);
    if (problem) return err('INVALID_INPUT', problem);
    const stored = await this.pins.set(member, pin, 'staff PIN set');
    return stored.ok ? ok(this.view(this.journal.people.staff.get(id)!)) : stored;
  }

  /**
   * A manager's new PIN given with the project's secret key (checked by the caller): the way back
   * for a manager who forgot theirs, when no other manager can give them one. Without `id`, the
   * counter's only active manager.
   */
  async resetManagerPin(
    id: number | undefined,
    pin: string,
  ): Promise<Result<StaffView, StaffErrorCode>> {
    const managers = this.journal.people.staff
      .all()
      .filter((m) => m.role === 'manager' && m.disabledAt === null);
    const member =
      id === undefined
        ? managers.length === 1
          ? managers[0]
          : undefined
        : managers.find((m) => m.id === id);
    if (!member) return err('NEEDS_MANAGER', 'Pick the manager whose PIN is reset.');
    const problem = newStaffPinProblem(member.role, pin, this.mode);
    if (problem) return err('INVALID_INPUT', problem);
    const stored = await this.pins.set(member, pin, 'staff PIN reset with the secret key');
    return stored.ok ? ok(this.view(this.journal.people.staff.get(member.id)!)) : stored;
  }

  /** Adds a member who brings a PIN set elsewhere (the manager PIN they already had). */
  adopt(name: string, role: Role, write: (member: StaffRow) => void): StaffRow {
    return this.journal.inTransaction(() => {
      const id = this.journal.people.staff.insert(name, role, this.now());
      const member = this.journal.people.staff.get(id)!;
      write(member);
      return this.journal.people.staff.get(id)!;
    });
  }

  /** What the screens may see of a member. */
  view(member: StaffRow): StaffView {
    return {
      id: member.id,
      name: member.name,
      role: member.role,
      active: member.disabledAt === null,
      pinSet: this.pins.trusted(member),
      lockedUntil: this.pins.lockedUntil(member),
    };
  }

  private async create(
    name: string,
    role: Role,
    pin: string,
    action: string,
  ): Promise<Result<StaffView, StaffErrorCode>> {
    const problem = this.nameProblem(name) ?? newStaffPinProblem(role, pin, this.mode);
    if (problem) return err('INVALID_INPUT', problem);
    const id = this.journal.inTransaction(() => {
      const added = this.journal.people.staff.insert(name.trim(), role, this.now());
      this.journal.audit('staff', action, null, { staff: added, name: name.trim(), role });
      return added;
    });
    const stored = await this.pins.set(this.journal.people.staff.get(id)!, pin, 'staff PIN set');
    return stored.ok ? ok(this.view(this.journal.people.staff.get(id)!)) : stored;
  }

  private nameProblem(name: string, self?: number): string | undefined {
    const trimmed = name.trim();
    if (trimmed.length === 0 || trimmed.length > 40) return 'A name is 1 to 40 characters.';
    const other = this.journal.people.staff.byName(trimmed);
    return other && other.id !== self ? `${other.name} is already on the staff.` : undefined;
  }

  private lastActiveManager(member: StaffRow): boolean {
    if (member.role !== 'manager' || member.disabledAt !== null) return false;
    const managers = this.journal.people.staff
      .all()
      .filter((m) => m.role === 'manager' && m.disabledAt === null);
    return managers.length === 1;
  }
}
