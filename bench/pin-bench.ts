import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal } from '../src/main/journal/journal';
import { ManagerPin } from '../src/main/manager/manager-pin';
import { PIN_SCRYPT } from '../src/main/manager/pin-hash';
import { CounterKeys } from '../src/main/secrets/counter-keys';
import { createMemorySecretStore } from '../src/main/secrets/secret-store';
import { median, percentile } from './stats';

/** How long a manager PIN check takes at the production cost, on node:crypto's scrypt. */
export interface PinFigures {
  readonly N: number;
  readonly checks: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/**
 * Times `checks` right-PIN checks of a real ManagerPin at N = 2^17 (keys in memory): what a
 * manager waits for before a refund, a setting or a day close. One warm-up check first.
 */
export async function benchPin(checks = 20): Promise<PinFigures> {
  const journal = new Journal(join(mkdtempSync(join(tmpdir(), 'pin-bench-')), 'journal.sqlite'));
  const keys = new CounterKeys(createMemorySecretStore());
  await keys.load();
  const pin = new ManagerPin(journal, keys);
  await pin.set('482193', undefined, 'bench');
  await pin.check('482193', 'bench');
  const times: number[] = [];
  for (let i = 0; i < checks; i++) {
    const start = performance.now();
    const answer = await pin.check('482193', 'bench');
    times.push(performance.now() - start);
    if (!answer.ok) throw new Error('the right PIN was refused');
  }
  journal.close();
  return {
    N: PIN_SCRYPT.N,
    checks,
    p50Ms: median(times),
    p99Ms: percentile(times, 99),
    maxMs: percentile(times, 100),
  };
}
