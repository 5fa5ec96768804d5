import { join } from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { err, ok } from '../../../shared/result';
import type { ChannelHandlers } from '../../../shared/ipc/contract';
import type { ManagerStatus } from '../../../shared/ipc/views';
import type { ManagerActions } from '../../manager/manager-actions';
import type { ManagerPin, PinStatus } from '../../manager/manager-pin';
import { refundView } from './history-handlers';

/** The channels of what only a manager may do. */
export type ManagerChannels =
  | 'manager:status'
  | 'manager:set-pin'
  | 'manager:reset-pin'
  | 'refunds:create'
  | 'reports:close-day'
  | 'documents:save-pdf';

function statusView(s: PinStatus): ManagerStatus {
  return {
    pinSet: s.set,
    lockedUntil: s.lockedUntil,
    failures: s.failures,
    resetNeeded: s.resetNeeded,
  };
}

/**
 * The manager's channels: each hands what was typed (the PIN among it) to the manager's
 * actions, which check it in main.
 */
export function managerHandlers(deps: {
  readonly actions: ManagerActions;
  readonly pin: ManagerPin;
  readonly dataDir: string;
}): Pick<ChannelHandlers, ManagerChannels> {
  const { actions } = deps;
  return {
    'manager:status': async () => ok(statusView(deps.pin.status())),
    'manager:set-pin': async ({ newPin, currentPin }) => {
      const result = await actions.setPin(newPin, currentPin);
      return result.ok ? ok(statusView(result.value)) : result;
    },
    'manager:reset-pin': async ({ secret, newPin }) => {
      const result = await actions.resetPin(secret, newPin);
      return result.ok ? ok(statusView(result.value)) : result;
    },
    'refunds:create': async (request) => {
      const result = await actions.refund(request);
      return result.ok ? ok(refundView(result.value)) : result;
    },
    'reports:close-day': async ({ pin }) => actions.closeDay(pin),
    'documents:save-pdf': async ({ name }, context) => {
      if (!context?.printToPdf) {
        return err(
          'NOT_SUPPORTED',
          'PDF files are made by the desktop app; in a browser use Print → Save as PDF.',
        );
      }
      const folder = join(deps.dataDir, 'documents');
      await mkdir(folder, { recursive: true });
      const path = join(folder, `${name}.pdf`);
      await writeFile(path, await context.printToPdf());
      return ok({ path });
    },
  };
}
