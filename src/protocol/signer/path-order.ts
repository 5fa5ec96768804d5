/**
 * The three orders in which ecommpay's SDKs sort flattened paths.
 * They differ only for array indices ≥ 10 and for keys that are a prefix of a sibling followed
 * by a character below ":" (`a` and `a0`). We sign in byte order and accept all three.
 */
export type PathOrder = 'byte' | 'natural' | 'per-level';

/** All orders, the signing order first. */
export const PATH_ORDERS: readonly PathOrder[] = ['byte', 'natural', 'per-level'];

/** Plain UTF-16 comparison: equals byte order when no string holds a code unit ≥ U+D800. */
export function compareUtf16(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Compares by UTF-8 bytes, which is code point order (Python, Go, Java). Differs from UTF-16
 * order only between surrogate pairs and U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Maps a UTF-16 code unit to a rank where surrogates sort above U+E000..U+FFFF. */
function codePointRank(unit: number): number {
  if (unit < 0xd800) return unit;
  if (unit <= 0xdfff) return unit + 0x2000;
  return unit - 0x800;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

/**
 * PHP's strnatcmp (ext/standard/strnatcmp.c), which `ksort($a, SORT_NATURAL)` uses in the PHP
 * SDK: runs of digits compare by value ("9" < "10"), a run starting with "0" compares digit by
 * digit, leading zeros at the very start are skipped, and whitespace is skipped.
 */
export function compareNatural(a: string, b: string): number {
  const aEnd = a.length;
  const bEnd = b.length;
  if (aEnd === 0 || bEnd === 0) return aEnd - bEnd;
  let ai = 0;
  let bi = 0;
  let leading = true;
  const at = (s: string, i: number, end: number): number => (i < end ? s.charCodeAt(i) : 0);
  for (;;) {
    let ca = at(a, ai, aEnd);
    let cb = at(b, bi, bEnd);
    if (leading) {
      while (ca === 0x30 && ai + 1 < aEnd && isDigit(a.charCodeAt(ai + 1))) ca = a.charCodeAt(++ai);
      while (cb === 0x30 && bi + 1 < bEnd && isDigit(b.charCodeAt(bi + 1))) cb = b.charCodeAt(++bi);
      leading = false;
    }
    while (isSpace(ca)) ca = at(a, ++ai, aEnd);
    while (isSpace(cb)) cb = at(b, ++bi, bEnd);

    if (isDigit(ca) && isDigit(cb)) {
      const fractional = ca === 0x30 || cb === 0x30;
      const run = compareDigitRuns(a, ai, aEnd, b, bi, bEnd, fractional);
      if (run.result !== 0) return run.result;
      ai = run.ai;
      bi = run.bi;
      if (ai === aEnd && bi === bEnd) return 0;
      if (ai === aEnd) return -1;
      if (bi === bEnd) return 1;
      ca = a.charCodeAt(ai);
      cb = b.charCodeAt(bi);
    }
    if (ca !== cb) return codePointRank(ca) - codePointRank(cb);
    ai++;
    bi++;
    if (ai >= aEnd && bi >= bEnd) return 0;
    if (ai >= aEnd) return -1;
    if (bi >= bEnd) return 1;
  }
}

interface RunComparison {
  result: number;
  ai: number;
  bi: number;
}

/**
 * Compares the digit runs starting at `ai` and `bi`. Right-aligned (no leading 0): the longer
 * run wins, else the first differing digit. Left-aligned (a run starting with 0, read as a
 * fraction): the first differing digit wins at once.
 */
function compareDigitRuns(
  a: string,
  ai: number,
  aEnd: number,
  b: string,
  bi: number,
  bEnd: number,
  leftAligned: boolean,
): RunComparison {
  let bias = 0;
  for (; ; ai++, bi++) {
    const aDigit = ai < aEnd && isDigit(a.charCodeAt(ai));
    const bDigit = bi < bEnd && isDigit(b.charCodeAt(bi));
    if (!aDigit && !bDigit) return { result: bias, ai, bi };
    if (!aDigit) return { result: -1, ai, bi };
    if (!bDigit) return { result: 1, ai, bi };
    const x = a.charCodeAt(ai);
    const y = b.charCodeAt(bi);
    if (bias === 0 && x !== y) {
      bias = x < y ? -1 : 1;
      if (leftAligned) return { result: bias, ai, bi };
    }
  }
}

/**
 * The JS SDK's key order within one object: `Object.keys(o).sort()` copied into a fresh object,
 * so integer-like keys come first in numeric order, then the rest in UTF-16 order.
 */
export function perLevelKeys(keys: string[]): string[] {
  const integers: string[] = [];
  const others: string[] = [];
  for (const key of keys) (isArrayIndex(key) ? integers : others).push(key);
  integers.sort((x, y) => Number(x) - Number(y));
  others.sort();
  return integers.length === 0 ? others : integers.concat(others);
}

function isArrayIndex(key: string): boolean {
  return /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
}
