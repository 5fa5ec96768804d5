import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  libsodiumLimits,
  PinScrypt,
  type LibsodiumScrypt,
} from '../../../src/main/manager/pin-scrypt';

const MAXMEM = 256 * 1024 * 1024;
const openssl = (password: Buffer, salt: Buffer, N: number, r = 8, p = 1) =>
  scryptSync(password, salt, 32, { N, r, p, maxmem: MAXMEM });

/** The real sodium-native, with a count of the scrypt calls made through it. */
async function countingSodium() {
  const real = (await import('sodium-native')).default as LibsodiumScrypt;
  const counter = { calls: 0 };
  const sodium: LibsodiumScrypt = {
    crypto_pwhash_scryptsalsa208sha256_async: (...args) => {
      counter.calls++;
      return real.crypto_pwhash_scryptsalsa208sha256_async(...args);
    },
  };
  return { sodium, counter };
}

describe('PIN scrypt engines', () => {
  it("libsodium loads on this machine and gives OpenSSL's bytes at N = 2^10 … 2^14", async () => {
    const { sodium, counter } = await countingSodium();
    const scrypt = new PinScrypt(() => Promise.resolve(sodium));
    expect(await scrypt.engine()).toBe('libsodium');
    for (const N of [2 ** 10, 2 ** 11, 2 ** 12, 2 ** 13, 2 ** 14]) {
      const password = randomBytes(32);
      const salt = randomBytes(32);
      const before = counter.calls;
      expect((await scrypt.derive(password, salt, { N, r: 8, p: 1 }, 32)).toString('hex')).toBe(
        openssl(password, salt, N).toString('hex'),
      );
      expect(counter.calls).toBe(before + 1); // computed by libsodium, not OpenSSL
    }
  });

  it("at the production cost (N = 2^17) libsodium's hash is the one OpenSSL stored", async () => {
    const scrypt = new PinScrypt();
    const password = randomBytes(32);
    const salt = randomBytes(32);
    const stored = openssl(password, salt, 2 ** 17);
    expect(await scrypt.derive(password, salt, { N: 2 ** 17, r: 8, p: 1 }, 32)).toEqual(stored);
  });

  it('what libsodium cannot take (a 16-byte salt, r other than 8, p other than 1) runs on OpenSSL, with the same answer', async () => {
    const { sodium, counter } = await countingSodium();
    const scrypt = new PinScrypt(() => Promise.resolve(sodium));
    await scrypt.engine();
    const after = counter.calls;
    const password = randomBytes(32);
    for (const [saltBytes, r, p] of [
      [16, 8, 1],
      [32, 4, 1],
      [32, 8, 2],
    ] as const) {
      const salt = randomBytes(saltBytes);
      expect(await scrypt.derive(password, salt, { N: 1024, r, p }, 32)).toEqual(
        openssl(password, salt, 1024, r, p),
      );
    }
    expect(counter.calls).toBe(after);
    expect(libsodiumLimits({ N: 2 ** 17, r: 8, p: 1 }, 32)).toEqual({
      opslimit: 2 ** 22,
      memlimit: 2 ** 27 + 1024,
    });
    expect(libsodiumLimits({ N: 512, r: 8, p: 1 }, 32)).toBeUndefined(); // below libsodium's minimum
    // sodium-native's asynchronous call keeps the limits in 32 bits: they must fit.
    for (let log2N = 10; log2N <= 20; log2N++) {
      const limits = libsodiumLimits({ N: 2 ** log2N, r: 8, p: 1 }, 32)!;
      expect(limits.memlimit).toBeLessThan(2 ** 32);
      expect(limits.opslimit).toBeLessThan(limits.memlimit / 32); // p = 1 in libsodium's rule
    }
    expect(libsodiumLimits({ N: 2 ** 21, r: 8, p: 1 }, 32)).toBeUndefined();
  });

  it('without a loadable libsodium, PINs run on node:crypto and the reason is kept', async () => {
    const scrypt = new PinScrypt(() =>
      Promise.reject(new Error("Cannot find addon '.' (no prebuild for this platform)")),
    );
    expect(await scrypt.engine()).toBe('node:crypto');
    expect(await scrypt.whyNotLibsodium()).toContain('no prebuild');
    const password = randomBytes(32);
    const salt = randomBytes(32);
    expect(await scrypt.derive(password, salt, { N: 1024, r: 8, p: 1 }, 32)).toEqual(
      openssl(password, salt, 1024),
    );
  });

  it('a libsodium call that fails at check time (out of memory) is answered by node:crypto', async () => {
    const real = (await import('sodium-native')).default as LibsodiumScrypt;
    let calls = 0;
    const flaky: LibsodiumScrypt = {
      crypto_pwhash_scryptsalsa208sha256_async: (...args) =>
        ++calls === 1
          ? real.crypto_pwhash_scryptsalsa208sha256_async(...args) // the self-test
          : Promise.reject(new Error('Cannot allocate memory')),
    };
    const scrypt = new PinScrypt(() => Promise.resolve(flaky));
    expect(await scrypt.engine()).toBe('libsodium');
    const password = randomBytes(32);
    const salt = randomBytes(32);
    expect(await scrypt.derive(password, salt, { N: 2048, r: 8, p: 1 }, 32)).toEqual(
      openssl(password, salt, 2048),
    );
    expect(calls).toBe(2);
  });

  it('a PIN stored above 256 MiB of scrypt memory (N = 2^18) is still checked without libsodium', async () => {
    const scrypt = new PinScrypt(() => Promise.reject(new Error('no libsodium here')));
    const password = randomBytes(32);
    const salt = randomBytes(32);
    const expected = scryptSync(password, salt, 32, { N: 2 ** 18, r: 8, p: 1, maxmem: 2 ** 29 });
    expect(await scrypt.derive(password, salt, { N: 2 ** 18, r: 8, p: 1 }, 32)).toEqual(expected);
  });

  it('a libsodium that answers wrongly is caught by the self-test and never used: no manager is locked out', async () => {
    const wrong: LibsodiumScrypt = {
      crypto_pwhash_scryptsalsa208sha256_async: (out) => {
        out.fill(7);
        return Promise.resolve();
      },
    };
    const scrypt = new PinScrypt(() => Promise.resolve(wrong));
    expect(await scrypt.engine()).toBe('node:crypto');
    expect(await scrypt.whyNotLibsodium()).toContain('differs');
    const password = randomBytes(32);
    const salt = randomBytes(32);
    expect(await scrypt.derive(password, salt, { N: 1024, r: 8, p: 1 }, 32)).toEqual(
      openssl(password, salt, 1024),
    );
  });
});
