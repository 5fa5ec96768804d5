import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prng } from '../../support/prng';
import { byteOrderStringFast } from '../../../src/main/gate/signer/fast-byte-order';
import { sortedPathsString } from '../../../src/main/gate/signer/sign';
import { hmacBase64, JsonNumber } from '../../../src/main/gate/signer';

// Keys chosen to hit every case where per-object order and full-path order can differ.
const KEYS = [
  '',
  'a',
  'a0',
  'a-b',
  'a.b',
  'a/b',
  'a b',
  'ab',
  'b',
  'b:c',
  '1',
  '10',
  '2',
  '😀',
  '～',
  'é',
  'frame_mode',
  '_',
  'A',
];

function generate(random: () => number, depth: number): unknown {
  const roll = random();
  if (depth > 0 && roll < 0.2)
    return Array.from({ length: Math.floor(random() * 14) }, () => generate(random, depth - 1));
  if (depth > 0 && roll < 0.5) {
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(random() * 6); i > 0; i--)
      o[KEYS[Math.floor(random() * KEYS.length)]!] = generate(random, depth - 1);
    return o;
  }
  const pick = random();
  if (pick < 0.2) return null;
  if (pick < 0.4) return random() < 0.5;
  if (pick < 0.5) return new JsonNumber('10.0');
  if (pick < 0.7) return Math.floor(random() * 1000);
  return ['x', '', '之', '😀', 'a:b;c'][Math.floor(random() * 5)];
}

describe('fast signing paths give exactly what the general algorithm gives', () => {
  it('per-object key sorting equals full-path byte order whenever it answers (5,000 tricky objects)', () => {
    const random = prng(7);
    let fast = 0;
    for (let i = 0; i < 5000; i++) {
      const value = { root: generate(random, 4), other: generate(random, 2) };
      const quick = byteOrderStringFast(value);
      if (quick !== undefined) {
        fast++;
        expect(quick).toBe(sortedPathsString(value, 'byte'));
      }
    }
    // Both outcomes must be exercised for the comparison to mean anything.
    expect(fast).toBeGreaterThan(500);
    expect(fast).toBeLessThan(5000);
  });

  it('an empty key under the root is left to the general algorithm, which signs it as the SDKs do', () => {
    expect(byteOrderStringFast({ '': { a: 1 } })).toBeUndefined();
    expect(sortedPathsString({ '': { a: 1 }, b: 2 }, 'byte')).toBe('a:1;b:2');
  });

  it('signatures are HMAC-SHA512 in UTF-8 for short, long, empty and unicode keys and messages', () => {
    const secrets = [
      '',
      'k',
      'secret',
      '密钥-🔑',
      'x'.repeat(128),
      'y'.repeat(129),
      'z'.repeat(500),
    ];
    const messages = [
      '',
      'a',
      'payment:id:1',
      '之的;张',
      '😀'.repeat(10),
      'm'.repeat(5000),
      '中'.repeat(3000),
    ];
    for (const secret of secrets) {
      for (const message of messages) {
        expect(hmacBase64(message, secret)).toBe(
          createHmac('sha512', secret).update(message, 'utf8').digest('base64'),
        );
      }
    }
  });
});
