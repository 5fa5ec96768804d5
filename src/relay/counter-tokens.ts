import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { RELAY_TOKEN_PATTERN, type CounterAddress } from '../protocol/relay-wire';

/** Shortest relay key accepted: a key is typed once into the relay's environment, never by hand at a till. */
export const MIN_RELAY_KEY_LENGTH = 32;

/** Bytes of HMAC kept as a token: 192 bits, 32 characters of base64url. */
const TOKEN_BYTES = 24;

/** A relay key as read from the environment, or why it cannot be used. */
export function relayKeyProblem(key: string | undefined, name: string): string | undefined {
  if (key === undefined || key === '')
    return `${name} is not set: the relay needs its key in the environment (make one with: alipay-counter relay new-key)`;
  if (key.length < MIN_RELAY_KEY_LENGTH || /\s/.test(key))
    return `${name} must be at least ${MIN_RELAY_KEY_LENGTH} characters with no spaces (make one with: alipay-counter relay new-key)`;
  return undefined;
}

/** A fresh relay key: 256 random bits, base64url. */
export function newRelayKey(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * A counter's callback token: an HMAC of its address under the relay key, so any relay with the
 * same key accepts it (relays stay stateless behind a load balancer) and nobody without the key
 * can guess it.
 */
export function counterToken(key: string, address: CounterAddress): string {
  return createHmac('sha256', key)
    .update(`alipay-counter callback path\n${address.store}/${address.counter}`)
    .digest()
    .subarray(0, TOKEN_BYTES)
    .toString('base64url');
}

/**
 * The relay's keys: the current one, and during a change of key the previous one, whose tokens
 * keep working until every counter has its new callback URL.
 */
export class CounterTokens {
  private readonly keys: readonly string[];

  constructor(current: string, previous?: string) {
    this.keys = previous ? [current, previous] : [current];
  }

  /** The callback token of a counter under the current key. */
  tokenOf(address: CounterAddress): string {
    return counterToken(this.keys[0]!, address);
  }

  /**
   * Whether `token` is the counter's under any key. Every key is tried and compared in constant
   * time, whatever the outcome, so the answer's timing tells nothing about the token.
   */
  accepts(address: CounterAddress, token: string): boolean {
    const given = Buffer.from(RELAY_TOKEN_PATTERN.test(token) ? token : '', 'utf8');
    let match = false;
    for (const key of this.keys) {
      const expected = Buffer.from(counterToken(key, address), 'utf8');
      const same =
        given.length === expected.length
          ? timingSafeEqual(given, expected)
          : timingSafeEqual(expected, expected) && false;
      match = same || match;
    }
    return match;
  }
}
