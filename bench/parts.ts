/** What the results hold for a part that could not be measured. */
export interface NotMeasured {
  readonly notMeasured: string;
}

/** One line on why something failed: the message, its code, and what caused it. */
export function why(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  // A connection refused on every address of a name comes as an AggregateError with no message.
  const inner = error instanceof AggregateError ? error.errors.map(why).join('; ') : '';
  let text = error.message || inner || error.name;
  if (code && !text.includes(code)) text += ` (${code})`;
  if (error.cause !== undefined) text += `: ${why(error.cause)}`;
  return text.replace(/\s*\n\s*/g, ' ');
}

/**
 * Rejects with `message` if `promise` has not settled within `ms`. The timer keeps
 * the process alive meanwhile: a wait on nothing ends in this rejection, not in a silent exit.
 */
export function within<T>(
  promise: Promise<T>,
  ms: number,
  message: string | (() => string),
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(typeof message === 'string' ? message : message())),
      ms,
    );
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Runs the benchmark's parts one after another, each through `part`: a part that throws, rejects,
 * lets an error escape (an 'error' event nobody listens to, a promise nobody awaits) or does not
 * finish within the time limit prints `<part>: not measured: <why>`, is marked so in the
 * results, and the next part runs.
 */
export class PartRunner {
  private current: ((error: unknown) => void) | undefined;
  /** Parts that did not finish within the limit: their work may still be running. */
  readonly abandoned: string[] = [];
  readonly failed: string[] = [];

  constructor(
    readonly results: Record<string, unknown>,
    private readonly limitMs: number,
    private readonly log: (line: string) => void = console.log,
    /** The parts to run (`BENCH_PARTS=relayIngest,relayDrain`); all of them when empty. */
    private readonly only: readonly string[] = [],
  ) {
    const escaped = (error: unknown) => {
      if (this.current) this.current(new Error('an error escaped it', { cause: error }));
      else this.log(`  (an error escaped after its part had ended: ${why(error)})`);
    };
    process.on('uncaughtException', escaped);
    process.on('unhandledRejection', escaped);
  }

  /** Measures one part and prints its figures, or why it was not measured. */
  async part<T>(
    name: string,
    measure: () => T | Promise<T>,
    print: (figures: T) => void,
  ): Promise<T | undefined> {
    if (this.only.length > 0 && !this.only.includes(name)) {
      this.log(`  ${name}: not run (BENCH_PARTS names ${this.only.join(', ')})`);
      return undefined;
    }
    let figures: T;
    let timer: NodeJS.Timeout | undefined;
    try {
      const escaped = new Promise<never>((_, reject) => (this.current = reject));
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          this.abandoned.push(name);
          reject(new Error(`it did not finish within ${Math.round(this.limitMs / 1000)} s`));
        }, this.limitMs);
      });
      const measured = Promise.resolve().then(measure);
      // Once abandoned, its failures have no one left to tell.
      measured.catch(() => {});
      figures = await Promise.race([measured, escaped, limit]);
    } catch (error) {
      const reason = why(error);
      this.failed.push(name);
      this.results[name] = { notMeasured: reason } satisfies NotMeasured;
      this.log(`  ${name}: not measured: ${reason}`);
      return undefined;
    } finally {
      clearTimeout(timer);
      this.current = undefined;
    }
    this.results[name] = figures;
    try {
      print(figures);
    } catch (error) {
      this.log(`  ${name}: measured (in the results file) but not printed: ${why(error)}`);
    }
    return figures;
  }
}
