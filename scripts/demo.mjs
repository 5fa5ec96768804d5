#!/usr/bin/env node
// `npm run demo`: builds the app, then opens it in demo mode (the embedded Gate sandbox) in
// Electron. Where the Electron binary is missing and cannot be downloaded (as on the build
// machines here), it says so in one line and serves the same UI in the browser shell instead.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const run = (command, args) => spawnSync(command, args, { stdio: 'inherit' }).status === 0;

if (!run('npm', ['run', '-s', 'build'])) process.exit(1);

function electronBinary() {
  const dir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

let electron = electronBinary();
if (!electron) {
  console.log(
    'Electron is not downloaded yet; fetching it once (package.json keeps its install script off).',
  );
  // Quietly: where the download host is unreachable, one line below says what happens instead.
  spawnSync(
    process.execPath,
    [join(dirname(require.resolve('electron/package.json')), 'install.js')],
    {
      stdio: 'ignore',
    },
  );
  electron = electronBinary();
}

if (electron) {
  // Native modules are built for Node; Electron needs them built for its own ABI (demo mode
  // uses no keychain, so only the journal's SQLite binding matters here).
  const version = require('electron/package.json').version;
  const forElectron = [
    'rebuild',
    'better-sqlite3',
    '--build-from-source',
    '--runtime=electron',
    `--target=${version}`,
    '--disturl=https://electronjs.org/headers',
  ];
  if (!run('npm', forElectron)) {
    console.log('Could not rebuild better-sqlite3 for Electron; see README (What needs Electron).');
    process.exit(1);
  }
  const child = spawn(electron, ['.', '--demo'], { stdio: 'inherit' });
  child.on('exit', (code) => {
    // Back to the Node build, so that `npm test` keeps working.
    run('npm', ['rebuild', 'better-sqlite3']);
    process.exit(code ?? 0);
  });
} else {
  console.log(
    'Electron cannot be downloaded on this machine: opening the browser shell instead (npm run demo:web).',
  );
  const child = spawn(process.execPath, ['bin/alipay-counter.mjs', 'web'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
