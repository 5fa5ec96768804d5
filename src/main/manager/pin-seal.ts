import { createHmac, timingSafeEqual } from 'node:crypto';
import type { StoredPin } from './pin-hash';

/** An audit entry a record is bound to: its id and its chain hash. */
export interface AuditRef {
  readonly id: number;
  readonly hash: string;
}

/**
 * What makes a PIN record or failure count trustworthy: the audit entry written in the same
 * transaction, and an HMAC (with the keychain's seal key) over the record and that entry.
 * Whoever edits the journal can neither make one nor move one to other values.
 */
export interface Seal {
  readonly audit: number;
  readonly mac: string;
}

/** Wrong PINs in a row, and the lock they set. */
export interface FailureCount {
  readonly count: number;
  readonly lockedUntil: number | null;
}

/** The PIN record as the journal keeps it: sealed, or from before seals. */
export type SealedPin = StoredPin & { readonly seal?: Seal };
/** The failure count as the journal keeps it. */
export type SealedFailures = FailureCount & { readonly seal?: Seal };

const hmac = (key: Buffer, fields: unknown[]) =>
  createHmac('sha256', key).update(JSON.stringify(fields)).digest('hex');

/** Seals a PIN record to the audit entry written with it. */
export function sealPin(key: Buffer, pin: StoredPin, entry: AuditRef): Seal {
  const fields = ['manager PIN', pin.v, pin.salt, pin.hash, pin.N, pin.r, pin.p];
  return { audit: entry.id, mac: hmac(key, [...fields, entry.id, entry.hash]) };
}

/**
 * Seals a failure count to the PIN record it counts for (by that record's seal, so a count of
 * another PIN never applies) and to the audit entry written with it.
 */
export function sealFailures(
  key: Buffer,
  pinSeal: Seal,
  failures: FailureCount,
  entry: AuditRef,
): Seal {
  const fields = ['manager PIN failures', pinSeal.mac, failures.count, failures.lockedUntil];
  return { audit: entry.id, mac: hmac(key, [...fields, entry.id, entry.hash]) };
}

/** Whether a stored seal is the one expected, compared in constant time. */
export function sealMatches(stored: Seal | undefined, expected: Seal): boolean {
  if (!stored || stored.audit !== expected.audit || typeof stored.mac !== 'string') return false;
  const a = Buffer.from(stored.mac, 'hex');
  const b = Buffer.from(expected.mac, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
