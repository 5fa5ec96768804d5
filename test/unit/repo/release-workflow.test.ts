import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  feedOrder,
  readTag,
  releaseFiles,
  releaseProblems,
} from '../../../scripts/release-plan.mjs';

const WORKFLOW = readFileSync(
  fileURLToPath(new URL('../../../.github/workflows/release.yml', import.meta.url)),
  'utf8',
);

/** What electron-builder leaves in dist/ after dist:win and dist:mac of 1.2.0. */
const DIST = [
  'alipay-counter-1.2.0-win-setup.exe',
  'alipay-counter-1.2.0-win-setup.exe.blockmap',
  'alipay-counter-1.2.0-mac-x64.dmg',
  'alipay-counter-1.2.0-mac-x64.dmg.blockmap',
  'alipay-counter-1.2.0-mac-arm64.zip',
  'alipay-counter-1.2.0-mac-arm64.zip.blockmap',
  'alipay-counter-1.2.0-mac-x64.zip',
  'latest.yml',
  'beta.yml',
  'alpha.yml',
  'latest-mac.yml',
  'beta-mac.yml',
  'alpha-mac.yml',
  'builder-debug.yml',
  'builder-effective-config.yaml',
  '__uninstaller-nsis-alipay-counter.exe',
];

const windowsChannel = (version: string) =>
  `version: ${version}\nfiles:\n  - url: alipay-counter-1.2.0-win-setup.exe\n    sha512: x\n    size: 1\npath: alipay-counter-1.2.0-win-setup.exe\nsha512: x\nreleaseDate: '2026-12-01T00:00:00.000Z'\n`;
const macChannel = (version: string) =>
  `version: ${version}\nfiles:\n  - url: alipay-counter-1.2.0-mac-arm64.zip\n    sha512: x\n  - url: alipay-counter-1.2.0-mac-x64.zip\n    sha512: x\npath: alipay-counter-1.2.0-mac-arm64.zip\n`;

function release(names: string[], version = '1.2.0') {
  return names.map((name) => ({
    name,
    text: name.endsWith('-mac.yml')
      ? macChannel(version)
      : name.endsWith('.yml')
        ? windowsChannel(version)
        : undefined,
  }));
}

/** The upload step's patterns (`dist/...` lines), as globs with `*`. */
function uploadedBy(workflow: string): (name: string) => boolean {
  const patterns = [...workflow.matchAll(/^\s+dist\/(\S+)$/gm)].map(
    (m) => new RegExp(`^${m[1]!.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]*')}$`),
  );
  return (name) => patterns.some((pattern) => pattern.test(name));
}

describe('the release workflow publishes installers and update files only', () => {
  it('uploads from dist/ exactly the installers, blockmaps and channel files', () => {
    const uploaded = DIST.filter(uploadedBy(WORKFLOW));
    const { installers, channels } = releaseFiles(DIST);
    expect(uploaded.sort()).toEqual([...installers, ...channels].sort());
    expect(uploaded).not.toContain('builder-debug.yml');
    expect(uploaded).not.toContain('__uninstaller-nsis-alipay-counter.exe');
  });

  it('marks -beta tags as pre-releases; refuses tags no channel reads', () => {
    expect(readTag('v1.2.0')).toEqual({ version: '1.2.0', prerelease: false });
    expect(readTag('v1.3.0-beta.1')).toEqual({ version: '1.3.0-beta.1', prerelease: true });
    expect(readTag('v1.3.0-rc.1').problem).toMatch(/beta/);
    expect(readTag('release-1').problem).toMatch(/not a version tag/);
    expect(WORKFLOW).toContain('--prerelease');
  });

  it('a complete stable release passes; the feed gets the installers before the channel files', () => {
    expect(releaseProblems('v1.2.0', release(DIST))).toEqual([]);
    const order = feedOrder(DIST);
    const firstChannel = order.findIndex((name) => name.endsWith('.yml'));
    expect(order.slice(0, firstChannel).every((name) => name.startsWith('alipay-counter-'))).toBe(
      true,
    );
    expect(order.slice(firstChannel).every((name) => name.endsWith('.yml'))).toBe(true);
    expect(order).not.toContain('builder-debug.yml');
  });

  it('refuses a release whose channel files point at missing installers or another version', () => {
    const withoutMacZip = release(DIST.filter((n) => n !== 'alipay-counter-1.2.0-mac-x64.zip'));
    expect(releaseProblems('v1.2.0', withoutMacZip)).toContain(
      'latest-mac.yml names alipay-counter-1.2.0-mac-x64.zip, which is not in the release',
    );
    expect(releaseProblems('v1.2.1', release(DIST))).toContain(
      'latest.yml is for version 1.2.0, the tag for 1.2.1',
    );
    const onlyWindows = release(DIST.filter((n) => !n.includes('mac')));
    expect(releaseProblems('v1.2.0', onlyWindows)).toContain(
      'latest-mac.yml is missing (Windows and macOS both build)',
    );
  });

  it('a pre-release never carries latest.yml: stable stores stay where they are', () => {
    const beta = DIST.filter((n) => !n.startsWith('latest'));
    expect(releaseProblems('v1.3.0-beta.1', release(beta, '1.3.0-beta.1'))).toEqual([]);
    expect(releaseProblems('v1.3.0-beta.1', release(DIST, '1.3.0-beta.1'))).toContain(
      'latest.yml in a pre-release would move every stable store to 1.3.0-beta.1',
    );
  });
});
