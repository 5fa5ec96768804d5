import { JsonNumber } from '../../protocol/signer';

/**
 * A copy of a verified JSON value with every `null` left out, in objects and arrays alike.
 * Gate may send `null` for any field it has no value for (ecommpay's own SDKs each had to fix
 * crashes on it): after the signature is checked (where null signs as ""), null means absent.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value))
    return value.filter((item) => item !== null).map((item) => withoutNulls(item));
  if (value !== null && typeof value === 'object' && !(value instanceof JsonNumber)) {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (item !== null) copy[key] = withoutNulls(item);
    }
    return copy;
  }
  return value;
}
