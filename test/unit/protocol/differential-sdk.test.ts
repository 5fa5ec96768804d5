import { describe, expect, it } from 'vitest';
import { prng } from '../../support/prng';
import { sign } from '../../../src/protocol/signer';
import { loadEcommpaySdk } from '../../support/ecommpay-sdk';

/**
 * Differential test against ecommpay's own JS SDK on shapes where every SDK agrees: no ":" in
 * keys, arrays under 10 elements, no key that is a prefix of a sibling followed by a digit. Keys are letters and "_" only, which rules out all three.
 */
const sdk = loadEcommpaySdk();

const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyz_';
const STRINGS = [
  '',
  'x',
  'Success',
  '之的',
  'Zürich',
  'a;b:c',
  '  spaced  ',
  '1000',
  'true',
  'emoji 😀',
  'line\nbreak',
  '"quoted"',
];

function generate(random: () => number, depth: number): unknown {
  const roll = random();
  if (depth > 0 && roll < 0.25) {
    const length = Math.floor(random() * 10); // < 10 elements
    return Array.from({ length }, () => generate(random, depth - 1));
  }
  if (depth > 0 && roll < 0.5) {
    const object: Record<string, unknown> = {};
    const count = Math.floor(random() * 6);
    for (let i = 0; i < count; i++) {
      const length = 1 + Math.floor(random() * 8);
      let key = '';
      for (let j = 0; j < length; j++) key += KEY_CHARS[Math.floor(random() * KEY_CHARS.length)];
      object[random() < 0.03 ? 'frame_mode' : key] = generate(random, depth - 1);
    }
    return object;
  }
  const scalar = random();
  if (scalar < 0.3) return STRINGS[Math.floor(random() * STRINGS.length)];
  if (scalar < 0.5) return Math.floor(random() * 1e12) - 5e11;
  if (scalar < 0.6) return Math.round(random() * 1e6) / 100;
  if (scalar < 0.75) return random() < 0.5;
  if (scalar < 0.85) return null;
  return Math.floor(random() * 100000);
}

describe('differential: our signer and the ecommpay npm package agree', () => {
  it('on 3,000 generated objects', () => {
    const random = prng(20261125);
    let compared = 0;
    for (let i = 0; i < 3000; i++) {
      const value = {
        general: { project_id: i, payment_id: `p-${i}` },
        data: generate(random, 4),
        more: generate(random, 3),
      };
      const secret = `secret-${i % 7}`;
      const ours = sign(value, secret);
      const theirs = sdk.signer(value, secret);
      if (ours !== theirs) throw new Error(`disagree on #${i}: ${JSON.stringify(value)}`);
      compared++;
    }
    expect(compared).toBe(3000);
  });

  it("and disagree exactly where the SDKs' sort orders differ (index 10, prefix keys)", () => {
    expect(sign({ a: Array.from({ length: 11 }, (_, i) => i) }, 's')).not.toBe(
      sdk.signer({ a: Array.from({ length: 11 }, (_, i) => i) }, 's'),
    );
    expect(sign({ a: { b: 1 }, a0: 2 }, 's')).not.toBe(sdk.signer({ a: { b: 1 }, a0: 2 }, 's'));
  });
});
