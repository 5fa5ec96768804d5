import { err, ok, type Result } from '../../shared/result';
import type { Journal } from '../journal/journal';
import type { ShiftEnd, ShiftRow } from '../journal/shift-table';
import type { StaffRow } from '../journal/staff-table';
import type { AttributedTotals } from '../journal/staff-report-queries';
import { decide } from '../staff/roles';
import type { StaffErrorCode } from '../staff/staff-directory';
import type { StaffPins } from '../staff/staff-pins';

/** Errors of signing in and of shifts. */
export type ShiftErrorCode = StaffErrorCode | 'BUSY' | 'INVALID_STATE';

/** Who is signed in on this counter, in which shift. */
export interface SignedIn {
  readonly shift: ShiftRow;
  readonly member: StaffRow;
  /** Locked: the shift goes on, the screens wait for this member's PIN. */
  readonly locked: boolean;
}

/** A shift's report: who, when, and what they took and gave back, per currency. */
export interface ShiftReport {
  readonly shiftId: number;
  readonly staffId: number;
  readonly name: string;
  readonly openedAt: number;
  readonly endedAt: number;
  readonly endReason: ShiftEnd;
  readonly totals: AttributedTotals[];
}

/** What the shift service needs of the counter. */
export interface ShiftDeps {
  readonly journal: Journal;
  readonly pins: StaffPins;
  readonly now: () => number;
  /** Whether the sale screen is idle (no sale on it): a handover waits for that. */
  readonly saleIdle: () => boolean;
  /** Calls back whenever the sale screen may have changed; returns how to stop. */
  readonly onSaleChange: (listener: () => void) => () => void;
  /** Told whenever who is signed in changes (the screens follow). */
  readonly changed?: () => void;
}

/**
 * This journal's one counter: the unique index allows one open shift per counter, and a journal
 * serves one counter, so its shifts all carry the same key.
 */
const COUNTER = 'this counter';

/**
 * Shifts on this counter: signing in opens one, Lock keeps it for the same person's PIN,
 * Hand over ends it with its report and opens the next person's in the same transaction (so a
 * crash leaves exactly one of the two open), and a manager can end one left open. Only one
 * shift is ever open, enforced by the journal's unique index as well as here.
 */
export class ShiftService {
  constructor(private readonly deps: ShiftDeps) {}

  /** Who is signed in, if anyone. */
  current(): SignedIn | undefined {
    const shift = this.deps.journal.people.shifts.open()[0];
    const member = shift && this.deps.journal.people.staff.get(shift.staffId);
    return shift && member ? { shift, member, locked: shift.lockedAt !== null } : undefined;
  }

  /**
   * Signs a member in with their PIN. With no shift open, theirs opens; with their own shift
   * locked, it goes on. Someone else's open shift must be handed over or ended by a manager.
   */
  async signIn(staffId: number, pin: string): Promise<Result<SignedIn, ShiftErrorCode>> {
    const member = this.active(staffId);
    if (!member.ok) return member;
    const open = this.current();
    if (open && open.member.id !== staffId)
      return err(
        'BUSY',
        `${open.member.name}'s shift is open on this counter: hand over, or a manager ends it.`,
      );
    const checked = await this.deps.pins.check(member.value, pin, 'sign in');
    if (!checked.ok) return checked;
    const { journal, now } = this.deps;
    journal.inTransaction(() => {
      const still = journal.people.shifts.open()[0];
      if (still && still.staffId === staffId) {
        journal.people.shifts.setLocked(still.id, null);
        journal.audit('staff', 'signed in again', null, { staff: staffId, shift: still.id });
      } else {
        // The unique index refuses a second open shift, should one have opened meanwhile.
        const id = journal.people.shifts.insert(COUNTER, staffId, now());
        journal.audit('staff', 'shift opened', null, { staff: staffId, shift: id });
      }
    });
    return this.signedIn();
  }

  /** Lock: the shift stays open and its member's PIN opens the screens again. */
  lock(): Result<SignedIn, ShiftErrorCode> {
    const open = this.current();
    if (!open) return err('INVALID_STATE', 'Nobody is signed in.');
    if (!open.locked)
      this.deps.journal.inTransaction(() => {
        this.deps.journal.people.shifts.setLocked(open.shift.id, this.deps.now());
        this.deps.journal.audit('staff', 'counter locked', null, { shift: open.shift.id });
      });
    return this.signedIn();
  }

