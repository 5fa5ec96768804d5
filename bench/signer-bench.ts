import { createHmac } from 'node:crypto';
import { createRequire } from 'node:module';
import { sign, stringToSign } from '../src/main/gate/signer';
import { hmacSha512Base64 } from '../src/main/gate/signer/hmac-sha512';
import { SEED_SUCCESS_CALLBACK } from '../test/support/seed-examples';
import { median } from './stats';

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
    id: 'counter-T01',
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

/** Operations per second of `fn`, median of `rounds` time-boxed rounds. */
function throughput(fn: () => string, rounds = 7, roundMs = 300): number {
  let sink = 0;
  for (let i = 0; i < 2000; i++) sink += fn().length; // warm up the JIT
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let count = 0;
    const start = process.hrtime.bigint();
    const stop = start + BigInt(roundMs) * 1_000_000n;
    let now = start;
    while (now < stop) {
      for (let i = 0; i < 200; i++) sink += fn().length;
      count += 200;
      now = process.hrtime.bigint();
    }
    rates.push(count / (Number(now - start) / 1e9));
  }
  if (sink === 0) throw new Error('unreachable');
  return median(rates);
}

/** Signer throughput: ours, the ecommpay SDK's, and bare HMAC-SHA512 of the same string. */
export interface SignerFigures {
  readonly body: string;
  readonly ours: number;
  readonly sdk: number;
  readonly ratio: number;
  /** createHmac over the same string: what any signer built on it cannot beat. */
  readonly hmacFloor: number;
  /** Our one-shot HMAC over the same string: the floor of our signer. */
  readonly oneShotHmacFloor: number;
}

/** Measures both bodies; checks first that both signers agree on them. */
export function benchSigner(): SignerFigures[] {
  return [
    ['sale body', SALE_BODY],
    ['callback body', CALLBACK_BODY],
  ].map(([name, body]) => {
    if (sign(body, SECRET) !== sdk.signer(body, SECRET))
      throw new Error(`signers disagree on the ${String(name)}`);
    const text = stringToSign(body);
    const ours = throughput(() => sign(body, SECRET));
    const theirs = throughput(() => sdk.signer(body, SECRET));
    const hmacFloor = throughput(() => createHmac('sha512', SECRET).update(text).digest('base64'));
    const oneShotHmacFloor = throughput(() => hmacSha512Base64(text, SECRET));
    return {
      body: String(name),
      ours,
      sdk: theirs,
      ratio: ours / theirs,
      hmacFloor,
      oneShotHmacFloor,
    };
  });
}
