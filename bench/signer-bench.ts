import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { sign, stringToSign } from '../src/protocol/signer';
import { SEED_SUCCESS_CALLBACK } from '../test/support/seed-examples';
import { median, percentile } from './stats';

const sdk = createRequire(import.meta.url)('ecommpay') as {
  signer(params: unknown, secret: string): string;
};

/** A sale body as the counter sends it (the seed's "sufficient data" example, filled in). */
export const SALE_BODY = {
  general: {
    project_id: 201,
    payment_id: 'T01-20261125-000123',
    merchant_callback_url: 'https://counter.example.com/callback',
  },
  customer: {
    id: 'walk-in-T01-20261125-000123',
    ip_address: '192.0.2.0',
    first_name: '之的',
    last_name: '张',
    phone: '13632264148',
    email: '2524243674@example.com',
    street: 'street',
    city: 'city',
    zip: '123045608',
    country: 'CH',
  },
  payment: {
    amount: 1000,
    currency: 'CNY',
    description: 'Alipay Counter sale T01-20261125-000123',
  },
  return_url: { return: 'http://example.com/return', success: 'http://example.com/success' },
};

/** The seed's success callback. */
export const CALLBACK_BODY = SEED_SUCCESS_CALLBACK;

const SECRET = 'bench-secret-key-0123456789';

/** Operations per second of `fn` over one time-boxed round. */
function oneRound(fn: () => string, roundMs: number): number {
  let sink = 0;
  let count = 0;
  const start = process.hrtime.bigint();
  const stop = start + BigInt(roundMs) * 1_000_000n;
  let now = start;
  while (now < stop) {
    for (let i = 0; i < 200; i++) sink += fn().length;
    count += 200;
    now = process.hrtime.bigint();
  }
  if (sink === 0) throw new Error('unreachable');
  return count / (Number(now - start) / 1e9);
}

/** Signer throughput: ours, the ecommpay SDK's, and bare HMAC-SHA512 of the same string. */
export interface SignerFigures {
  readonly body: string;
  /** Medians of the rounds (signatures per second). */
  readonly ours: number;
  readonly sdk: number;
  /** createHmac over the already-built string: what any signer built on it cannot beat. */
  readonly hmacFloor: number;
  /** Median of the per-round ratios ours / SDK, and their spread (min, max) over the rounds. */
  readonly ratio: number;
  readonly ratioMin: number;
  readonly ratioMax: number;
  /** Median per-round share of the floor our signer reaches (ours / floor). */
  readonly ofFloor: number;
  readonly rounds: number;
}

/**
 * Measures both bodies; checks first that both signers agree on them. Rounds are interleaved
 * (ours, SDK, floor, ours, ...), so that a shared machine's load falls on all three alike, and
 * the ratio is the median of the per-round ratios, with its spread.
 */
export function benchSigner(rounds = 15, roundMs = 200): SignerFigures[] {
  return [
    ['sale body', SALE_BODY],
    ['callback body', CALLBACK_BODY],
  ].map(([name, body]) => {
    if (sign(body, SECRET) !== sdk.signer(body, SECRET))
      throw new Error(`signers disagree on the ${String(name)}`);
    const text = stringToSign(body);
    const ourSign = () => sign(body, SECRET);
    const theirSign = () => sdk.signer(body, SECRET);
    const floor = () => createHmac('sha512', SECRET).update(text, 'utf8').digest('base64');
    for (const fn of [ourSign, theirSign, floor]) oneRound(fn, 100); // warm up the JIT
    const ours: number[] = [];
    const theirs: number[] = [];
    const floors: number[] = [];
    for (let r = 0; r < rounds; r++) {
      ours.push(oneRound(ourSign, roundMs));
      theirs.push(oneRound(theirSign, roundMs));
      floors.push(oneRound(floor, roundMs));
    }
    const ratios = ours.map((rate, i) => rate / theirs[i]!);
    return {
      body: String(name),
      ours: median(ours),
      sdk: median(theirs),
      hmacFloor: median(floors),
      ratio: median(ratios),
      ratioMin: percentile(ratios, 0),
      ratioMax: percentile(ratios, 100),
      ofFloor: median(ours.map((rate, i) => rate / floors[i]!)),
      rounds,
    };
  });
}
