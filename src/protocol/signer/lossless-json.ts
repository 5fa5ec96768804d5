import { JsonNumber } from './json-number';

/** A JSON value as parsed losslessly: numbers that would change as floats stay JsonNumber. */
export type JsonValue =
  null | boolean | number | string | JsonNumber | JsonValue[] | { [key: string]: JsonValue };

/** Thrown for text that is not exactly one JSON value. */
export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} at position ${position}`);
    this.name = 'JsonSyntaxError';
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// eslint-disable-next-line no-control-regex -- JSON forbids raw control characters in strings
const PLAIN_STRING_RUN = /[^"\\\u0000-\u001f]*/y;

/**
 * Parses JSON text like JSON.parse (RFC 8259, strict), except that a number whose text would
 * not survive a round trip through a float ("10.0", "1e3", integers beyond 2^53) is kept as a
 * JsonNumber. Needed to verify signatures of callbacks and responses exactly.
 */
export function parseJsonLossless(text: string): JsonValue {
  const parser = new Parser(text);
  parser.skipSpace();
  const value = parser.value(0);
  parser.skipSpace();
  if (parser.pos !== text.length) parser.fail('Unexpected text after the JSON value');
  return value;
}

const MAX_DEPTH = 200;

class Parser {
  pos = 0;
  constructor(private readonly text: string) {}

  fail(message: string): never {
    throw new JsonSyntaxError(message, this.pos);
  }

  skipSpace(): void {
    const t = this.text;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) p++;
      else break;
    }
    this.pos = p;
  }

  value(depth: number): JsonValue {
    if (depth > MAX_DEPTH) this.fail('JSON nested too deeply');
    const c = this.text[this.pos];
    switch (c) {
      case '{':
        return this.object(depth);
      case '[':
        return this.array(depth);
      case '"':
        return this.string();
      case 't':
        return this.literal('true', true);
      case 'f':
        return this.literal('false', false);
      case 'n':
        return this.literal('null', null);
      default:
        return this.number();
    }
  }

  private literal<T>(word: string, result: T): T {
    if (!this.text.startsWith(word, this.pos)) this.fail('Unexpected token');
    this.pos += word.length;
    return result;
  }

  private number(): number | JsonNumber {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail('Unexpected token');
    const raw = match[0];
    this.pos += raw.length;
    const n = Number(raw);
    return String(n) === raw ? n : new JsonNumber(raw);
  }

  private string(): string {
    const t = this.text;
    this.pos++; // opening quote
    let out = '';
    for (;;) {
      PLAIN_STRING_RUN.lastIndex = this.pos;
      const run = PLAIN_STRING_RUN.exec(t);
      if (run && run[0].length > 0) {
        out += run[0];
        this.pos += run[0].length;
      }
      const c = t[this.pos];
      if (c === '"') {
        this.pos++;
        return out;
      }
      if (c !== '\\')
        this.fail(c === undefined ? 'Unterminated string' : 'Control character in string');
      out += this.escape();
    }
  }

  private escape(): string {
    const e = this.text[this.pos + 1];
    this.pos += 2;
    switch (e) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u': {
        const hex = this.text.slice(this.pos, this.pos + 4);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('Bad unicode escape');
        this.pos += 4;
        return String.fromCharCode(parseInt(hex, 16));
      }
      default:
        this.pos -= 2;
        return this.fail('Bad escape in string');
    }
  }

  private array(depth: number): JsonValue[] {
    const out: JsonValue[] = [];
    this.members(']', 'array', () => out.push(this.value(depth + 1)));
    return out;
  }

  private object(depth: number): { [key: string]: JsonValue } {
    const out: { [key: string]: JsonValue } = {};
    this.members('}', 'object', () => {
      if (this.text[this.pos] !== '"') this.fail('Expected a string key');
      const key = this.string();
      this.skipSpace();
      if (this.text[this.pos++] !== ':') {
        this.pos--;
        this.fail('Expected : after key');
      }
      this.skipSpace();
      const value = this.value(depth + 1);
      // An own "__proto__" property, as JSON.parse makes, never a prototype change.
      if (key === '__proto__') {
        Object.defineProperty(out, key, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else {
        out[key] = value;
      }
    });
    return out;
  }

  /**
   * An array's or an object's members, from its opening bracket to `close`: `member` reads each
   * (from its first character), and commas stand between them.
   */
  private members(close: ']' | '}', container: 'array' | 'object', member: () => void): void {
    this.pos++;
    this.skipSpace();
    if (this.text[this.pos] === close) {
      this.pos++;
      return;
    }
    for (;;) {
      this.skipSpace();
      member();
      this.skipSpace();
      const c = this.text[this.pos++];
      if (c === close) return;
      if (c !== ',') {
        this.pos--;
        this.fail(`Expected , or ${close} in ${container}`);
      }
    }
  }
}
