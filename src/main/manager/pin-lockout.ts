import { said, type Said } from '../../shared/i18n/said';

/** Wrong PINs allowed before the first lock. */
export const FREE_TRIES = 5;

/**
 * How long manager actions lock after the n-th wrong PIN in a row (n ≥ 5): 5 minutes, then
 * 15 minutes, 1 hour, 4 hours, and 24 hours for every further one until a right PIN. Trying
 * all 10,000 four-digit PINs then takes about 27 years instead of a week.
 */
const LOCKS_MS = [5 * 60_000, 15 * 60_000, 60 * 60_000, 4 * 3600_000, 24 * 3600_000] as const;

/** The lock after `failures` wrong PINs in a row, or 0 while there are tries left. */
export function lockAfter(failures: number): number {
  if (failures < FREE_TRIES) return 0;
  return LOCKS_MS[Math.min(failures - FREE_TRIES, LOCKS_MS.length - 1)]!;
}

/** How long a lock is, as a message: "5 minutes", "1 hour", "24 hours" in each window's words. */
export function lockDuration(ms: number): Said {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return minutes < 120
    ? said('manager.duration.minutes', { count: minutes })
    : said('manager.duration.hours', { count: Math.round(minutes / 60) });
}

/** "5 minutes", "1 hour", "24 hours": how long a lock is, in words (for the audit log). */
export function lockWords(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.round(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}