  /**
   * Hands the counter over: waits until the sale screen is idle (a sale never changes hands in
   * flight), checks the next person's PIN, then ends this shift with its report and opens theirs
   * in one transaction. Returns the ended shift's report (for its slip).
   */
  async handOver(
    nextId: number,
    nextPin: string,
  ): Promise<Result<{ report: ShiftReport; next: SignedIn }, ShiftErrorCode>> {
    const open = this.current();
    if (!open) return err('INVALID_STATE', 'Nobody is signed in: sign in instead.');
    if (open.locked) return err('INVALID_STATE', `${open.member.name} must unlock first.`);
    if (nextId === open.member.id) return err('INVALID_INPUT', 'Hand over to someone else.');
    const next = this.active(nextId);
    if (!next.ok) return next;
    const checked = await this.deps.pins.check(next.value, nextPin, 'take over the counter');
    if (!checked.ok) return checked;
    await this.saleIdle();
    const report = this.deps.journal.inTransaction(() => {
      const ended = this.end(open.shift.id, 'handover', open.member.id);
      if (!ended) return undefined;
      const id = this.deps.journal.people.shifts.insert(COUNTER, nextId, this.deps.now());
      this.deps.journal.audit('staff', 'shift opened', null, { staff: nextId, shift: id });
      return ended;
    });
    if (!report) return err('INVALID_STATE', 'The shift ended meanwhile: sign in instead.');
    const signed = this.signedIn();
    return signed.ok ? ok({ report, next: signed.value }) : signed;
  }

  /** Ends the signed-in member's own shift (the end of their day), after the sale screen idles. */
  async signOut(): Promise<Result<ShiftReport, ShiftErrorCode>> {
    const open = this.current();
    if (!open) return err('INVALID_STATE', 'Nobody is signed in.');
    if (open.locked) return err('INVALID_STATE', `${open.member.name} must unlock first.`);
    await this.saleIdle();
    const report = this.deps.journal.inTransaction(() =>
      this.end(open.shift.id, 'signed_out', open.member.id),
    );
    return report ? ok(report) : err('INVALID_STATE', 'The shift ended meanwhile.');
  }

  /**
   * A manager ends a shift left open (its member gone, the counter locked), with their own PIN;
   * audited with the reason. The sale screen must be idle: a sale on it is finished first.
   */
  async endByManager(
    managerId: number,
    pin: string,
    reason: string,
  ): Promise<Result<ShiftReport, ShiftErrorCode>> {
    const open = this.current();
    if (!open) return err('INVALID_STATE', 'No shift is open.');
    const manager = this.active(managerId);
    if (!manager.ok) return manager;
    const decision = decide(
      { id: manager.value.id, role: manager.value.role },
      'end-anothers-shift',
    );
    if (!decision.allowed) return err('NEEDS_MANAGER', decision.why);
    const checked = await this.deps.pins.check(manager.value, pin, 'end an open shift');
    if (!checked.ok) return checked;
    if (!this.deps.saleIdle())
      return err('BUSY', 'A sale is on the screen: finish or cancel it first.');
    const report = this.deps.journal.inTransaction(() => {
      const ended = this.end(open.shift.id, 'ended_by_manager', managerId);
      if (ended)
        this.deps.journal.audit(manager.value.name, 'shift ended by a manager', null, {
          shift: open.shift.id,
          of: open.member.id,
          by: managerId,
          reason: reason.slice(0, 200),
        });
      return ended;
    });
    return report ? ok(report) : err('INVALID_STATE', 'The shift ended meanwhile.');
  }

  /** A shift's report as it stands (its totals so far when still open). */
  report(shift: ShiftRow, endedAt: number, reason: ShiftEnd): ShiftReport {
    const member = this.deps.journal.people.staff.get(shift.staffId);
    return {
      shiftId: shift.id,
      staffId: shift.staffId,
      name: member?.name ?? `#${shift.staffId}`,
      openedAt: shift.openedAt,
      endedAt,
      endReason: reason,
      totals: this.deps.journal.people.reports.ofShift(shift.id),
    };
  }

  /** Ends a shift with its report, audited while it is still the open one. */
  private end(id: number, reason: ShiftEnd, by: number): ShiftReport | undefined {
    const { journal, now } = this.deps;
    const shift = journal.people.shifts.get(id);
    if (!shift || shift.endedAt !== null) return undefined;
    const at = now();
    const report = this.report(shift, at, reason);
    journal.audit('staff', 'shift ended', null, { shift: id, reason, totals: report.totals });
    journal.people.shifts.end(id, at, reason, by, report);
    return report;
  }

  private async saleIdle(): Promise<void> {
    if (this.deps.saleIdle()) return;
    await new Promise<void>((resolve) => {
      const stop = this.deps.onSaleChange(() => {
        if (!this.deps.saleIdle()) return;
        stop();
        resolve();
      });
    });
  }

  private active(id: number): Result<StaffRow, ShiftErrorCode> {
    const member = this.deps.journal.people.staff.get(id);
    if (!member) return err('NOT_FOUND', 'No such staff member.');
    if (member.disabledAt !== null) return err('INVALID_INPUT', `${member.name} is disabled.`);
    return ok(member);
  }

  private signedIn(): Result<SignedIn, ShiftErrorCode> {
    this.deps.changed?.();
    const now = this.current();
    return now ? ok(now) : err('INVALID_STATE', 'Nobody is signed in.');
  }
}
