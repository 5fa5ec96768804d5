#!/usr/bin/env node
// Flips Electron's fuses in a packaged app (DESIGN §8, STYLE rule 9): no running as plain Node,
// no NODE_OPTIONS, no --inspect, the app only from its integrity-checked asar, cookies encrypted.
// Use as electron-builder's `afterPack` hook, or run it on a packaged binary:
//   node scripts/flip-fuses.mjs "dist/mac/Alipay Counter.app"
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import { join } from 'node:path';

const FUSES = {
  version: FuseVersion.V1,
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  [FuseV1Options.EnableCookieEncryption]: true,
};

/** electron-builder afterPack hook. */
export default async function afterPack(context) {
  const name = context.packager.appInfo.productFilename;
  const platform = context.electronPlatformName;
  const binary =
    platform === 'darwin'
      ? join(context.appOutDir, `${name}.app`)
      : join(context.appOutDir, platform === 'win32' ? `${name}.exe` : name);
  await flipFuses(binary, { ...FUSES, resetAdHocDarwinSignature: platform === 'darwin' });
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop())) {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: node scripts/flip-fuses.mjs <packaged app or executable>');
    process.exit(1);
  }
  await flipFuses(target, FUSES);
  console.log(`fuses flipped in ${target}`);
}
