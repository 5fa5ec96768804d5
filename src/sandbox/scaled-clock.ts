/**
 * Timers of the sandbox, with a time scale for tests: every nominal duration is multiplied by
 * `timeScale` (0.001 turns ecommpay's 10 s retry pause into 10 ms). All timers are tracked so
 * that closing the sandbox stops every one of them.
 */
export interface ScaledClock {
  readonly timeScale: number;
  /** Runs `fn` after `seconds` of nominal time. Returns a cancel function. */
  after(seconds: number, fn: () => void): () => void;
  /** Real milliseconds that `seconds` of nominal time take. */
  toRealMs(seconds: number): number;
  /** Cancels every pending timer, and any asked for later (the sandbox is closing). */
  stopAll(): void;
  /** Number of pending timers (for tests and leak checks). */
  pending(): number;
}

/** Creates a clock running at `timeScale` (1 = real time). */
export function createScaledClock(timeScale: number): ScaledClock {
  if (!(timeScale > 0) || !Number.isFinite(timeScale))
    throw new Error(`time scale must be a positive number, got ${timeScale}`);
  const timers = new Set<NodeJS.Timeout>();
  // A delivery under way when the sandbox closes must not schedule its next attempt.
  let stopped = false;
  const toRealMs = (seconds: number) => Math.max(0, seconds * 1000 * timeScale);
  return {
    timeScale,
    toRealMs,
    after(seconds, fn) {
      if (stopped) return () => {};
      const timer = setTimeout(() => {
        timers.delete(timer);
        fn();
      }, toRealMs(seconds));
      timers.add(timer);
      return () => {
        clearTimeout(timer);
        timers.delete(timer);
      };
    },
    stopAll() {
      stopped = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
    pending: () => timers.size,
  };
}
