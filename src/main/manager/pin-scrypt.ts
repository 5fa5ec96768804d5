import { scrypt } from 'node:crypto';

/** scrypt's cost parameters. */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * The salt length of new PINs. Records stored with this length are never hashed again for
 * their salt alone, so it stays 32 bytes.
 */
export const PIN_SALT_BYTES = 32;

/** The scrypt the manager PIN is hashed and checked with. */
export interface PinScrypt {
  /** scrypt(password, salt) at `cost`, `keyLength` bytes, off the main thread. */
  derive(password: Buffer, salt: Buffer, cost: ScryptCost, keyLength: number): Promise<Buffer>;
}

/**
 * node:crypto's (OpenSSL's) scrypt on libuv's thread pool, so the windows stay responsive while
 * a manager waits for the check. It is allowed the memory `cost` needs (128·N·r bytes and a
 * little more): a PIN stored at a higher cost than today's must stay checkable.
 */
export function nodeScrypt(
  password: Buffer,
  salt: Buffer,
  cost: ScryptCost,
  keyLength: number,
): Promise<Buffer> {
  const maxmem = Math.max(256 * 1024 * 1024, 256 * cost.N * cost.r);
  return new Promise<Buffer>((resolve, reject) => {
    try {
      scrypt(password, salt, keyLength, { ...cost, maxmem }, (error, key) =>
        error ? reject(error) : resolve(key),
      );
    } catch (error) {
      // Parameters node:crypto refuses outright (N not a power of two) throw synchronously.
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}

/** The process's one PIN scrypt. */
export const pinScrypt: PinScrypt = { derive: nodeScrypt };
