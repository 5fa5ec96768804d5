import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
    return 'no Electron binary on this machine (its release host is unreachable; see README)';
  if (sqliteBuiltForNode())
    return 'the native modules are built for Node, not Electron (npm run test:electron rebuilds them)';
  return undefined;
}

/** The packaged app's executable in dist/ for this platform (npm run dist:dir, dist:win, dist:mac). */
export function packagedBinary(): string | undefined {
  const dist = join(ROOT, 'dist');
  if (!existsSync(dist)) return undefined;
  const candidates: string[] = [];
  for (const dir of readdirSync(dist)) {
    if (process.platform === 'win32' && dir.startsWith('win'))
      candidates.push(join(dist, dir, 'Alipay Counter.exe'));
    if (process.platform === 'darwin' && dir.startsWith('mac'))
      candidates.push(join(dist, dir, 'Alipay Counter.app', 'Contents', 'MacOS', 'Alipay Counter'));
    if (process.platform === 'linux' && dir === 'linux-unpacked')
      candidates.push(join(dist, dir, 'alipay-counter'));
  }
  return candidates.find((path) => existsSync(path));
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
