import { ok, type Result, type ErrorCode } from '../../shared/result';
import { said } from '../../shared/i18n/said';
import { fail } from '../i18n/fail';
import type { ChannelHandlers } from '../../shared/ipc/contract';
import type { AboutView, DisplayList } from '../../shared/ipc/views';
import type { ShellChannels } from '../ipc/handlers/shell-handlers';
import type { UpdateController } from '../updates/update-controller';

/** What the desktop's About, logs, updates and displays channels are made of. */
export interface DesktopDeps {
  readonly version: string;
  readonly dataFolder: string;
  readonly logFile: string;
  /** Where Crashpad writes dumps of a crashed process. */
  readonly crashDumpFolder: string;
  readonly updates: UpdateController;
  /** Opens a folder in the OS file manager; resolves to an error text, "" when it worked. */
  readonly openFolder: (path: string) => Promise<string>;
  readonly displays: () => DisplayList['displays'];
  readonly checkPin: (
    pin: string,
    action: string,
    staffId?: number,
  ) => Promise<Result<unknown, ErrorCode>>;
}

/**
 * The desktop shell's answers on the channels the browser shell cannot serve. Plain Node: the
 * Electron specifics (shell.openPath, screen, electron-updater) come in through `deps`.
 */
export function desktopHandlers(deps: DesktopDeps): Pick<ChannelHandlers, ShellChannels> {
  const about = (): AboutView => {
    const status = deps.updates.current();
    return {
      version: deps.version,
      dataFolder: deps.dataFolder,
      logFile: deps.logFile,
      crashDumpFolder: deps.crashDumpFolder,
      updates: {
        state: status.state,
        message: status.message,
        ...('detail' in status ? { detail: status.detail } : {}),
        ...('version' in status ? { version: status.version } : {}),
      },
    };
  };
  return {
    'app:about': async () => ok(about()),
    'app:open-logs': async () => {
      const folder = deps.logFile.replace(/[\\/][^\\/]+$/, '');
      const problem = await deps.openFolder(folder);
      return problem
        ? fail('NOT_SUPPORTED', said('settings.about.cannotOpenFolder', { folder }))
        : ok({ path: folder });
    },
    'updates:check': async () => {
      await deps.updates.check();
      return ok(about());
    },
    'updates:restart': async ({ pin, staffId }) => {
      const allowed = await deps.checkPin(pin, 'restart to update', staffId);
      if (!allowed.ok) return allowed;
      const answer = deps.updates.restartToUpdate();
      return answer.ok ? ok(about()) : fail('INVALID_STATE', answer.reason);
    },
    'displays:list': async () => ok({ displays: deps.displays() }),
  };
}

/** Wraps the day close so that a ready update can install right after a Z report. */
export function afterDayClose(
  handlers: ChannelHandlers,
  onClosed: () => void,
): ChannelHandlers['reports:close-day'] {
  return async (input, context) => {
    const result = await handlers['reports:close-day'](input, context);
    if (result.ok) onClosed();
    return result;
  };
}
