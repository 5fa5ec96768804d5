import { scalarText, UNSIGNED_KEY } from './flatten';
import { JsonNumber } from './json-number';

/**
 * The byte-order string to sign, written in one pass by sorting the keys of each object instead
 * of sorting all full paths. Both orders are the same unless a key is a prefix of a sibling
 * followed by a character below ":" (`a` and `a0`), an array has more than 10 elements (`1`
 * and `10`), a key is empty or holds ":" (escaped as "::"), or a key holds a code unit ≥ U+D800. In those
 * cases this returns undefined and the caller sorts full paths. Gate bodies almost never hit
 * them, and this path is about twice as fast.
 */
export function byteOrderStringFast(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || value instanceof JsonNumber) return undefined;
  const out: Lines = { text: '', separator: '' };
  if (!writeObject(value, '', out)) return undefined;
  return out.text;
}

/**
 * The lines written so far. Each line is appended after the separator (";" after the first
 * line): cutting a leading ";" off at the end instead would copy the whole string once more.
 */
interface Lines {
  text: string;
  separator: '' | ';';
}

/**
 * Keys are sorted by UTF-16 units, which is byte order only below U+D800 (values do not take
 * part in the order, so only keys are checked); also refuses ":" in a key (escaped as "::")
 * and the empty key, which the general algorithm handles.
 */
function plainKey(key: string): boolean {
  // An empty key: ecommpay's SDKs treat "" under the root as the root's own path.
  if (key.length === 0) return false;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c === 0x3a || c >= 0xd800) return false;
  }
  return true;
}

/** Sorts a few keys in place by UTF-16 units; faster than Array.prototype.sort for short arrays. */
function sortKeys(keys: string[]): void {
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    while (j >= 0 && keys[j]! > key) {
      keys[j + 1] = keys[j]!;
      j--;
    }
    keys[j + 1] = key;
  }
}

/** Writes the lines of an object or array whose path starts with `prefix` ("" or "a:b:"). */
function writeObject(value: object, prefix: string, out: Lines): boolean {
  if (Array.isArray(value)) {
    if (value.length > 10) return false;
    for (let i = 0; i < value.length; i++) if (!writeChild(value[i], prefix + i, out)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length > 64) return false; // insertion sort is for small objects
  sortKeys(keys);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (key === UNSIGNED_KEY) continue;
    if (!plainKey(key)) return false;
    const child = record[key];
    if (typeof child === 'object' && child !== null && !(child instanceof JsonNumber)) {
      // Siblings starting with this key follow it; one with a character below ":" after the
      // prefix would sort between this key's own children in full-path order.
      for (let j = i + 1; j < keys.length && keys[j]!.startsWith(key); j++) {
        if (keys[j]!.charCodeAt(key.length) < 0x3a) return false;
      }
      if (!writeObject(child, prefix + key + ':', out)) return false;
    } else if (child !== undefined) {
      out.text +=
        out.separator +
        prefix +
        key +
        ':' +
        (typeof child === 'string' ? child : scalarText(child));
      out.separator = ';';
    }
  }
  return true;
}

function writeChild(child: unknown, path: string, out: Lines): boolean {
  if (child === undefined) return true;
  if (typeof child === 'object' && child !== null && !(child instanceof JsonNumber))
    return writeObject(child, path + ':', out);
  out.text += out.separator + path + ':' + scalarText(child);
  out.separator = ';';
  return true;
}
