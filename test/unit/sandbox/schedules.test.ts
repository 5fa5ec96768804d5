import { describe, expect, it } from 'vitest';
import { DEFAULT_POLL_SCHEDULE, pollTimeMs } from '../../../src/main/payments/status-poll-schedule';
import {
  MAX_CALLBACK_ATTEMPTS,
  secondsBeforeAttempt,
  secondsUntilAttempt,
} from '../../../src/sandbox';

describe("ecommpay's callback retry schedule", () => {
  it('sends 6 attempts 10 s apart', () => {
    expect([1, 2, 3, 4, 5, 6].map(secondsBeforeAttempt)).toEqual([0, 10, 10, 10, 10, 10]);
  });

  it('then grows as 70 + 10·1.12^(n−4) up to 4 hours', () => {
    expect(secondsBeforeAttempt(7)).toBeCloseTo(70 + 10 * 1.12 ** 3, 6);
    expect(secondsBeforeAttempt(20)).toBeCloseTo(70 + 10 * 1.12 ** 16, 6);
    expect(secondsBeforeAttempt(100)).toBe(4 * 3600);
    for (let n = 7; n < MAX_CALLBACK_ATTEMPTS; n++)
      expect(secondsBeforeAttempt(n + 1)).toBeGreaterThanOrEqual(secondsBeforeAttempt(n));
  });

  it('spends its 120 attempts within 11 days', () => {
    const days = secondsUntilAttempt(MAX_CALLBACK_ATTEMPTS) / 86400;
    expect(days).toBeGreaterThan(9);
    expect(days).toBeLessThanOrEqual(11);
  });
});

describe('status polling schedule', () => {
  it('first asks 10 s after the request, then backs off to once a minute', () => {
    const times = [0, 1, 2, 3, 4, 5, 6, 7].map((n) => pollTimeMs(n));
    expect(times).toEqual([10_000, 25_000, 47_500, 81_250, 131_875, 191_875, 251_875, 311_875]);
  });

  it('stops after the threshold time (1 h by default)', () => {
    let n = 0;
    while (pollTimeMs(n) !== undefined) n++;
    expect(pollTimeMs(n - 1)!).toBeLessThanOrEqual(DEFAULT_POLL_SCHEDULE.thresholdMs);
    expect(n).toBeLessThan(70);
  });
});
