import { spawn } from 'node:child_process';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { describe, expect, it } from 'vitest';
import { electronBinary, packagedBinary, suiteTitle } from './electron-harness';

const binary = packagedBinary();
const skip = !electronBinary()
  ? 'no Electron binary on this machine (its release host is unreachable; see docs/testing.md)'
  : !binary
    ? 'no packaged app in dist/ (npm run dist:dir, dist:win or dist:mac first)'
    : undefined;
const title = suiteTitle('The packaged app (real Electron binary, fuses flipped)', skip);

/** Runs the packaged binary for a while; what it printed and how it ended. */
function runFor(ms: number, args: string[], env: Record<string, string> = {}) {
  return new Promise<{ output: string; code: number | null; exitedByItself: boolean }>(
    (resolve) => {
      const child = spawn(binary!, args, { env: { ...process.env, ...env } });
      let output = '';
      child.stdout.on('data', (d: Buffer) => (output += d.toString()));
      child.stderr.on('data', (d: Buffer) => (output += d.toString()));
      let exitedByItself = true;
      const timer = setTimeout(() => {
        exitedByItself = false;
        child.kill();
      }, ms);
      child.on('exit', (code) => {
        clearTimeout(timer);
        resolve({ output, code, exitedByItself });
      });
    },
  );
}

describe.skipIf(skip !== undefined)(title, () => {
  it('carries the fuses of electron-builder.config.mjs', async () => {
    const appPath =
      process.platform === 'darwin' ? binary!.replace(/\/Contents\/MacOS\/[^/]+$/, '') : binary!;
    const wire = await getCurrentFuseWire(appPath);
    const state = (fuse: FuseV1Options) => wire[fuse];
    expect({
      runAsNode: state(FuseV1Options.RunAsNode),
      cookieEncryption: state(FuseV1Options.EnableCookieEncryption),
      nodeOptions: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
      inspect: state(FuseV1Options.EnableNodeCliInspectArguments),
      asarIntegrity: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
      onlyAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
      fileProtocol: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
    }).toEqual({
      runAsNode: 48,
      cookieEncryption: 49,
      nodeOptions: 48,
      inspect: 48,
      asarIntegrity: 49,
      onlyAsar: 49,
      fileProtocol: 48,
    });
  });

  it('does not run as plain Node (ELECTRON_RUN_AS_NODE is ignored)', async () => {
    const run = await runFor(8000, ['-e', 'console.log("ran-as-node")', '--demo'], {
      ELECTRON_RUN_AS_NODE: '1',
    });
    expect(run.output).not.toContain('ran-as-node');
  }, 15_000);

  it('refuses to start with DevTools protocol or inspector switches', async () => {
    // Unattended, the refusal goes to standard error instead of a dialog nobody here can close.
    for (const flag of ['--remote-debugging-port=0', '--inspect=0']) {
      const run = await runFor(15_000, ['--demo', flag], { ALIPAY_COUNTER_UNATTENDED: '1' });
      expect(run.exitedByItself).toBe(true);
      expect(run.code).not.toBe(0);
      expect(run.output).toContain(`Refusing to start with ${flag}`);
      expect(run.output).not.toMatch(/DevTools listening|Debugger listening/);
    }
  }, 40_000);

  it('starts in demo mode and stays up (the asar passes its integrity check)', async () => {
    const run = await runFor(10_000, ['--demo']);
    expect(run.exitedByItself).toBe(false);
    expect(run.output).not.toMatch(/Integrity check failed|Cannot find module/);
    // The journal opened with better-sqlite3 from app.asar.unpacked, built for this Electron.
    expect(run.output).toContain('counter started');
  }, 20_000);
});
