/** Resolves when the process is asked to stop (Ctrl-C, or SIGTERM from a service manager). */
export function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}
