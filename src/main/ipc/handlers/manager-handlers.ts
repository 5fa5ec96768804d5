import { join } from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { said } from '../../../shared/i18n/said';
import { ok } from '../../../shared/result';
import type { ChannelHandlers } from '../../../shared/ipc/contract';
import type { ManagerStatus } from '../../../shared/ipc/views';
import { fail } from '../../i18n/fail';
import type { ManagerActions } from '../../manager/manager-actions';
import type { ManagerPin, PinStatus } from '../../manager/manager-pin';
import type { ManagerSession, ManagerSessionState } from '../../manager/manager-session';
import { refundView } from './history-handlers';

/** The channels of what only a manager may do. */
export type ManagerChannels =
  | 'manager:status'
  | 'manager:set-pin'
  | 'manager:reset-pin'
  | 'manager:unlock'
  | 'manager:lock'
  | 'manager:touch'
  | 'refunds:create'
  | 'reports:close-day'
  | 'documents:save-pdf';

/** The PIN's and the session's state, as the screens see it. */
export function managerStatusView(
  s: PinStatus,
  session: ManagerSessionState | null,
  namedManagers: boolean,
): ManagerStatus {
  return {
    pinSet: s.set || namedManagers,
    namedManagers,
    lockedUntil: namedManagers ? null : s.lockedUntil,
    failures: namedManagers ? 0 : s.failures,
    resetNeeded: !namedManagers && s.resetNeeded,
    session: session ? { until: session.until, idleMs: session.idleMs } : null,
  };
}

/**
 * The manager's channels: each hands what was typed (the PIN among it) to the manager's
 * actions, which check it in main.
 */
export function managerHandlers(deps: {
  readonly actions: ManagerActions;
  readonly pin: ManagerPin;
  readonly session: ManagerSession;
  /** Whether the counter has staff: its managers then have PINs of their own. */
  readonly hasStaff: () => boolean;
  readonly dataDir: string;
}): Pick<ChannelHandlers, ManagerChannels> {
  const { actions, session } = deps;
  const status = () => managerStatusView(deps.pin.status(), session.state(), deps.hasStaff());
  /** The one manager PIN is not changed behind the staff's back once managers have their own. */
  const perPerson = () => fail('INVALID_STATE', said('main.staff.pinPerPerson'));
  return {
    'manager:status': async () => ok(status()),
    'manager:set-pin': async ({ newPin, currentPin }) => {
      if (deps.hasStaff()) return perPerson();
      const result = await actions.setPin(newPin, currentPin);
      return result.ok ? ok(status()) : result;
    },
    'manager:reset-pin': async ({ secret, newPin }) => {
      const result = await actions.resetPin(secret, newPin);
      return result.ok ? ok(status()) : result;
    },
    'manager:unlock': async ({ pin, staffId }) => {
      const result = await session.unlock(pin, staffId);
      return result.ok ? ok(status()) : result;
    },
    'manager:lock': async () => {
      session.lock();
      return ok(status());
    },
    'manager:touch': async () => {
      session.touch();
      return ok(status());
    },
    'refunds:create': async ({ manager, ...request }) => {
      const who = manager ? { pin: manager.pin, staffId: manager.staffId } : {};
      const result = await actions.refund({ ...request, ...who });
      return result.ok ? ok(refundView(result.value)) : result;
    },
    'reports:close-day': async ({ pin, manager }) =>
      manager ? actions.closeDay(manager.pin, manager.staffId) : actions.closeDay(pin),
    'documents:save-pdf': async ({ name }, context) => {
      if (!context?.printToPdf) {
        return fail('NOT_SUPPORTED', said('manager.pdf.browser'));
      }
      const folder = join(deps.dataDir, 'documents');
      await mkdir(folder, { recursive: true });
      const path = join(folder, `${name}.pdf`);
      await writeFile(path, await context.printToPdf());
      return ok({ path });
    },
  };
}
