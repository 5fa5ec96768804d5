import { z } from 'zod';

/*
 * What the relay and the counters agree on: stream and subject names, header names, and the
 * hosted redirect message. The only file of src/relay that the counter (src/main/relay) imports.
 */

/** The stream of callbacks waiting for their counter (work queue: deleted once acknowledged). */
export const CALLBACK_STREAM = 'CALLBACKS';
/** The stream of hosted redirect forms (kept for their short life, then discarded by age). */
export const REDIRECT_STREAM = 'COUNTER_REDIRECTS';

/** A store or counter id: letters, digits, `-` and `_` (a NATS subject token, a URL segment). */
export const RELAY_ID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
export const relayIdSchema = z
  .string()
  .regex(RELAY_ID_PATTERN, 'letters, digits, "-" and "_" only, at most 32');

/** A store's counter as the relay's list names it: `STORE/COUNTER`. */
export interface CounterAddress {
  readonly store: string;
  readonly counter: string;
}

/** The subject a counter's callbacks are stored under. */
export function callbackSubject({ store, counter }: CounterAddress): string {
  return `callbacks.${store}.${counter}`;
}

/** The durable consumer of one counter (NATS names cannot contain dots). */
export function consumerName({ store, counter }: CounterAddress): string {
  return `counter-${store}-${counter}`;
}

/** The path Gate posts a counter's callbacks to on the relay. */
export function callbackPath({ store, counter }: CounterAddress): string {
  return `/cb/${store}/${counter}`;
}

/** Header the relay adds: the address the callback came from (the counter records it). */
export const FROM_HEADER = 'Counter-Relay-From';

/** A hosted redirect's token: 128 random bits, base64url. */
export const REDIRECT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The subject a counter publishes one hosted redirect under. */
export function redirectSubject({ store, counter }: CounterAddress, token: string): string {
  return `redirects.${store}.${counter}.${token}`;
}

/** The subject that finds a redirect by its token alone (the relay's lookup). */
export function redirectLookupSubject(token: string): string {
  return `redirects.*.*.${token}`;
}

/** The path the customer's phone opens for a hosted redirect. */
export function redirectPath(token: string): string {
  return `/r/${token}`;
}

/** Longest a hosted redirect page lives (the stream forgets it after this too). */
export const MAX_REDIRECT_LIFETIME_MS = 60 * 60 * 1000;

/**
 * A redirect form as the counter publishes it: where the phone must POST, the fields, and when
 * the page stops working. Fields keep Gate's order.
 */
export const hostedRedirectSchema = z
  .object({
    url: z
      .string()
      .max(2048)
      .refine((text) => {
        try {
          const protocol = new URL(text).protocol;
          return protocol === 'https:' || protocol === 'http:';
        } catch {
          return false;
        }
      }, 'an http(s) URL'),
    fields: z.array(z.tuple([z.string().max(256), z.string().max(64 * 1024)])).max(200),
    expiresAt: z.number().int().positive(),
  })
  .strict();
export type HostedRedirect = z.infer<typeof hostedRedirectSchema>;
