import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** What a run that did not end by quitting left behind. */
export interface UncleanEnd {
  readonly startedAt: number;
  readonly pid: number;
}

/**
 * A file that exists while the app runs and is removed when it quits or relaunches itself.
 * Found at start, it means the previous run ended otherwise: a native crash of main (no
 * JavaScript runs after one, so nothing could relaunch or log it then), a kill, a power cut.
 */
export class RunMarker {
  private began = false;

  constructor(
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** Marks this run; returns the previous run's marker when that run did not end cleanly. */
  begin(): UncleanEnd | undefined {
    let previous: UncleanEnd | undefined;
    try {
      const value = JSON.parse(readFileSync(this.file, 'utf8')) as Partial<UncleanEnd>;
      if (typeof value.startedAt === 'number' && typeof value.pid === 'number')
        previous = { startedAt: value.startedAt, pid: value.pid };
    } catch {
      // No marker (the usual case), or one cut short by a power loss: nothing to report.
    }
    this.began = true;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      writeFileSync(this.file, JSON.stringify({ startedAt: this.now(), pid: process.pid }));
    } catch {
      // Only a diagnostic: failing to write it must not stop the counter.
    }
    return previous;
  }

  /** This run ends on purpose (quit, update, relaunch by the crash policy). */
  end(): void {
    // A second instance that was turned away never began: the running one's marker stays.
    if (this.began) rmSync(this.file, { force: true });
  }
}
