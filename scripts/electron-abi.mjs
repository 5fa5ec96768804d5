// Where the Electron binary is, and rebuilding the native modules (better-sqlite3, keytar) for
// Electron's ABI or back for Node's: shared by `npm run demo` and `npm run test:electron`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const NATIVE_MODULES = ['better-sqlite3', 'keytar'];

/** Runs a command in the foreground; true when it succeeded. */
export const run = (command, args, options = {}) =>
  spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32', ...options })
    .status === 0;

/** The downloaded Electron binary, or undefined (it cannot be downloaded everywhere). */
export function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** Downloads Electron once, quietly (package.json keeps its install script off). */
export function downloadElectron() {
  spawnSync(
    process.execPath,
    [join(dirname(require.resolve('electron/package.json')), 'install.js')],
    { stdio: 'ignore' },
  );
  return electronBinary();
}

/** Rebuilds the native modules for Electron (`electron`) or for this Node (`node`). */
export function rebuildNativeModules(runtime, modules = NATIVE_MODULES) {
  if (runtime === 'node') return run('npm', ['rebuild', ...modules]);
  const version = require('electron/package.json').version;
  return run('npm', [
    'rebuild',
    ...modules,
    '--build-from-source',
    '--runtime=electron',
    `--target=${version}`,
    '--disturl=https://electronjs.org/headers',
  ]);
}
