import { describe, expect, it } from 'vitest';
import { JsonNumber, JsonSyntaxError, parseJsonLossless } from '../../../src/protocol/signer';

describe('lossless JSON parsing', () => {
  it('agrees with JSON.parse on ordinary documents', () => {
    const docs = [
      '{"a":1,"b":[true,false,null],"c":{"d":"e\\n\\u00e9\\ud83d\\ude00"},"f":-0.5,"g":1e-7}',
      '[]',
      '{}',
      '"just a string"',
      ' \n\t{"spaced" : [ 1 , 2 ] } ',
      '{"a":"\\"\\\\\\/\\b\\f\\n\\r\\t"}',
      '{"dup":1,"dup":2}',
    ];
    for (const text of docs) {
      const ours = parseJsonLossless(text);
      expect(
        JSON.parse(
          JSON.stringify(ours, (_k, v: unknown) => (v instanceof JsonNumber ? Number(v.text) : v)),
        ),
      ).toEqual(JSON.parse(text));
    }
  });

  it('keeps numbers a float would change as their text', () => {
    const value = parseJsonLossless(
      '{"big":20891000000045123456,"float":10.0,"exp":1E3,"ok":42,"half":0.5}',
    ) as Record<string, unknown>;
    expect(value['big']).toEqual(new JsonNumber('20891000000045123456'));
    expect(value['float']).toEqual(new JsonNumber('10.0'));
    expect(value['exp']).toEqual(new JsonNumber('1E3'));
    expect(value['ok']).toBe(42);
    expect(value['half']).toBe(0.5);
  });

  it('makes "__proto__" an own property, never a prototype', () => {
    const value = parseJsonLossless('{"__proto__":{"polluted":true}}') as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    '',
    '{',
    '{"a":}',
    '[1,]',
    '{"a":1,}',
    '01',
    '1.',
    '.5',
    '+1',
    'tru',
    '"\u0001"',
    '"\\x"',
    '{"a" 1}',
    '[1 2]',
    '{} {}',
    "{'a':1}",
    'NaN',
  ])('refuses %j like JSON.parse does', (text) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(() => parseJsonLossless(text)).toThrow(JsonSyntaxError);
  });

  it('refuses absurd nesting instead of overflowing the stack', () => {
    expect(() => parseJsonLossless('['.repeat(5000) + ']'.repeat(5000))).toThrow(
      /nested too deeply/,
    );
  });
});
