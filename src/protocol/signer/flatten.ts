import { JsonNumber } from './json-number';

/**
 * Gate's flattening: every leaf becomes a `path` and a `value`, where the path joins keys and
 * array indices with ":" (a ":" inside a key written "::"), booleans are 1/0, null is "", empty
 * arrays and objects give nothing, and `frame_mode` is dropped at any depth.
 */
export interface Leaves {
  readonly paths: string[];
  readonly values: string[];
  /** True when a path holds a code unit ≥ U+D800, where UTF-16 and UTF-8 orders can differ. */
  highChars: boolean;
}

/** Key every official SDK leaves out of the signature at any depth. */
export const UNSIGNED_KEY = 'frame_mode';

/** Collects the leaves of a JSON-like value in traversal order (not yet sorted). */
export function flatten(value: unknown): Leaves {
  const leaves: Leaves = { paths: [], values: [], highChars: false };
  collect(value, '', leaves);
  return leaves;
}

/** Escapes ":" in one key as "::", as ecommpay's SDKs do since December 2023. */
export function escapeKey(key: string): string {
  return key.includes(':') ? key.replaceAll(':', '::') : key;
}

function collect(value: unknown, path: string, out: Leaves): void {
  if (typeof value === 'object' && value !== null && !(value instanceof JsonNumber)) {
    if (Array.isArray(value)) {
      const prefix = path === '' ? '' : path + ':';
      for (let i = 0; i < value.length; i++) collect(value[i], prefix + i, out);
      return;
    }
    const prefix = path === '' ? '' : path + ':';
    for (const key of Object.keys(value)) {
      if (key === UNSIGNED_KEY) continue;
      const child = (value as Record<string, unknown>)[key];
      if (child === undefined) continue;
      collect(child, prefix + escapeKey(key), out);
    }
    return;
  }
  if (value === undefined) return;
  if (!out.highChars && hasHighChar(path)) out.highChars = true;
  out.paths.push(path);
  out.values.push(scalarText(value));
}

/** The text a scalar contributes after its path. */
export function scalarText(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
      return value ? '1' : '0';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`Cannot sign a non-finite number: ${value}`);
      return String(value);
    case 'bigint':
      return value.toString();
    case 'object':
      if (value === null) return '';
      if (value instanceof JsonNumber) return value.text;
      break;
  }
  throw new TypeError(`Cannot sign a value of type ${typeof value}`);
}

function hasHighChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0xd800) return true;
  return false;
}
