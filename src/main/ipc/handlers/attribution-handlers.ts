import { said } from '../../../shared/i18n/said';
import { ok } from '../../../shared/result';
import { fail } from '../../i18n/fail';
import type { ChannelHandlers } from '../../../shared/ipc/contract';
import type { NamedTotalsView } from '../../../shared/ipc/views';
import type { CounterStaff } from '../../app/counter-staff';
import type { Journal } from '../../journal/journal';
import type { ManagerActions } from '../../manager/manager-actions';
import type { ManagerSession } from '../../manager/manager-session';
import type { NamedTotals } from '../../shifts/staff-reports';
import { refundView } from './history-handlers';
import type { ManagerChannels } from './manager-handlers';
import { asStaff, underStaffRule } from './staff-manager';

/** The channels of who did what: the staff list and its management, refunds and reports. */
export type AttributionChannels =
  | 'reports:people'
  | 'staff:add'
  | 'staff:rename'
  | 'staff:set-active'
  | 'staff:set-pin'
  | 'refunds:create'
  | 'reports:close-day'
  | 'manager:reset-pin';

/** A person's or shift's totals as the screens see them ("nobody signed in" as null). */
function totalsView(row: NamedTotals): NamedTotalsView {
  return {
    name: row.key === null ? null : row.name,
    currency: row.currency,
    payments: row.payments,
    refunds: row.refunds,
    net: row.net,
    ...(row.openedAt !== undefined ? { openedAt: row.openedAt } : {}),
    ...(row.openedAt !== undefined && row.key !== null ? { shiftId: row.key } : {}),
    ...(row.endedAt !== undefined ? { endedAt: row.endedAt } : {}),
  };
}

/**
 * Who did what: a refund or closing the day with a manager called to the counter goes through
 * the role rules (recorded as "authorised by"); without one, as before (the manager session or
 * PIN). The reports by person read the journal under the manager session like the reports.
 */
export function attributionHandlers(deps: {
  readonly staff: CounterStaff;
  readonly journal: Journal;
  readonly session: ManagerSession;
  readonly manager: Pick<ChannelHandlers, ManagerChannels>;
  /** Checks the project's secret key, a merchant's proof for a forgotten manager PIN. */
  readonly secretKey: Pick<ManagerActions, 'proveSecret'>;
  readonly now: () => number;
}): Pick<ChannelHandlers, AttributionChannels> {
  const { staff, journal, session } = deps;
  const before = deps.manager;
  return {
    'reports:people': async () => {
      const open = session.require();
      if (!open.ok) return open;
      const x = staff.actions.withShifts(journal.reports.current(deps.now()));
      return ok({
        xByPerson: x.byPerson.map(totalsView),
        zShifts: journal.reports.zReports().map((z) => ({
          number: z.number ?? 0,
          byShift: staff.actions.withShifts(z).byShift.map(totalsView),
        })),
      });
    },
    'refunds:create': async ({ manager, ...request }) => {
      if (!manager) return before['refunds:create'](request);
      const done = await asStaff(staff, 'refund', manager, async (present) => {
        const refund = await staff.actions.refund({
          ...request,
          ...(present ? { manager: present } : {}),
        });
        return refund.ok ? ok(refundView(refund.value)) : refund;
      });
      return done ?? before['refunds:create']({ ...request, manager });
    },
    'reports:close-day': async ({ manager, pin }) => {
      if (!manager) return before['reports:close-day']({ ...(pin ? { pin } : {}) });
      const done = await asStaff(staff, 'close-day', manager, async (present) => {
        const z = await staff.actions.closeDay(present);
        return z.ok ? ok(z.value.report) : z;
      });
      return done ?? before['reports:close-day']({ manager });
    },
    // A forgotten PIN on a counter with staff: the manager's own, reset with the secret key.
    'manager:reset-pin': async ({ secret, newPin, staffId }) => {
      if (staff.directory.empty()) return before['manager:reset-pin']({ secret, newPin });
      const proof = deps.secretKey.proveSecret(secret);
      if (!proof.ok) return proof;
      const reset = await staff.directory.resetManagerPin(staffId, newPin);
      return reset.ok ? before['manager:status']({}) : reset;
    },
    'staff:add': async ({ manager, name, role, pin }) =>
      (await asStaff(staff, 'staff', manager, (present) =>
        underStaffRule(staff, present, (by) => staff.directory.add(by, name, role, pin)),
      )) ?? signInFirst(),
    'staff:rename': async ({ manager, staffId, name }) =>
      (await asStaff(staff, 'staff', manager, (present) =>
        underStaffRule(staff, present, (by) => staff.directory.rename(by, staffId, name)),
      )) ?? signInFirst(),
    'staff:set-active': async ({ manager, staffId, active }) =>
      (await asStaff(staff, 'staff', manager, (present) =>
        underStaffRule(staff, present, (by) => staff.directory.setActive(by, staffId, active)),
      )) ?? signInFirst(),
    'staff:set-pin': async ({ manager, staffId, pin }) =>
      (await asStaff(staff, 'staff', manager, (present) =>
        underStaffRule(staff, present, (by) => staff.directory.setPin(by, staffId, pin)),
      )) ?? signInFirst(),
  };
}

/** Staff are managed by someone signed in (a manager, or a cashier with one called). */
function signInFirst() {
  return fail('INVALID_STATE', said('manager.people.signInFirst'));
}
