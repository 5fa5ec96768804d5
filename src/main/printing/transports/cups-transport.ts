import { said } from '../../../shared/i18n/said';
import { LP_PROGRAM } from './helper-programs';
import type { PrintPayload, PrintTransport, SendOutcome } from './print-transport';
import { sendThroughProgram } from './program-transport';
import { lastLine } from './run-with-stdin';

/** How long CUPS may take to accept a job (it queues; printing happens after). */
const LP_TIMEOUT_MS = 15_000;

/**
 * The `lp` command line for a raw job: `-o raw` makes CUPS pass the ESC/POS bytes to the
 * printer untouched (no filter turns them into a page), `-t` names the job in the queue.
 */
export function lpArguments(queue: string, title: string): string[] {
  return ['-d', queue, '-o', 'raw', '-t', title];
}

/** Which lp to run (/usr/bin/lp unless told otherwise: tests give a stand-in's path). */
export interface LpOptions {
  /** The absolute path of lp. */
  readonly program?: string;
  readonly timeoutMs?: number;
}

/** Sends the bytes through CUPS' `lp` (macOS, Linux). Taken = CUPS queued the job. */
export async function sendWithLp(
  queue: string,
  payload: PrintPayload,
  options: LpOptions = {},
): Promise<SendOutcome> {
  const program = options.program ?? LP_PROGRAM;
  const timeoutMs = options.timeoutMs ?? LP_TIMEOUT_MS;
  return sendThroughProgram(
    program,
    lpArguments(queue, payload.title),
    payload.bytes,
    { timeoutMs },
    {
      refused: (exit) =>
        said('printing.failure.cupsRefused', {
          queue,
          detail: lastLine(exit.stderr) || lastLine(exit.stdout) || `lp exited with ${exit.code}`,
        }),
      missing: said('printing.failure.lpMissing', { program }),
      timedOut: said('printing.failure.cupsTimeout', { queue, seconds: LP_TIMEOUT_MS / 1000 }),
      startFailed: (detail) => said('printing.failure.lpStart', { detail }),
    },
  );
}

/** A CUPS queue of an ESC/POS printer (USB or network), printed raw. */
export function cupsTransport(queue: string, options: LpOptions = {}): PrintTransport {
  return {
    description: said('printing.printer.cups', { queue }),
    send: (payload) => sendWithLp(queue, payload, options),
  };
}
