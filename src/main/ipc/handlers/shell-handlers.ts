import { ok } from '../../../shared/result';
import { said } from '../../../shared/i18n/said';
import { fail } from '../../i18n/fail';
import type { ChannelHandlers } from '../../../shared/ipc/contract';
import type { AboutView } from '../../../shared/ipc/views';

/** The channels only the desktop shell can serve in full: About, logs, updates, displays. */
export type ShellChannels =
  'app:about' | 'app:open-logs' | 'updates:check' | 'updates:restart' | 'displays:list';

/**
 * What those channels answer outside the Electron shell (browser shell, CLI, tests): no log
 * file, no updater, no displays. The Electron shell replaces them (src/main/index.ts).
 */
export function headlessShellHandlers(version: string): Pick<ChannelHandlers, ShellChannels> {
  const about = (): AboutView => ({
    version,
    dataFolder: null,
    logFile: null,
    crashDumpFolder: null,
    updates: { state: 'not configured', message: said('settings.updates.onlyInstalled') },
  });
  return {
    'app:about': async () => ok(about()),
    'app:open-logs': async () => fail('NOT_SUPPORTED', said('settings.about.noLogFile')),
    'updates:check': async () => ok(about()),
    'updates:restart': async () => fail('NOT_SUPPORTED', said('settings.updates.onlyInstalled')),
    'displays:list': async () => ok({ displays: [] }),
  };
}
