import type { Said } from '../../../shared/i18n/said';
import { failed, sent, type SendOutcome } from './print-transport';
import { runWithStdin, type ProgramResult } from './run-with-stdin';

/** What each way a helper program fails means for the cashier, in the words of its printer. */
export interface ProgramFailures {
  /** It ran and refused the job (a non-zero exit). */
  refused(exit: Extract<ProgramResult, { kind: 'exited' }>): Said;
  /** It is not installed where the counter looks for it. */
  readonly missing: Said;
  /** It did not finish in time (and was killed). */
  readonly timedOut: Said;
  /** The system would not start it. */
  startFailed(detail: string): Said;
}

/**
 * Hands a slip to a helper program (CUPS' lp, PowerShell for the Windows spooler) on its
 * standard input: taken when the program exits 0, else the failure its printer kind words.
 */
export async function sendThroughProgram(
  program: string,
  args: readonly string[],
  input: Buffer,
  options: { timeoutMs: number; env?: NodeJS.ProcessEnv },
  failures: ProgramFailures,
): Promise<SendOutcome> {
  const result = await runWithStdin(program, args, input, options);
  switch (result.kind) {
    case 'exited':
      return result.code === 0 ? sent : failed(failures.refused(result));
    case 'not-found':
      return failed(failures.missing);
    case 'timed-out':
      return failed(failures.timedOut);
    case 'failed-to-start':
      return failed(failures.startFailed(result.message));
  }
}
