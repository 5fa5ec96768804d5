import { describe, expect, it } from 'vitest';
import {
  JsonNumber,
  parseJsonLossless,
  sign,
  stringToSign,
  verify,
} from '../../../src/protocol/signer';
import { hmacBase64 } from '../../../src/protocol/signer/sign';
import { compareCodePoints, compareNatural } from '../../../src/protocol/signer/path-order';

describe('flattening', () => {
  it('matches the JS SDK converter test', () => {
    const value = {
      0: null,
      a: { b: 1, c: 2 },
      d: false,
      f: ['g', { h: 7, i: { k: 8 } }],
      e: [4, 5],
      l: { m: [{ n: 9 }] },
    };
    expect(stringToSign(value)).toBe(
      '0:;a:b:1;a:c:2;d:0;e:0:4;e:1:5;f:0:g;f:1:h:7;f:1:i:k:8;l:m:0:n:9',
    );
  });

  it('matches the Go SDK test, big integer included', () => {
    const value = {
      a: { b: 1111111111111111, c: 2 },
      d: false,
      f: ['g', { h: 7, i: { k: 8 } }],
      e: [4, 5],
      j: null,
    };
    expect(stringToSign(value)).toBe(
      'a:b:1111111111111111;a:c:2;d:0;e:0:4;e:1:5;f:0:g;f:1:h:7;f:1:i:k:8;j:',
    );
  });

  it('drops empty arrays and objects, keeps empty strings, escapes ":" in keys', () => {
    expect(stringToSign({ a: [], b: {}, c: '', d: false, 'e:f': 1 })).toBe('c:;d:0;e::f:1');
    expect(stringToSign({ x: { 'a:b': { 'c::d': 'v' } } })).toBe('x:a::b:c::::d:v');
  });

  it('drops frame_mode at any depth but not other keys that contain it', () => {
    expect(
      stringToSign({
        frame_mode: 'popup',
        a: { frame_mode: 'iframe', b: 1 },
        c: [{ frame_mode: 1, d: 2 }],
        frame_mode_x: 3,
      }),
    ).toBe('a:b:1;c:0:d:2;frame_mode_x:3');
  });

  it('writes booleans as 1/0 and null as empty, at any depth and inside arrays', () => {
    expect(stringToSign({ t: true, f: false, n: null, arr: [true, false, null, [[true]]] })).toBe(
      'arr:0:1;arr:1:0;arr:2:;arr:3:0:0:1;f:0;n:;t:1',
    );
  });

  it('keeps unicode as is and hashes it as UTF-8', () => {
    const value = { customer: { first_name: '之的', last_name: '张', city: 'Zürich' } };
    expect(stringToSign(value)).toBe(
      'customer:city:Zürich;customer:first_name:之的;customer:last_name:张',
    );
    expect(sign(value, '密钥')).toBe(
      hmacBase64('customer:city:Zürich;customer:first_name:之的;customer:last_name:张', '密钥'),
    );
  });

  it('sorts paths by UTF-8 bytes, not UTF-16 units (emoji after U+FFxx)', () => {
    // U+FF5E (3 bytes, EF BD 9E) sorts before U+1F600 (4 bytes, F0 9F 98 80) in UTF-8;
    // in UTF-16 the emoji's surrogate D83D would sort first.
    expect(stringToSign({ '😀': 1, '～': 2 })).toBe('～:2;😀:1');
    expect(compareCodePoints('😀', '～')).toBeGreaterThan(0);
  });

  it('sorts full paths, so "a0" comes before "a:b" and index 10 before 2', () => {
    expect(stringToSign({ a: { b: 1 }, a0: 2 })).toBe('a0:2;a:b:1');
    expect(stringToSign({ list: Array.from({ length: 12 }, (_, i) => i) })).toMatch(
      /^list:0:0;list:1:1;list:10:10;list:11:11;list:2:2/,
    );
  });

  it('renders numbers like their JSON text: bigint, JsonNumber, floats', () => {
    expect(stringToSign({ id: 20891000000045123456n })).toBe('id:20891000000045123456');
    expect(
      stringToSign({ id: new JsonNumber('20891000000045123456'), tax: new JsonNumber('10.0') }),
    ).toBe('id:20891000000045123456;tax:10.0');
    expect(stringToSign({ rate: 0.1, neg: -5, zero: -0 })).toBe('neg:-5;rate:0.1;zero:0');
    expect(() => stringToSign({ bad: Number.NaN })).toThrow(/non-finite/);
    expect(() => stringToSign({ bad: () => 1 })).toThrow(/Cannot sign/);
  });

  it('skips undefined like JSON does', () => {
    expect(stringToSign({ a: undefined, b: 1 })).toBe('b:1');
  });
});

