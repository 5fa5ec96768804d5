/**
 * A budget per source address and minute, for what a caller who proves nothing may cost: the
 * counter records so many unverified callbacks per address, the relay answers so many failed
 * token checks before 429. A fixed number of sources is remembered (the oldest forgotten
 * first), so the budget itself cannot grow without bound.
 */
export class SourceBudget {
  private readonly windows = new Map<string, { start: number; used: number; dropped: number }>();

  constructor(
    private readonly perMinute = 30,
    private readonly maxSources = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Spends one record for `source`; false when its minute's budget is used up. */
  take(source: string): boolean {
    const now = this.now();
    let window = this.windows.get(source);
    if (!window || now - window.start >= 60_000) {
      window = { start: now, used: 0, dropped: 0 };
      this.windows.delete(source);
      if (this.windows.size >= this.maxSources) {
        const oldest = this.windows.keys().next().value;
        if (oldest !== undefined) this.windows.delete(oldest);
      }
      this.windows.set(source, window);
    }
    if (window.used < this.perMinute) {
      window.used++;
      return true;
    }
    window.dropped++;
    return false;
  }

  /** How many were not recorded from `source` in its current minute. */
  dropped(source: string): number {
    return this.windows.get(source)?.dropped ?? 0;
  }
}
