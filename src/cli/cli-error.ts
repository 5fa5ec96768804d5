/** Exit codes of the command line, documented in src/cli/README.md. */
export const EXIT = {
  ok: 0,
  /** Bad usage, bad input, or an error talking to Gate. */
  failure: 1,
  /** The payment or refund was declined. */
  declined: 2,
  /** Waited to the end and the outcome is still unknown: check with `status` later. */
  unknown: 3,
} as const;

/** A failure the user can act on: printed as one line on stderr, exit code as given. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.failure,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
