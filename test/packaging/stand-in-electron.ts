import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The marker Electron puts right before its fuse wire (from @electron/fuses). */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/**
 * Electron's own fuse defaults, in wire order (RunAsNode, EnableCookieEncryption,
 * EnableNodeOptionsEnvironmentVariable, EnableNodeCliInspectArguments,
 * EnableEmbeddedAsarIntegrityValidation, OnlyLoadAppFromAsar,
 * LoadBrowserProcessSpecificV8Snapshot, GrantFileProtocolExtraPrivileges): a packaged app
 * whose fuses read differently was flipped by the build.
 */
export const ELECTRON_DEFAULT_WIRE = '10110001';

/**
 * A folder electron-builder accepts as `electronDist` for linux-x64: an `electron` executable
 * that is not Electron, but carries Electron's fuse sentinel and wire (version 1, length, one
 * ASCII 0/1 per fuse) where @electron/fuses looks for them, so the build's own fuse step runs
 * for real. It cannot start the app: that is proven only where the real binary exists.
 */
export function makeStandInElectron(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const binary = join(dir, 'electron');
  writeFileSync(
    binary,
    Buffer.concat([
      Buffer.from('#!/bin/sh\necho "stand-in Electron: it cannot run the app" >&2\nexit 1\n'),
      Buffer.alloc(256),
      Buffer.from(FUSE_SENTINEL, 'ascii'),
      Buffer.from([1, ELECTRON_DEFAULT_WIRE.length]),
      Buffer.from(ELECTRON_DEFAULT_WIRE, 'ascii'),
      Buffer.alloc(256),
    ]),
  );
  chmodSync(binary, 0o755);
  return dir;
}
