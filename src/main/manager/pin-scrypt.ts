import { scrypt as opensslScrypt } from 'node:crypto';
import type * as SodiumNative from 'sodium-native';
import { createLogger } from '../logging/logger';

/** scrypt's cost parameters. */
export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** Which scrypt computed a PIN check: both give the same bytes for the same inputs. */
export type ScryptEngine = 'libsodium' | 'node:crypto';

/** The salt length of new PINs: libsodium's scrypt takes salts of exactly this length. */
export const PIN_SALT_BYTES = 32;

/** The part of sodium-native this file uses (declared in sodium-native.d.ts). */
export type LibsodiumScrypt = Pick<typeof SodiumNative, 'crypto_pwhash_scryptsalsa208sha256_async'>;

const log = createLogger('pin-scrypt');

/**
 * libsodium's limits that make it run scrypt at exactly `cost`, or undefined when it cannot.
 * libsodium takes an operations and a memory limit, not N, r and p; its rule (pickparams in
 * crypto_pwhash_scryptsalsa208sha256) always uses r = 8, and with opslimit < memlimit / 32
 * takes p = 1 and the largest power of two N with N ≤ opslimit / 32. So opslimit = 32·N and
 * a memlimit above 1024·N select N, 8, 1. Its API also fixes the salt at 32 bytes, and wants
 * opslimit ≥ 2^15 and memlimit ≥ 2^24. sodium-native's asynchronous call keeps both limits in
 * 32 bits and drops the rest silently, so they must stay below 2^32 (N ≤ 2^20 here).
 */
export function libsodiumLimits(
  cost: ScryptCost,
  saltLength: number,
): { opslimit: number; memlimit: number } | undefined {
  const log2N = Math.log2(cost.N);
  if (cost.r !== 8 || cost.p !== 1 || saltLength !== PIN_SALT_BYTES) return undefined;
  if (!Number.isInteger(log2N) || log2N < 10 || log2N > 20) return undefined;
  return { opslimit: 32 * cost.N, memlimit: Math.max(1024 * cost.N + 1024, 2 ** 24) };
}

/**
 * OpenSSL's scrypt, allowed the memory `cost` needs (128·N·r bytes and a little more): a PIN
 * stored at a higher cost than today's must stay checkable without libsodium.
 */
export function viaOpenssl(
  password: Buffer,
  salt: Buffer,
  cost: ScryptCost,
  keyLength: number,
): Promise<Buffer> {
  const maxmem = Math.max(256 * 1024 * 1024, 256 * cost.N * cost.r);
  return new Promise<Buffer>((resolve, reject) =>
    opensslScrypt(password, salt, keyLength, { ...cost, maxmem }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

async function loadSodiumNative(): Promise<LibsodiumScrypt> {
  // A CommonJS package: its exports arrive as the default export.
  const module: { default?: LibsodiumScrypt } & LibsodiumScrypt = await import('sodium-native');
  return module.default ?? module;
}

/**
 * scrypt for the manager PIN. libsodium's (sodium-native, vectorised Salsa20/8) answers a check
 * at N = 2^17 in about 260 ms on the reference machine where OpenSSL's takes about 350 ms, so it
 * is used wherever it loads and the stored parameters fit its API; everything else (a platform
 * without its prebuilt binary, a PIN stored with a 16-byte salt) runs on node:crypto. Before
 * libsodium is trusted it must give OpenSSL's bytes for a test input: a wrong answer would lock
 * a manager out, so any doubt falls back to node:crypto, which is never wrong, only slower.
 */
export class PinScrypt {
  private libsodium: Promise<LibsodiumScrypt | undefined> | undefined;
  private fallbackReason: string | undefined;

  constructor(private readonly load: () => Promise<LibsodiumScrypt> = loadSodiumNative) {}

  /** The engine new PINs and PINs with 32-byte salts are checked with. */
  async engine(): Promise<ScryptEngine> {
    return (await this.loaded()) ? 'libsodium' : 'node:crypto';
  }

  /** Why libsodium is not used, if it is not. */
  async whyNotLibsodium(): Promise<string | undefined> {
    await this.loaded();
    return this.fallbackReason;
  }

  /** scrypt(password, salt) at `cost`, `keyLength` bytes, off the main thread. */
  async derive(
    password: Buffer,
    salt: Buffer,
    cost: ScryptCost,
    keyLength: number,
  ): Promise<Buffer> {
    const limits = libsodiumLimits(cost, salt.length);
    const sodium = limits ? await this.loaded() : undefined;
    if (!limits || !sodium) return viaOpenssl(password, salt, cost, keyLength);
    const out = Buffer.alloc(keyLength);
    try {
      await sodium.crypto_pwhash_scryptsalsa208sha256_async(
        out,
        password,
        salt,
        limits.opslimit,
        limits.memlimit,
      );
      return out;
    } catch (error) {
      // Out of memory, say: OpenSSL gives the same bytes, so the check still answers.
      log.warn('libsodium scrypt failed; this check runs on node:crypto', {
        reason: error instanceof Error ? error.message : String(error),
      });
      return viaOpenssl(password, salt, cost, keyLength);
    }
  }

  private loaded(): Promise<LibsodiumScrypt | undefined> {
    this.libsodium ??= this.loadAndCheck().then(
      (sodium) => {
        log.info('PIN checks use libsodium scrypt');
        return sodium;
      },
      (error: unknown) => {
        this.fallbackReason = error instanceof Error ? error.message : String(error);
        log.warn('PIN checks use node:crypto scrypt (slower): libsodium is not usable', {
          reason: this.fallbackReason,
        });
        return undefined;
      },
    );
    return this.libsodium;
  }

  /** Loads libsodium and checks it against OpenSSL on one input at the smallest cost. */
  private async loadAndCheck(): Promise<LibsodiumScrypt> {
    const sodium = await this.load();
    const password = Buffer.from('alipay-counter scrypt self-test');
    const salt = Buffer.alloc(PIN_SALT_BYTES, 0x5a);
    const cost = { N: 2 ** 10, r: 8, p: 1 };
    const limits = libsodiumLimits(cost, salt.length)!;
    const theirs = Buffer.alloc(32);
    await sodium.crypto_pwhash_scryptsalsa208sha256_async(
      theirs,
      password,
      salt,
      limits.opslimit,
      limits.memlimit,
    );
    const expected = await viaOpenssl(password, salt, cost, 32);
    if (!theirs.equals(expected)) throw new Error("libsodium's scrypt differs from OpenSSL's");
    return sodium;
  }
}

/** The process's one PinScrypt (libsodium is loaded and checked on the first PIN operation). */
export const pinScrypt = new PinScrypt();
