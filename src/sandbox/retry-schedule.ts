/**
 * ecommpay's callback delivery schedule: 6 attempts 10 s apart, then
 * the pause grows as 70 + 10·1.12^(n−4) seconds (n = attempt number) up to 4 hours, then every
 * 4 hours; at most 120 attempts, which spans about 11 days.
 */
export const MAX_CALLBACK_ATTEMPTS = 120;

const FOUR_HOURS_S = 4 * 60 * 60;

/** Seconds to wait before attempt `n` (n ≥ 2; attempt 1 goes at once). */
export function secondsBeforeAttempt(n: number): number {
  if (n <= 1) return 0;
  if (n <= 6) return 10;
  return Math.min(70 + 10 * 1.12 ** (n - 4), FOUR_HOURS_S);
}

/** Seconds from the first attempt to attempt `n`. */
export function secondsUntilAttempt(n: number): number {
  let total = 0;
  for (let i = 2; i <= n; i++) total += secondsBeforeAttempt(i);
  return total;
}
