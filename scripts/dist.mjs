#!/usr/bin/env node
// `npm run dist:win | dist:mac | dist:dir`: builds the app, says what will and will not be
// signed, then packages it with electron-builder (electron-builder.config.mjs). electron-builder
// rebuilds the native modules for Electron in node_modules; afterwards they are rebuilt for
// Node again so that `npm test` keeps working.
//   ALIPAY_COUNTER_REQUIRE_SIGNING=1  fail instead of building unsigned (the release workflow)
//   ALIPAY_COUNTER_UPDATE_URL=https://...  the update feed baked into the build
import { rebuildNativeModules, run } from './electron-abi.mjs';
import { signingReport } from '../electron-builder.config.mjs';

const TARGETS = {
  dir: ['--dir'],
  win: ['--win'],
  mac: ['--mac'],
};
const [target, ...extra] = process.argv.slice(2);
if (!target || !TARGETS[target]) {
  console.error('usage: node scripts/dist.mjs dir|win|mac [electron-builder options]');
  process.exit(2);
}

// electron-builder compiles the native modules for the platform it packages: one per build.
const PLATFORM_FLAGS = {
  '--win': 'win',
  '-w': 'win',
  '--mac': 'mac',
  '-m': 'mac',
  '--linux': 'linux',
  '-l': 'linux',
};
const flagged = [...new Set(extra.map((arg) => PLATFORM_FLAGS[arg]).filter(Boolean))];
if (flagged.length > 1) {
  console.error(
    `dist: one platform per build (${flagged.join(', ')} given): the native binaries differ`,
  );
  process.exit(2);
}

const report = signingReport();
const relevant =
  target === 'win'
    ? [report.windows]
    : target === 'mac'
      ? [report.mac, report.notarize]
      : [report.mac, report.notarize, report.windows];
for (const line of relevant) console.log(`signing: ${line}`);
const unsigned = relevant.some((line) => /UNSIGNED|NOT notarized/.test(line));
if (unsigned && target !== 'dir' && process.env.ALIPAY_COUNTER_REQUIRE_SIGNING === '1') {
  console.error(
    'signing: ALIPAY_COUNTER_REQUIRE_SIGNING=1 and signing is not configured: stopping',
  );
  process.exit(1);
}
if (!process.env.ALIPAY_COUNTER_UPDATE_URL)
  console.log('updates: no ALIPAY_COUNTER_UPDATE_URL: this build will not look for updates');

if (!run('npm', ['run', '-s', 'build'])) process.exit(1);
const built = run('npx', [
  'electron-builder',
  '--config',
  'electron-builder.config.mjs',
  '--publish',
  'never',
  ...TARGETS[target],
  ...extra,
]);
rebuildNativeModules('node');
if (!built) process.exit(1);
if (unsigned)
  console.log('signing: the installers above are UNSIGNED (see docs/releasing.md: Signing)');
