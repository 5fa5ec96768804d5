import type { Logger } from './logger';

/**
 * Lets a promise run on without waiting for it, with its failure logged. In main a rejection
 * nobody handles is fatal (the crash policy relaunches the app), and `void promise` does not
 * handle one: work started and left to finish goes through here instead.
 */
export function inBackground(work: Promise<unknown>, log: Logger, what: string): void {
  work.catch((error: unknown) =>
    log.error(`${what} failed`, {
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    }),
  );
}
