import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { PIN_SALT_BYTES, pinScrypt, type PinScrypt, type ScryptCost } from './pin-scrypt';

export type { ScryptCost } from './pin-scrypt';

/**
 * scrypt's cost for new PINs: N = 2^17, r = 8, p = 1 (OWASP's recommendation), about 128 MiB and
 * a few hundred milliseconds per check (npm run bench measures it).
 */
export const PIN_SCRYPT = { N: 2 ** 17, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/**
 * A PIN as the journal keeps it. Version 1 (before pepper): scrypt of the PIN. Version 2:
 * scrypt of HMAC-SHA256(pepper, PIN), the pepper held in the OS keychain, so the journal alone
 * cannot be used to guess the PIN offline.
 */
export interface StoredPin {
  readonly v: 1 | 2;
  readonly salt: string;
  readonly hash: string;
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** What scrypt is given for a version-2 PIN: the PIN keyed with the pepper. */
function peppered(pin: string, pepper: Buffer): Buffer {
  return createHmac('sha256', pepper).update(pin, 'utf8').digest();
}

/** Hashes a new PIN (version 2, peppered, at today's cost unless told otherwise). */
export async function hashPin(
  pin: string,
  pepper: Buffer,
  cost: ScryptCost = PIN_SCRYPT,
  engine: PinScrypt = pinScrypt,
): Promise<StoredPin> {
  const salt = randomBytes(PIN_SALT_BYTES);
  const hash = await engine.derive(peppered(pin, pepper), salt, cost, KEY_LENGTH);
  return {
    v: 2,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
    N: cost.N,
    r: cost.r,
    p: cost.p,
  };
}

/**
 * Whether a stored PIN should be hashed again after a right check: stored before the pepper,
 * at a lower cost, or with a salt of another length than new PINs get (16 bytes, from an
 * earlier version).
 */
export function needsRehash(stored: StoredPin, cost: ScryptCost): boolean {
  return (
    stored.v === 1 ||
    stored.N < cost.N ||
    Buffer.from(stored.salt, 'base64').length !== PIN_SALT_BYTES
  );
}

/**
 * Whether `pin` is the stored one. A version-2 PIN needs the pepper; the caller checks it is
 * there. The comparison takes the same time whatever the PIN.
 */
export async function pinMatches(
  pin: string,
  stored: StoredPin,
  pepper: Buffer | undefined,
  engine: PinScrypt = pinScrypt,
): Promise<boolean> {
  const expected = Buffer.from(stored.hash, 'base64');
  const wellFormed = /^\d{4,8}$/.test(pin);
  const password =
    stored.v === 2 ? peppered(pin, pepper ?? Buffer.alloc(32)) : Buffer.from(pin, 'utf8');
  const actual = wellFormed
    ? await engine.derive(password, Buffer.from(stored.salt, 'base64'), stored, KEY_LENGTH)
    : Buffer.alloc(expected.length);
  return wellFormed && actual.length === expected.length && timingSafeEqual(actual, expected);
}
