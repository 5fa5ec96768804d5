import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractAll, extractFile, listPackage, statFile } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { Arch, build, Platform, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFor } from '../../electron-builder.config.mjs';
import { ensureRendererBuilt } from '../support/browser-harness';
import { makeStandInElectron } from './stand-in-electron';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FEED = 'https://updates.example.test/alipay-counter';

/** The list, written out here so that a change to the config cannot pass unnoticed. */
const EXPECTED_FUSES: Record<string, boolean> = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  GrantFileProtocolExtraPrivileges: false,
};

/** This machine's architecture: the native modules in node_modules are built for it. */
const arch = process.arch === 'arm64' ? Arch.arm64 : Arch.x64;

/**
 * `npm run dist:dir` for Linux, for real, with electron-builder and the same config; only the
 * Electron binary is a stand-in (its release host is unreachable here) and the native modules
 * are not rebuilt for Electron (that needs Electron's headers, downloaded too). So the packaged
 * native modules are this machine's own builds, copied from node_modules, and load under this
 * Node on any runner (Linux, macOS or Windows): the test proves that the copies are complete.
 */
describe(`packaging smoke test: electron-builder dir target, linux-${Arch[arch]}, stand-in Electron`, () => {
  const work = mkdtempSync(join(tmpdir(), 'alipay-counter-dist-'));
  const app = join(work, 'dist', arch === Arch.x64 ? 'linux-unpacked' : 'linux-arm64-unpacked');
  const resources = join(app, 'resources');
  const asar = join(resources, 'app.asar');
  let files: string[] = [];

  beforeAll(async () => {
    ensureRendererBuilt();
    const config = configFor({ ALIPAY_COUNTER_UPDATE_URL: FEED });
    await build({
      projectDir: ROOT,
      targets: Platform.LINUX.createTarget(['dir'], arch),
      publish: 'never',
      config: {
        ...config,
        electronDist: makeStandInElectron(join(work, 'electron')),
        npmRebuild: false,
        directories: { ...config.directories, output: join(work, 'dist') },
      } as Configuration,
    });
    files = listPackage(asar, { isPack: false }).map((path) => path.replace(/^\//, ''));
  }, 120_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('flips every fuse of the list in the packaged binary', async () => {
    const wire = await getCurrentFuseWire(join(app, 'alipay-counter'));
    const read = Object.fromEntries(
      Object.keys(EXPECTED_FUSES).map((name) => {
        const state = wire[FuseV1Options[name as keyof typeof FuseV1Options]];
        // FuseState: 49 ('1') enabled, 48 ('0') disabled.
        return [name, state === 49 ? true : state === 48 ? false : `state ${String(state)}`];
      }),
    );
    expect(read).toEqual(EXPECTED_FUSES);
  });

  it("puts the app's entry, preload and renderer in the asar", () => {
    const main = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string })
      .main;
    expect(files).toEqual(
      expect.arrayContaining([
        main,
        'package.json',
        'out/preload/index.cjs',
        'out/renderer/index.html',
      ]),
    );
    expect(files.some((f) => /^out\/renderer\/assets\/.+\.js$/.test(f))).toBe(true);
    // Electron names the data folder after package.json's name (docs/installing.md: Where things live).
    const shipped = JSON.parse(extractFile(asar, 'package.json').toString()) as Record<
      string,
      unknown
    >;
    expect([shipped['name'], shipped['productName']]).toEqual(['alipay-counter', undefined]);
  });

  it('unpacks the native modules next to the asar', () => {
    const natives = files.filter((f) => f.endsWith('.node'));
    expect(natives.sort()).toEqual([
      'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
      'node_modules/keytar/build/Release/keytar.node',
    ]);
    for (const file of natives) {
      expect(statFile(asar, file)).toMatchObject({ unpacked: true });
      expect(existsSync(join(`${asar}.unpacked`, file))).toBe(true);
    }
  });

  it('ships no tests, benches, sources, source maps or install-time packages', () => {
    const unwanted = files.filter(
      (f) =>
        /^(test|bench|src|scripts|resources|\.github)\//.test(f) ||
        /\.(map|ts|tsx|cc|cpp|c|h|gyp)$/.test(f) ||
        /^node_modules\/better-sqlite3\/(deps|src)\//.test(f) ||
        /^node_modules\/(prebuild-install|node-addon-api|node-abi|tar-fs|yargs|react|react-dom|zustand|electron|electron-builder|vitest|typescript)\//.test(
          f,
        ),
    );
    expect(unwanted).toEqual([]);
  });

  it('bakes the update feed into the build', () => {
    const feed = readFileSync(join(resources, 'app-update.yml'), 'utf8');
    expect(feed).toContain('provider: generic');
    expect(feed).toContain(`url: ${FEED}`);
  });

  it('every package main imports resolves and loads from the packaged app under Node', () => {
    const bundle = readFileSync(join(ROOT, 'out/main/index.js'), 'utf8');
    const bare = [...bundle.matchAll(/(?:from|import\()\s*["']([^"'./][^"']*)["']/g)]
      .map((m) => m[1]!)
      .filter((name) => !name.startsWith('node:') && name !== 'electron' && !name.includes(' '));
    const packages = [...new Set(bare)].sort();
    expect(packages).toEqual(
      expect.arrayContaining(['better-sqlite3', 'electron-updater', 'keytar', 'zod']),
    );
    const extracted = join(work, 'extracted');
    extractAll(asar, extracted);
    // A separate Node, so that these copies never mix with the test's own node_modules.
    const probe = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createRequire } from 'node:module';
         const require = createRequire(${JSON.stringify(join(extracted, 'package.json'))});
         for (const name of ${JSON.stringify(packages)}) {
           const resolved = require.resolve(name);
           if (!resolved.startsWith(${JSON.stringify(extracted)})) throw new Error(name + ' resolved outside the app: ' + resolved);
           require(name);
         }
         const Database = require('better-sqlite3');
         console.log(new Database(':memory:').prepare('SELECT 1 + 1 AS two').get().two);
         console.log(typeof require('keytar').getPassword);`,
      ],
      { encoding: 'utf8', cwd: work },
    );
    expect(probe.stderr).toBe('');
    expect(probe.stdout.trim().split('\n')).toEqual(['2', 'function']);
  });
});
