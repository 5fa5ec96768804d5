import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PIN_SALT_BYTES, pinScrypt } from '../../../src/main/manager/pin-scrypt';

const MAXMEM = 256 * 1024 * 1024;
const reference = (password: Buffer, salt: Buffer, N: number, r = 8, p = 1) =>
  scryptSync(password, salt, 32, { N, r, p, maxmem: MAXMEM });

describe('the PIN scrypt (node:crypto)', () => {
  it('new PINs get 32-byte salts, so records stored so far are not hashed again', () => {
    expect(PIN_SALT_BYTES).toBe(32);
  });

  it('gives scrypt bytes for every salt length and cost a stored PIN may carry', async () => {
    const password = randomBytes(32);
    for (const [saltBytes, N, r, p] of [
      [32, 2 ** 10, 8, 1],
      [32, 2 ** 14, 8, 1],
      [16, 2 ** 11, 8, 1],
      [32, 2 ** 10, 4, 1],
      [32, 2 ** 10, 8, 2],
    ] as const) {
      const salt = randomBytes(saltBytes);
      expect(await pinScrypt.derive(password, salt, { N, r, p }, 32)).toEqual(
        reference(password, salt, N, r, p),
      );
    }
  });

  it('checks a PIN at the production cost (N = 2^17) without freezing the windows', async () => {
    const password = randomBytes(32);
    const salt = randomBytes(32);
    const expected = reference(password, salt, 2 ** 17);
    // The windows' events run on this thread: it must keep turning while scrypt works.
    let turns = 0;
    const ticker = setInterval(() => turns++, 5);
    const derived = await pinScrypt.derive(password, salt, { N: 2 ** 17, r: 8, p: 1 }, 32);
    clearInterval(ticker);
    expect(derived).toEqual(expected);
    expect(turns).toBeGreaterThan(1);
  });

  it('a PIN stored above 256 MiB of scrypt memory (N = 2^18) is still checked', async () => {
    const password = randomBytes(32);
    const salt = randomBytes(32);
    const expected = scryptSync(password, salt, 32, { N: 2 ** 18, r: 8, p: 1, maxmem: 2 ** 29 });
    expect(await pinScrypt.derive(password, salt, { N: 2 ** 18, r: 8, p: 1 }, 32)).toEqual(
      expected,
    );
  });

  it('a cost node:crypto refuses (an edited record) rejects the check instead of throwing', async () => {
    const result = pinScrypt.derive(randomBytes(32), randomBytes(32), { N: 1000, r: 8, p: 1 }, 32);
    await expect(result).rejects.toThrow(/N|param/i);
  });
});
