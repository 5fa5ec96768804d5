import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The release workflow sets this: a skipped Electron test there is a failure. */
export const REQUIRED = process.env['ALIPAY_COUNTER_REQUIRE_ELECTRON'] === '1';

/** The Electron binary, if this machine has one (it cannot be downloaded on the build machines here). */
export function electronBinary(): string | undefined {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

/** better-sqlite3 loads in this Node: then it is built for Node's ABI, not Electron's. */
function sqliteBuiltForNode(): boolean {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:')"], {
    cwd: ROOT,
  });
  return probe.status === 0;
}

/** Why the unpackaged shell cannot run here, or undefined when it can. */
export function shellSkipReason(): string | undefined {
  if (!electronBinary())
    return 'no Electron binary on this machine (its release host is unreachable; see docs/testing.md)';
  if (sqliteBuiltForNode())
    return 'the native modules are built for Node, not Electron (npm run test:electron rebuilds them)';
  return undefined;
}

/**
 * Where electron-builder puts the unpacked app for a platform and architecture, and its
 * executable there. x64 has no suffix: `win-unpacked`, `mac`, `linux-unpacked`; arm64 has
 * `win-arm64-unpacked`, `mac-arm64`, `linux-arm64-unpacked`. A release build makes both, so
 * the one this machine runs must be picked by name, never by the order of a folder listing.
 */
export function packagedAppPath(platform: NodeJS.Platform, arch: string): string | undefined {
  if (arch !== 'x64' && arch !== 'arm64') return undefined;
  const suffix = arch === 'arm64' ? '-arm64' : '';
  switch (platform) {
    case 'win32':
      return join(`win${suffix}-unpacked`, 'Alipay Counter.exe');
    case 'darwin':
      return join(`mac${suffix}`, 'Alipay Counter.app', 'Contents', 'MacOS', 'Alipay Counter');
    case 'linux':
      return join(`linux${suffix}-unpacked`, 'alipay-counter');
    default:
      return undefined;
  }
}

/** The packaged app in dist/ for this machine (npm run dist:dir, dist:win or dist:mac first). */
export function packagedBinary(): string | undefined {
  const path = packagedAppPath(process.platform, process.arch);
  const binary = path ? join(ROOT, 'dist', path) : undefined;
  return binary && existsSync(binary) ? binary : undefined;
}

/** A suite title that says why it is skipped; where skipping is not allowed, throws instead. */
export function suiteTitle(name: string, skipReason: string | undefined): string {
  if (!skipReason) return name;
  if (REQUIRED)
    throw new Error(`${name} must run here (ALIPAY_COUNTER_REQUIRE_ELECTRON=1): ${skipReason}`);
  const title = `${name}: skipped, ${skipReason}`;
  console.log(title);
  return title;
}
