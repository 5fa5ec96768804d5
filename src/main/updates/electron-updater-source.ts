import { existsSync } from 'node:fs';
import { join } from 'node:path';
import updaterModule from 'electron-updater';
import type { Updater } from './update-controller';

/**
 * electron-updater's updater when the build carries a feed (electron-builder writes
 * resources/app-update.yml from `publish`), else null: a build without a feed never looks for
 * updates. Only the Electron shell imports this file (electron-updater is CommonJS: its default
 * export holds autoUpdater).
 */
export function bundledUpdater(resourcesPath: string, packaged: boolean): Updater | null {
  if (!packaged || !existsSync(join(resourcesPath, 'app-update.yml'))) return null;
  return updaterModule.autoUpdater as unknown as Updater;
}
