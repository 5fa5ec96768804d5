import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/journal/journal';
import { ManagerPin } from '../../../src/main/manager/manager-pin';

describe('manager PIN under a burst of guesses', () => {
  let journal: Journal | undefined;
  afterEach(() => journal?.close());

  it('overlapping wrong guesses each count: the fifth locks, and the right PIN behind them is refused', async () => {
    journal = new Journal(join(mkdtempSync(join(tmpdir(), 'pin-')), 'journal.sqlite'));
    const pin = new ManagerPin(journal);
    expect(await pin.set('4821', undefined, 'test')).toMatchObject({ ok: true });

    // Twelve wrong guesses and then the right one, all sent at once (as a script could over IPC).
    const guesses = Array.from({ length: 12 }, (_, i) => String(4700 + i));
    const answers = await Promise.all(
      [...guesses, '4821'].map((guess) => pin.check(guess, 'refund')),
    );
    const codes = answers.map((a) => (a.ok ? 'ok' : a.error.code));
    expect(codes.slice(0, 4)).toEqual(Array(4).fill('PIN_INCORRECT'));
    expect(codes.slice(4)).toEqual(Array(9).fill('PIN_LOCKED'));
    expect(pin.status()).toMatchObject({ failures: 5, lockedUntil: expect.any(Number) });
  });

  it('a clock set back does not stretch the lock beyond five minutes from now', async () => {
    let now = Date.parse('2026-11-25T12:00:00Z');
    journal = new Journal(join(mkdtempSync(join(tmpdir(), 'pin-')), 'journal.sqlite'));
    const pin = new ManagerPin(journal, () => now);
    await pin.set('4821', undefined, 'test');
    for (let i = 0; i < 5; i++) await pin.check('0000', 'refund');
    now -= 3 * 3600_000; // the clock goes back three hours
    expect(pin.status().lockedUntil).toBe(now + 5 * 60_000);
    now += 5 * 60_000 + 1;
    expect(await pin.check('4821', 'refund')).toEqual({ ok: true, value: undefined });
  });
});
