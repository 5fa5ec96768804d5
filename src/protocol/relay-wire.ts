import { z } from 'zod';

/*
 * What the relay and the counters agree on: stream, subject and inbox names, the paths Gate and
 * customers' phones use, header names, and the hosted redirect message.
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

/**
 * The durable consumer of one counter. NATS names cannot contain dots, and ids may contain
 * `-`, so the store id's length is part of the name: no two counters can share a consumer (and
 * with it, the right to read its callbacks).
 */
export function consumerName({ store, counter }: CounterAddress): string {
  return `counter-${store.length}-${store}-${counter}`;
}

/** The consumer name counters used before, ambiguous when an id holds `-`: only ever retired. */
export function legacyConsumerName({ store, counter }: CounterAddress): string {
  return `counter-${store}-${counter}`;
}

/** The broker user of one counter in the permissions `relay nats-config` writes. */
export function counterUser({ store, counter }: CounterAddress): string {
  return `${store}/${counter}`;
}

/** A counter's callback token at the relay: 192 bits, base64url. */
export const RELAY_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

/** The path Gate posts a counter's callbacks to on the relay: its secret token is the last part. */
export function callbackPath({ store, counter }: CounterAddress, token: string): string {
  return `/cb/${store}/${counter}/${token}`;
}

/** A counter's callback URL at the relay, taken apart. */
export interface RelayCallbackUrl {
  /** The relay's public address (everything before `/cb/`), without a trailing slash. */
  readonly base: string;
  readonly address: CounterAddress;
  readonly token: string;
}

/**
 * Takes apart a callback URL as `alipay-counter relay token` prints it
 * (`https://relay.example.com/cb/S1/C1/<token>`); undefined when it is not one.
 */
export function parseRelayCallbackUrl(text: string): RelayCallbackUrl | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return undefined;
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '')
    return undefined;
  const match = /^(.*)\/cb\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(url.pathname);
  if (!match) return undefined;
  const [, prefix, store, counter, token] = match;
  if (!RELAY_ID_PATTERN.test(store!) || !RELAY_ID_PATTERN.test(counter!)) return undefined;
  if (!RELAY_TOKEN_PATTERN.test(token!)) return undefined;
  return {
    base: `${url.origin}${prefix}`,
    address: { store: store!, counter: counter! },
    token: token!,
  };
}

/**
 * The inbox prefix of a counter's broker connection: replies to it (its pulled callbacks among
 * them) go to subjects only it may subscribe to.
 */
export function counterInboxPrefix({ store, counter }: CounterAddress): string {
  return `_INBOX_COUNTER.${store}.${counter}`;
}

/** The inbox prefix of the relay's broker connections. */
export const RELAY_INBOX_PREFIX = '_INBOX_RELAY';

/** Header the relay adds: the address the callback came from (the counter records it). */
export const FROM_HEADER = 'Counter-Relay-From';

/** A hosted redirect's token: 128 random bits, base64url. */
export const REDIRECT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** The subject a counter publishes one hosted redirect under (the relay reads exactly this). */
export function redirectSubject({ store, counter }: CounterAddress, token: string): string {
  return `redirects.${store}.${counter}.${token}`;
}

/** The path the customer's phone opens for a hosted redirect of a counter. */
export function redirectPath({ store, counter }: CounterAddress, token: string): string {
  return `/r/${store}/${counter}/${token}`;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Whether a hosted page may post its form to `text`: https only (plain http only to this
 * machine, a local sandbox), so nobody on the way can read or change what the phone posts.
 */
export function isRedirectTarget(text: string): boolean {
  try {
    const url = new URL(text);
    return (
      url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
    );
  } catch {
    return false;
  }
}

/** Longest a hosted redirect page lives (the stream forgets it after this too). */
export const MAX_REDIRECT_LIFETIME_MS = 60 * 60 * 1000;

/**
 * A redirect form as the counter publishes it: where the phone must POST, the fields, and when
 * the page stops working. Fields keep Gate's order.
 */
export const hostedRedirectSchema = z
  .object({
    url: z.string().max(2048).refine(isRedirectTarget, 'an https URL'),
    fields: z.array(z.tuple([z.string().max(256), z.string().max(64 * 1024)])).max(200),
    expiresAt: z.number().int().positive(),
  })
  .strict();
export type HostedRedirect = z.infer<typeof hostedRedirectSchema>;
