import type { Said } from '../../shared/i18n/said';

/** A problem that keeps the counter from working normally, shown as a banner to the cashier. */
export interface Banner {
  readonly key: string;
  /** What is wrong and what happens meanwhile, worded by the cashier's window. */
  readonly message: Said;
  readonly since: number;
}

/**
 * What is wrong right now (the keychain is locked, Gate's answers fail the signature check ...),
 * one banner per kind of trouble. Setting the same message again keeps its time; clearing an
 * absent one changes nothing; every real change is reported once.
 */
export class CounterHealth {
  private readonly banners = new Map<string, Banner>();

  constructor(
    private readonly onChange: () => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Raises (or rewords) a banner. */
  set(key: string, message: Said): void {
    const current = this.banners.get(key);
    if (current && JSON.stringify(current.message) === JSON.stringify(message)) return;
    this.banners.set(key, { key, message, since: current?.since ?? this.now() });
    this.onChange();
  }

  /** Takes a banner down. */
  clear(key: string): void {
    if (this.banners.delete(key)) this.onChange();
  }

  /** The banners, oldest first. */
  list(): Banner[] {
    return [...this.banners.values()].sort((a, b) => a.since - b.since);
  }
}
