import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Where Crashpad writes minidumps: in the data folder, beside the logs. */
export function crashDumpFolder(dataDir: string): string {
  return join(dataDir, 'crash-dumps');
}

/** The parts of Electron's app and crashReporter that start local crash dumps. */
export interface CrashReporting {
  setCrashDumpsPath(folder: string): void;
  start(options: { uploadToServer: boolean; productName: string; compress: boolean }): void;
}

/**
 * Starts Crashpad before the app is ready (required), with its dumps kept on this PC: a dump
 * holds memory of the process, payment data included, and is never sent anywhere by the app.
 * Support asks for it with the log file.
 */
export function startCrashDumps(reporting: CrashReporting, folder: string): void {
  reporting.setCrashDumpsPath(folder);
  reporting.start({ uploadToServer: false, productName: 'Alipay Counter', compress: true });
}

/** The newest minidump in the folder written after `since` (ms), if any. */
export function newestDumpSince(folder: string, since: number): string | undefined {
  let newest: { path: string; at: number } | undefined;
  const visit = (dir: string, depth: number) => {
    if (depth > 3 || !existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path, depth + 1);
      else if (entry.name.endsWith('.dmp')) {
        const at = statSync(path).mtimeMs;
        if (at >= since && (!newest || at > newest.at)) newest = { path, at };
      }
    }
  };
  visit(folder, 0);
  return newest?.path;
}
