#!/usr/bin/env node
// `node scripts/rebuild-native.mjs electron|node`: compiles better-sqlite3 and keytar for
// Electron's ABI (from source, against Electron's headers: better-sqlite3 12 ships no prebuilt
// binary for Electron 45) or back for this Node, then loads both in that runtime and opens a
// SQLite database, so a binary built for the wrong ABI fails here rather than in a store.
// The release workflow runs it; docs/native-modules.md says why it matters.
import { spawnSync } from 'node:child_process';
import { downloadElectron, electronBinary, rebuildNativeModules } from './electron-abi.mjs';

const runtime = process.argv[2];
if (runtime !== 'electron' && runtime !== 'node') {
  console.error('usage: node scripts/rebuild-native.mjs electron|node');
  process.exit(2);
}
const binary = runtime === 'electron' ? (electronBinary() ?? downloadElectron()) : process.execPath;
if (!binary) {
  console.error('rebuild-native: no Electron binary, and it cannot be downloaded here');
  process.exit(1);
}
if (!rebuildNativeModules(runtime)) process.exit(1);
const probe = spawnSync(
  binary,
  [
    '-e',
    "const db = new (require('better-sqlite3'))(':memory:');" +
      "if (db.prepare('SELECT 41 + 1 AS n').get().n !== 42) throw new Error('sqlite');" +
      "require('keytar'); console.log('loaded in ' + (process.versions.electron ? 'Electron ' + process.versions.electron : 'Node ' + process.version));",
  ],
  { stdio: 'inherit', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } },
);
process.exit(probe.status === 0 ? 0 : 1);
