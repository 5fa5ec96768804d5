#!/usr/bin/env node
// `npm run demo`: builds the app, then opens it in demo mode (the embedded Gate sandbox) in
// Electron. Where the Electron binary is missing and cannot be downloaded (as on the build
// machines here), it says so in one line and serves the same UI in the browser shell instead.
// Options after `--` go to both: `npm run demo -- --sandbox-host 0.0.0.0` lets a phone on the
// same network open the QR's page.
import { spawn } from 'node:child_process';
import { downloadElectron, electronBinary, rebuildNativeModules, run } from './electron-abi.mjs';

const options = process.argv.slice(2);

if (!run('npm', ['run', '-s', 'build'])) process.exit(1);

let electron = electronBinary();
if (!electron) {
  console.log(
    'Electron is not downloaded yet; fetching it once (package.json keeps its install script off).',
  );
  // Quietly: where the download host is unreachable, one line below says what happens instead.
  electron = downloadElectron();
}

if (electron) {
  // Native modules are built for Node; Electron needs them built for its own ABI (demo mode
  // uses no keychain, so only the journal's SQLite binding matters here).
  if (!rebuildNativeModules('electron', ['better-sqlite3'])) {
    console.log(
      'Could not rebuild better-sqlite3 for Electron; see docs/testing.md (What needs Electron).',
    );
    process.exit(1);
  }
  const child = spawn(electron, ['.', '--demo', ...options], { stdio: 'inherit' });
  child.on('exit', (code) => {
    // Back to the Node build, so that `npm test` keeps working.
    rebuildNativeModules('node', ['better-sqlite3']);
    process.exit(code ?? 0);
  });
} else {
  console.log(
    'Electron cannot be downloaded on this machine: opening the browser shell instead (npm run demo:web).',
  );
  const child = spawn(process.execPath, ['bin/alipay-counter.mjs', 'web', ...options], {
    stdio: 'inherit',
  });
  child.on('exit', (code) => process.exit(code ?? 0));
}
