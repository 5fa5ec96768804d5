import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { prng } from '../../support/prng';
import {
  byteOrderStringFast,
  rememberedShapeCount,
} from '../../../src/protocol/signer/fast-byte-order';
import { sortedPathsString } from '../../../src/protocol/signer/sign';
import { hmacBase64, JsonNumber } from '../../../src/protocol/signer';

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

  it('remembered key orders never change an answer: 400 bodies of many shapes, signed three times in different orders', () => {
    const random = prng(11);
    // Roots of many shapes (more than the 64 remembered), objects under the same key changing
    // shape from one body to the next, and the same keys inserted in different orders.
    const plain = ['a', 'ab', 'b', '_', 'A', '1', '2', 'frame_mode', 'payment', 'general'];
    const bodies = Array.from({ length: 400 }, () => {
      const body: Record<string, unknown> = {};
      for (let i = 1 + Math.floor(random() * 5); i > 0; i--)
        body[plain[Math.floor(random() * plain.length)]!] = generate(random, 3);
      return body;
    });
    const reordered = bodies.map((body) => Object.fromEntries(Object.entries(body).reverse()));
    let fast = 0;
    for (const pass of [bodies, [...bodies].reverse(), reordered, bodies]) {
      for (const body of pass) {
        const quick = byteOrderStringFast(body);
        if (quick === undefined) continue;
        fast++;
        expect(quick).toBe(sortedPathsString(body, 'byte'));
      }
    }
    // Both outcomes must be exercised for the comparison to mean anything.
    expect(fast).toBeGreaterThan(500);
    expect(fast).toBeLessThan(1600);
  });

  it('hostile callbacks cannot make it remember without bound: 10,000 bodies, each object in a new place', () => {
    // Callbacks are flattened before their signature is checked. Each body puts an object of
    // new keys at another depth-4 position, behind nulls that used to leave old shapes in place.
    const at = (i: number, v: unknown) =>
      Array.from({ length: i + 1 }, (_, j) => (j === i ? v : null));
    let most = 0;
    for (let n = 0; n < 10_000; n++) {
      const inner: Record<string, unknown> = {};
      for (let k = 0; k < 20; k++) inner[`q${n}_${k}`] = k;
      // Outer positions change slowest, so no array ever gets shorter.
      const d = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
      const body = { a: at(d[0]!, at(d[1]!, at(d[2]!, at(d[3]!, inner)))), z: n };
      expect(byteOrderStringFast(body)).toBe(sortedPathsString(body, 'byte'));
      most = Math.max(most, rememberedShapeCount());
    }
    expect(most).toBeLessThanOrEqual(1024);
    // A plain value where an object was forgets what was below it.
    const before = rememberedShapeCount();
    byteOrderStringFast({ a: [{ x: { y: 1 } }], z: 0 });
    byteOrderStringFast({ a: [1], z: 0 });
    expect(rememberedShapeCount()).toBeLessThanOrEqual(before + 1);
    // Large shapes are never kept: an object of 1,000 keys, or a key of 100 KB.
    const wide = Object.fromEntries(Array.from({ length: 1000 }, (_, k) => [`w${k}`, k]));
    const held = rememberedShapeCount();
    byteOrderStringFast({ wide });
    byteOrderStringFast({ long: { ['x'.repeat(100_000)]: 1 } });
    expect(rememberedShapeCount()).toBeLessThanOrEqual(held + 2);
  });

  it('a body of a shape seen before, with other values, gives its own string', () => {
    const sale = (id: string, amount: number, extra?: object) => ({
      general: { project_id: 201, payment_id: id },
      payment: { amount, currency: 'CNY', ...extra },
      items: [{ name: 'tea', qty: 1 }, 'note'],
    });
    expect(byteOrderStringFast(sale('A-1', 100))).toBe(
      'general:payment_id:A-1;general:project_id:201;items:0:name:tea;items:0:qty:1;items:1:note;payment:amount:100;payment:currency:CNY',
    );
    expect(byteOrderStringFast(sale('B-2', 250))).toBe(
      'general:payment_id:B-2;general:project_id:201;items:0:name:tea;items:0:qty:1;items:1:note;payment:amount:250;payment:currency:CNY',
    );
    // Same root keys, a payment object of another shape: its keys are sorted afresh.
    expect(byteOrderStringFast(sale('C-3', 5, { description: 'x', a0: 1 }))).toBe(
      'general:payment_id:C-3;general:project_id:201;items:0:name:tea;items:0:qty:1;items:1:note;payment:a0:1;payment:amount:5;payment:currency:CNY;payment:description:x',
    );
    // A key that is a prefix of a sibling followed by a low character still goes general.
    expect(byteOrderStringFast({ a: { b: 1 }, 'a-b': 2 })).toBeUndefined();
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
