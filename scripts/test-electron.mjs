#!/usr/bin/env node
// `npm run test:electron`: the Electron suite (test/electron) against the real Electron binary:
// builds the app, rebuilds the native modules for Electron, runs the suite with skipping turned
// into failure, then rebuilds them for Node again. Packaged-app tests use dist/ (npm run
// dist:dir, dist:win or dist:mac first).
import { downloadElectron, electronBinary, rebuildNativeModules, run } from './electron-abi.mjs';

if (!electronBinary() && !downloadElectron()) {
  console.error('test:electron: no Electron binary and it cannot be downloaded on this machine');
  process.exit(1);
}
if (!run('npm', ['run', '-s', 'build'])) process.exit(1);
if (!rebuildNativeModules('electron')) process.exit(1);
const passed = run('npx', ['vitest', 'run', 'test/electron'], {
  env: { ...process.env, ALIPAY_COUNTER_REQUIRE_ELECTRON: '1' },
});
rebuildNativeModules('node');
process.exit(passed ? 0 : 1);
