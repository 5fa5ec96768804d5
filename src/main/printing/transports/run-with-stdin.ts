import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { isAbsolute, win32 } from 'node:path';
import { settleOnce } from '../../../shared/settle-once';

/** How a helper program ended. */
export type ProgramResult =
  | {
      readonly kind: 'exited';
      readonly code: number;
      readonly stdout: string;
      readonly stderr: string;
    }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'timed-out' }
  | { readonly kind: 'failed-to-start'; readonly message: string };

/**
 * Runs a program with `input` on its standard input, bounded in time (killed after `timeoutMs`).
 * No shell: arguments go to the program as they are, so a printer name cannot run commands.
 * `program` is an absolute path (never looked up on the search path), checked to be a file
 * first: 'not-found' when it is not there.
 */
export function runWithStdin(
  program: string,
  args: readonly string[],
  input: Buffer,
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv },
): Promise<ProgramResult> {
  if (!isAbsolute(program) && !win32.isAbsolute(program))
    throw new Error(`runWithStdin: ${program} is not an absolute path`);
  if (statSync(program, { throwIfNoEntry: false })?.isFile() !== true)
    return Promise.resolve({ kind: 'not-found' });
  return new Promise((resolve) => {
    const child = spawn(program, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: options.env ?? process.env,
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    const settle = settleOnce<ProgramResult>(resolve, () => clearTimeout(timer));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle({ kind: 'timed-out' });
    }, options.timeoutMs);
    child.stdout
      .setEncoding('utf8')
      .on('data', (d: string) => (stdout = (stdout + d).slice(-4000)));
    child.stderr
      .setEncoding('utf8')
      .on('data', (d: string) => (stderr = (stderr + d).slice(-4000)));
    child.on('error', (error: NodeJS.ErrnoException) =>
      settle(
        error.code === 'ENOENT'
          ? { kind: 'not-found' }
          : { kind: 'failed-to-start', message: error.message },
      ),
    );
    child.on('close', (code) => settle({ kind: 'exited', code: code ?? -1, stdout, stderr }));
    // A program that exits without reading its input makes the pipe fail: its exit code tells why.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** The last non-empty line a program wrote, for a one-line reason. */
export function lastLine(text: string): string {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.at(-1) ?? '';
}
