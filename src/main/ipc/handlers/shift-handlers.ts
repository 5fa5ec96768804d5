import { ok } from '../../../shared/result';
import type { ChannelHandlers } from '../../../shared/ipc/contract';
import type { ShiftReportView, ShiftState } from '../../../shared/ipc/views';
import type { ManagerHolder, ManagerSession } from '../../manager/manager-session';
import type { ShiftReport, ShiftService, SignedIn } from '../../shifts/shift-service';
import type { StaffDirectory } from '../../staff/staff-directory';

/** The channels of signing in and of shifts. */
export type ShiftChannels =
  | 'staff:list'
  | 'shift:current'
  | 'shift:sign-in'
  | 'shift:lock'
  | 'shift:hand-over'
  | 'shift:sign-out'
  | 'shift:end-by-manager'
  | 'staff:first-manager';

/** Who is signed in, as the screens see it. */
export function shiftStateView(signed: SignedIn | undefined): ShiftState {
  if (!signed) return { signedIn: null };
  const { shift, member, locked } = signed;
  return {
    signedIn: {
      staffId: member.id,
      name: member.name,
      role: member.role,
      shiftId: shift.id,
      openedAt: shift.openedAt,
      locked,
    },
  };
}

/** A shift's report for the screen: its totals per currency without the journal's keys. */
export function shiftReportView(report: ShiftReport): ShiftReportView {
  return {
    shiftId: report.shiftId,
    staffId: report.staffId,
    name: report.name,
    openedAt: report.openedAt,
    endedAt: report.endedAt,
    endReason: report.endReason,
    totals: report.totals.map(({ currency, payments, refunds, net }) => ({
      currency,
      payments,
      refunds,
      net,
    })),
  };
}

/**
 * Signing in, Lock, Hand over and ending shifts: each hands the PIN typed to the shift service,
 * which checks it in main. A manager signing in with their own PIN opens the manager session
 * too, and Lock locks both the shift and the manager session.
 */
export function shiftHandlers(deps: {
  readonly shifts: ShiftService;
  readonly directory: StaffDirectory;
  readonly session: ManagerSession;
  /** Tells the windows who is signed in (a shift that ends closes without telling itself). */
  readonly changed: () => void;
}): Pick<ChannelHandlers, ShiftChannels> {
  const { shifts, directory, session, changed } = deps;
  const state = () => shiftStateView(shifts.current());
  return {
    'staff:list': async () => ok({ staff: directory.list() }),
    'shift:current': async () => ok(state()),
    'shift:sign-in': async ({ staffId, pin }) => {
      const result = await shifts.signIn(staffId, pin);
      if (!result.ok) return result;
      if (result.value.member.role === 'manager') session.openFor(holderOf(result.value.member));
      return ok(shiftStateView(result.value));
    },
    'shift:lock': async () => {
      session.lock();
      const result = shifts.lock();
      return result.ok ? ok(shiftStateView(result.value)) : result;
    },
    'shift:hand-over': async ({ staffId, pin }) => {
      const result = await shifts.handOver(staffId, pin);
      if (!result.ok) return result;
      // The manager session was the person's who just left.
      session.lock();
      const { report, next } = result.value;
      if (next.member.role === 'manager') session.openFor(holderOf(next.member));
      return ok({ report: shiftReportView(report), state: shiftStateView(next) });
    },
    'shift:sign-out': async () => {
      const result = await shifts.signOut();
      if (result.ok) {
        session.lock();
        changed();
      }
      return result.ok ? ok(shiftReportView(result.value)) : result;
    },
    'shift:end-by-manager': async ({ staffId, pin, reason }) => {
      const result = await shifts.endByManager(staffId, pin, reason);
      if (result.ok) changed();
      return result.ok ? ok(shiftReportView(result.value)) : result;
    },
    'staff:first-manager': async ({ name, pin }) => {
      // Only whoever knows the manager PIN the first run just set may name its manager.
      const opened = await session.unlock(pin);
      if (!opened.ok) return opened;
      const added = await directory.addFirstManager(name, pin);
      if (!added.ok) return added;
      const signed = await shifts.signIn(added.value.id, pin);
      if (!signed.ok) return signed;
      session.openFor(holderOf(signed.value.member));
      changed();
      return ok(shiftStateView(signed.value));
    },
  };
}

/** A manager who signed in holds the manager session under their own name. */
function holderOf(member: { readonly id: number; readonly name: string }): ManagerHolder {
  return { actor: member.name, staffId: member.id };
}
