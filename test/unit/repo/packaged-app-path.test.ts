import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagedAppPath } from '../../electron/electron-harness';

describe('the packaged app the Electron suite launches', () => {
  it('is the build for this machine architecture, whatever else dist/ holds', () => {
    expect(packagedAppPath('win32', 'x64')).toBe(join('win-unpacked', 'Alipay Counter.exe'));
    expect(packagedAppPath('win32', 'arm64')).toBe(
      join('win-arm64-unpacked', 'Alipay Counter.exe'),
    );
    expect(packagedAppPath('darwin', 'x64')).toBe(
      join('mac', 'Alipay Counter.app', 'Contents', 'MacOS', 'Alipay Counter'),
    );
    expect(packagedAppPath('darwin', 'arm64')).toBe(
      join('mac-arm64', 'Alipay Counter.app', 'Contents', 'MacOS', 'Alipay Counter'),
    );
    expect(packagedAppPath('linux', 'x64')).toBe(join('linux-unpacked', 'alipay-counter'));
    expect(packagedAppPath('linux', 'arm64')).toBe(join('linux-arm64-unpacked', 'alipay-counter'));
  });

  it('none for an architecture the release does not build', () => {
    expect(packagedAppPath('win32', 'ia32')).toBeUndefined();
    expect(packagedAppPath('freebsd', 'x64')).toBeUndefined();
  });
});
