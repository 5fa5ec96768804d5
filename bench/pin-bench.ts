import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal } from '../src/main/journal/journal';
import { ManagerPin } from '../src/main/manager/manager-pin';
import { PIN_SCRYPT } from '../src/main/manager/pin-hash';
import {
  pinScrypt,
  PIN_SALT_BYTES,
  viaOpenssl,
  type ScryptEngine,
} from '../src/main/manager/pin-scrypt';
import { CounterKeys } from '../src/main/secrets/counter-keys';
import { createMemorySecretStore } from '../src/main/secrets/secret-store';
import { median, percentile } from './stats';

/** How long a manager PIN check takes at the production cost. */
export interface PinFigures {
  readonly N: number;
  readonly checks: number;
  /** The scrypt the checks ran on. */
  readonly engine: ScryptEngine;
  readonly p50Ms: number;
  readonly maxMs: number;
  /** Bare scrypt at the same cost, OpenSSL (node:crypto) against the engine, interleaved. */
  readonly opensslP50Ms: number;
  readonly engineP50Ms: number;
  /** Median of the per-round ratios OpenSSL time / engine time. */
  readonly speedup: number;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/**
 * Times `checks` right-PIN checks of a real ManagerPin at N = 2^17 (keys in memory), then bare
 * scrypt on OpenSSL and on the engine in use, in alternating rounds.
 */
export async function benchPin(checks = 9): Promise<PinFigures> {
  const journal = new Journal(join(mkdtempSync(join(tmpdir(), 'pin-bench-')), 'journal.sqlite'));
  const keys = new CounterKeys(createMemorySecretStore());
  await keys.load();
  const pin = new ManagerPin(journal, keys);
  await pin.set('482193', undefined, 'bench');
  const times: number[] = [];
  for (let i = 0; i < checks; i++) {
    const start = performance.now();
    const answer = await pin.check('482193', 'bench');
    times.push(performance.now() - start);
    if (!answer.ok) throw new Error('the right PIN was refused');
  }
  journal.close();

  const password = randomBytes(32);
  const salt = randomBytes(PIN_SALT_BYTES);
  const openssl: number[] = [];
  const engine: number[] = [];
  for (let i = 0; i < checks; i++) {
    openssl.push(await timed(() => viaOpenssl(password, salt, PIN_SCRYPT, 32)));
    engine.push(await timed(() => pinScrypt.derive(password, salt, PIN_SCRYPT, 32)));
  }
  return {
    N: PIN_SCRYPT.N,
    checks,
    engine: await pinScrypt.engine(),
    p50Ms: median(times),
    maxMs: percentile(times, 100),
    opensslP50Ms: median(openssl),
    engineP50Ms: median(engine),
    speedup: median(openssl.map((t, i) => t / engine[i]!)),
  };
}
