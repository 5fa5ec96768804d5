import { describe, expect, it } from 'vitest';
import {
  checkCallbackBody,
  MAX_CALLBACK_BYTES,
  MAX_CALLBACK_DEPTH,
  MAX_CALLBACK_FIELDS,
} from '../../../src/protocol/callback-body';
import { SEED_QR_CALLBACK, SEED_SUCCESS_CALLBACK } from '../../support/seed-examples';

const bytes = (text: string) => new TextEncoder().encode(text);
const check = (value: unknown) => checkCallbackBody(bytes(JSON.stringify(value)));

describe('the cheap checks a callback body passes before it is stored or verified', () => {
  it("passes Gate's own callbacks, signed at the root or in general", () => {
    expect(check({ ...SEED_SUCCESS_CALLBACK, signature: 'c2ln' }).ok).toBe(true);
    expect(check({ ...SEED_QR_CALLBACK, signature: 'c2ln' }).ok).toBe(true);
    expect(check({ general: { project_id: 1, signature: 'c2ln' } }).ok).toBe(true);
  });

  it('refuses what is not a signed JSON object, saying why', () => {
    expect(checkCallbackBody(bytes('not json'))).toMatchObject({ ok: false, problem: 'not_json' });
    expect(check([{ signature: 'x' }])).toMatchObject({ problem: 'not_an_object' });
    expect(check('text')).toMatchObject({ problem: 'not_an_object' });
    expect(check({ payment: { id: 'a' } })).toMatchObject({ problem: 'no_signature' });
    expect(check({ signature: '' })).toMatchObject({ problem: 'no_signature' });
    expect(check({ signature: 42 })).toMatchObject({ problem: 'no_signature' });
    expect(check({ general: { signature: null } })).toMatchObject({ problem: 'no_signature' });
  });

  it('refuses a body over the size cap before decoding it, and takes one exactly at it', () => {
    const pad = (n: number) => JSON.stringify({ signature: 'x', p: 'a'.repeat(n) });
    const overhead = pad(0).length;
    expect(checkCallbackBody(bytes(pad(MAX_CALLBACK_BYTES - overhead))).ok).toBe(true);
    expect(checkCallbackBody(bytes(pad(MAX_CALLBACK_BYTES - overhead + 1)))).toMatchObject({
      problem: 'too_large',
    });
  });

  it('refuses bodies nested deeper than the cap, counting only structure outside strings', () => {
    const nest = (depth: number) =>
      `{"signature":"x","d":${'['.repeat(depth - 1)}1${']'.repeat(depth - 1)}}`;
    expect(checkCallbackBody(bytes(nest(MAX_CALLBACK_DEPTH))).ok).toBe(true);
    expect(checkCallbackBody(bytes(nest(MAX_CALLBACK_DEPTH + 1)))).toMatchObject({
      problem: 'too_deep',
    });
    // Brackets inside strings (and escaped quotes) are text, not nesting.
    const text = JSON.stringify({ signature: 'x', s: '"[[[[{{{{'.repeat(100) });
    expect(checkCallbackBody(bytes(text)).ok).toBe(true);
  });

  it('refuses bodies with more fields than the cap, keys and array items alike', () => {
    const keys = (n: number) =>
      Object.fromEntries([
        ['signature', 'x'],
        ...Array.from({ length: n - 1 }, (_, i) => [`k${i}`, i]),
      ]);
    expect(check(keys(MAX_CALLBACK_FIELDS)).ok).toBe(true);
    expect(check(keys(MAX_CALLBACK_FIELDS + 1))).toMatchObject({ problem: 'too_many_fields' });
    const items = (n: number) => ({ signature: 'x', list: Array.from({ length: n }, (_, i) => i) });
    // Two keys, and an array whose first item is not counted.
    expect(check(items(MAX_CALLBACK_FIELDS - 1)).ok).toBe(true);
    expect(check(items(MAX_CALLBACK_FIELDS + 2))).toMatchObject({ problem: 'too_many_fields' });
  });
});
