/**
 * When to ask Gate for a payment's status while no final callback has arrived: not earlier than 10 s after the request (earlier answers can be "not found"), then
 * backing off by half again each time up to once a minute, until the threshold time has passed.
 */
export interface PollSchedule {
  /** First status request, in ms after the request was sent. Gate asks for at least 10 s. */
  readonly firstAfterMs: number;
  /** Longest pause between two status requests. */
  readonly maxIntervalMs: number;
  /** After this long (the payment's threshold time) polling stops. */
  readonly thresholdMs: number;
}

/** ecommpay's guidance: first status after 10 s; threshold "up to one hour". */
export const DEFAULT_POLL_SCHEDULE: PollSchedule = {
  firstAfterMs: 10_000,
  maxIntervalMs: 60_000,
  thresholdMs: 60 * 60_000,
};

/**
 * Milliseconds from the request until poll number `attempt` (0-based), or undefined once the
 * threshold has passed and polling should stop.
 */
export function pollTimeMs(
  attempt: number,
  schedule: PollSchedule = DEFAULT_POLL_SCHEDULE,
): number | undefined {
  let at = schedule.firstAfterMs;
  let interval = schedule.firstAfterMs;
  for (let i = 0; i < attempt; i++) {
    interval = Math.min(schedule.maxIntervalMs, Math.max(1, Math.round(interval * 1.5)));
    at += interval;
  }
  return at <= schedule.thresholdMs ? at : undefined;
}
