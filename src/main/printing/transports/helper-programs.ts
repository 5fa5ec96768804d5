import { win32 } from 'node:path';

/**
 * Where the printing helpers live, by absolute path only. A bare name would be looked up on the
 * search path, and Windows looks in the current folder (and the app's) before it: a
 * `powershell.exe` or `lp` dropped there would receive every slip and run as the counter.
 */

/** CUPS' lp, where macOS and the Linux distributions install it. */
export const LP_PROGRAM = '/usr/bin/lp';

/**
 * Windows PowerShell 5.1, in the Windows folder (%SystemRoot%, C:\Windows unless Windows was
 * installed elsewhere). A SystemRoot that is not an absolute path is ignored.
 */
export function powershellProgram(env: NodeJS.ProcessEnv = process.env): string {
  const root = env['SystemRoot'] ?? env['SYSTEMROOT'];
  const windows = root && /^[A-Za-z]:\\/.test(root) ? root : 'C:\\Windows';
  return win32.join(windows, 'System32', 'WindowsPowerShell', 'v1.0', 'powershell.exe');
}
