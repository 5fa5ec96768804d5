import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Journal } from '../../src/main/journal/journal';
import { LineChild } from '../support/child-lines';
import { tempDataDir } from '../support/counter-harness';

const CHILD = fileURLToPath(new URL('../support/handover-crash-child.ts', import.meta.url));

/** Restarts the counter on `dataDir` and reads who is signed in, as the restarted counter does. */
async function afterRestart(dataDir: string) {
  const second = new LineChild(CHILD, { DATA_DIR: dataDir, ACTION: 'recover' });
  try {
    const [, open] = await second.line(/^OPEN (\d+)$/, 30_000);
    await second.line(/^READY$/, 30_000);
    const journal = new Journal(join(dataDir, 'journal.sqlite'));
    try {
      const shifts = journal.people.shifts.open();
      const names = shifts.map((s) => journal.people.staff.get(s.staffId)?.name);
      return { openAtStart: Number(open), names };
    } finally {
      journal.close();
    }
  } finally {
    await second.kill();
  }
}

describe('crash test: SIGKILL in the middle of a handover, restart, exactly one open shift', () => {
  it('killed inside the handover: Ana still holds the counter', { timeout: 60_000 }, async () => {
    const dataDir = tempDataDir();
    const first = new LineChild(CHILD, { DATA_DIR: dataDir, ACTION: 'handover', FREEZE: 'inside' });
    try {
      await first.line(/^FROZEN$/, 30_000);
    } finally {
      await first.kill();
    }
    expect(await afterRestart(dataDir)).toEqual({ openAtStart: 1, names: ['Ana'] });
  });

  it(
    'killed while handing over again and again: one open shift, Ana’s or Ben’s',
    { timeout: 60_000 },
    async () => {
      const dataDir = tempDataDir();
      const first = new LineChild(CHILD, { DATA_DIR: dataDir, ACTION: 'handover' });
      try {
        // Some handovers done, the next under way when the process dies.
        await first.line(/^HANDED 5$/, 30_000);
      } finally {
        await first.kill();
      }
      const after = await afterRestart(dataDir);
      expect(after.openAtStart).toBe(1);
      expect(after.names).toHaveLength(1);
      expect(['Ana', 'Ben']).toContain(after.names[0]);
    },
  );
});