describe('natural order (PHP strnatcmp)', () => {
  it.each([
    ['a:2', 'a:10', -1],
    ['a:10', 'a:9', 1],
    ['img12', 'img10', 1],
    ['x01', 'x1', -1], // a run starting with 0 compares digit by digit
    ['007', '7', 0], // leading zeros at the start are skipped
    ['a b', 'ab', 0], // whitespace is skipped
    ['a', 'a0', -1],
    ['abc', 'abd', -1],
    ['', 'a', -1],
  ])('%j vs %j → %i', (a, b, sign) => {
    expect(Math.sign(compareNatural(a, b))).toBe(sign);
  });
});

describe('verification', () => {
  const secret = 'verify-secret';
  const callback = {
    project_id: 201,
    payment: { id: 'p1', status: 'success', sum: { amount: 1000, currency: 'CNY' } },
    operation: { id: 20891000000045, code: '0' },
  };

  it('accepts the root signature and reports the order used', () => {
    expect(verify({ ...callback, signature: sign(callback, secret) }, secret)).toEqual({
      valid: true,
      order: 'byte',
    });
  });

  it('accepts general.signature, keeping the rest of general signed', () => {
    const body = { general: { project_id: 1, payment_id: 'x' }, payment: { amount: 5 } };
    const signed = { ...body, general: { ...body.general, signature: sign(body, secret) } };
    expect(verify(signed, secret)).toMatchObject({ valid: true });
    const moved = { ...signed, general: { ...signed.general, payment_id: 'y' } };
    expect(verify(moved, secret)).toMatchObject({ valid: false, problem: 'mismatch' });
  });

  it('accepts natural and per-level orders where they differ from byte order', () => {
    const body = { list: Array.from({ length: 11 }, (_, i) => i), a: { b: 1 }, a0: 2 };
    for (const order of ['natural', 'per-level'] as const) {
      expect(verify({ ...body, signature: sign(body, secret, order) }, secret)).toEqual({
        valid: true,
        order,
      });
    }
  });

  it('refuses missing, empty, non-string and wrong signatures, and non-objects', () => {
    expect(verify(callback, secret)).toMatchObject({ valid: false, problem: 'missing' });
    expect(verify({ ...callback, signature: '' }, secret)).toMatchObject({
      valid: false,
      problem: 'empty',
    });
    expect(verify({ ...callback, signature: 12 }, secret)).toMatchObject({
      valid: false,
      problem: 'mismatch',
    });
    expect(verify({ ...callback, signature: sign(callback, 'other') }, secret)).toMatchObject({
      valid: false,
      problem: 'mismatch',
    });
    expect(verify([callback], secret)).toMatchObject({ valid: false, problem: 'not-an-object' });
    expect(verify(null, secret)).toMatchObject({ valid: false, problem: 'not-an-object' });
  });

  it('detects any change to the amount, the currency or the payment id', () => {
    const signed = { ...callback, signature: sign(callback, secret) };
    for (const change of [{ amount: 1001 }, { currency: 'USD' }]) {
      const tampered = {
        ...signed,
        payment: { ...signed.payment, sum: { ...signed.payment.sum, ...change } },
      };
      expect(verify(tampered, secret).valid).toBe(false);
    }
    expect(verify({ ...signed, payment: { ...signed.payment, id: 'p2' } }, secret).valid).toBe(
      false,
    );
  });

  it('verifies a callback whose numbers are written as 10.0 and beyond 2^53, from its text', () => {
    const text =
      '{"payment":{"id":"p","status":"success"},"operation":{"id":20891000000045123456,"tax":10.0}}';
    const expected = sign(parseJsonLossless(text), secret);
    const withSignature = text.replace(/}$/, `,"signature":"${expected}"}`);
    expect(verify(parseJsonLossless(withSignature), secret)).toMatchObject({ valid: true });
    // JSON.parse would turn the numbers into 20891000000045125000 and 10: the signature no longer matches.
    expect(verify(JSON.parse(withSignature), secret)).toMatchObject({ valid: false });
  });
});
