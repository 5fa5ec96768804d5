import { escapeKey, flatten, scalarText, UNSIGNED_KEY } from './flatten';
import { byteOrderStringFast } from './fast-byte-order';
import { createHmac } from 'node:crypto';
import { JsonNumber } from './json-number';
import {
  compareCodePoints,
  compareNatural,
  compareUtf16,
  perLevelKeys,
  type PathOrder,
} from './path-order';

/**
 * The string that gets signed: the sorted `path:value` lines joined with ";" (no trailing ";").
 * `value` must already be without its signature.
 */
export function stringToSign(value: unknown, order: PathOrder = 'byte'): string {
  if (order === 'per-level') return perLevelString(value);
  if (order === 'byte') {
    const fast = byteOrderStringFast(value);
    if (fast !== undefined) return fast;
  }
  return sortedPathsString(value, order);
}

/** Flattens, then sorts full paths: the general algorithm, for every shape and order. */
export function sortedPathsString(value: unknown, order: 'byte' | 'natural'): string {
  const { paths, values, highChars } = flatten(value);
  const n = paths.length;
  if (n === 0) return '';
  const compare =
    order === 'natural' ? compareNatural : highChars ? compareCodePoints : compareUtf16;
  const index = new Array<number>(n);
  for (let i = 0; i < n; i++) index[i] = i;
  // Stable sort: PHP keeps insertion order for keys strnatcmp calls equal.
  index.sort((x, y) => compare(paths[x]!, paths[y]!));
  let out = '';
  for (let i = 0; i < n; i++) {
    const k = index[i]!;
    if (i > 0) out += ';';
    out += paths[k]! + ':' + values[k]!;
  }
  return out;
}

/**
 * Base64(HMAC-SHA512(secret, text)), both UTF-8: the signature of an already-built string.
 * Node's own HMAC: no key material is kept anywhere once the call returns.
 */
export function hmacBase64(text: string, secret: string): string {
  return createHmac('sha512', secret).update(text, 'utf8').digest('base64');
}

/**
 * Signs a Gate request body, a callback or Payment Page parameters (without their signature)
 * in byte order of full paths, the order this project signs with.
 */
export function sign(value: unknown, secret: string, order: PathOrder = 'byte'): string {
  return hmacBase64(stringToSign(value, order), secret);
}

/** The JS SDK's order: keys sorted within each object, then traversed depth first. */
function perLevelString(value: unknown): string {
  const lines: string[] = [];
  walkPerLevel(value, '', lines);
  return lines.join(';');
}

function walkPerLevel(value: unknown, path: string, lines: string[]): void {
  if (typeof value === 'object' && value !== null && !(value instanceof JsonNumber)) {
    const record = value as Record<string, unknown>;
    const prefix = path === '' ? '' : path + ':';
    for (const key of perLevelKeys(Object.keys(record))) {
      if (key === UNSIGNED_KEY || record[key] === undefined) continue;
      walkPerLevel(record[key], prefix + escapeKey(key), lines);
    }
    return;
  }
  if (value !== undefined) lines.push(path + ':' + scalarText(value));
}
