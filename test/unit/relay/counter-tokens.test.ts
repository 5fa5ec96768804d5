import { describe, expect, it } from 'vitest';
import { RELAY_TOKEN_PATTERN } from '../../../src/protocol/relay-wire';
import {
  counterToken,
  CounterTokens,
  newRelayKey,
  relayKeyProblem,
} from '../../../src/relay/counter-tokens';

const KEY = 'k'.repeat(40);
const OTHER = 'o'.repeat(40);
const S1C1 = { store: 'S1', counter: 'C1' };

describe("a counter's callback token", () => {
  it('is at least 128 bits, the same on every relay with the key, and different per counter', () => {
    const token = counterToken(KEY, S1C1);
    expect(token).toMatch(RELAY_TOKEN_PATTERN);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(counterToken(KEY, S1C1)).toBe(token);
    expect(counterToken(KEY, { store: 'S1', counter: 'C2' })).not.toBe(token);
    expect(counterToken(OTHER, S1C1)).not.toBe(token);
    // "S1-C" + "1" and "S1" + "C-1" are two counters, not one.
    expect(counterToken(KEY, { store: 'S1-C', counter: '1' })).not.toBe(
      counterToken(KEY, { store: 'S1', counter: 'C-1' }),
    );
  });

  it('is accepted only for its own counter, under the current or the previous key', () => {
    const tokens = new CounterTokens(KEY);
    expect(tokens.accepts(S1C1, tokens.tokenOf(S1C1))).toBe(true);
    expect(tokens.accepts({ store: 'S1', counter: 'C2' }, tokens.tokenOf(S1C1))).toBe(false);
    expect(tokens.accepts(S1C1, '')).toBe(false);
    expect(tokens.accepts(S1C1, tokens.tokenOf(S1C1).slice(0, -1))).toBe(false);
    expect(tokens.accepts(S1C1, counterToken(OTHER, S1C1))).toBe(false);

    const changing = new CounterTokens(OTHER, KEY);
    expect(changing.accepts(S1C1, counterToken(KEY, S1C1))).toBe(true);
    expect(changing.accepts(S1C1, counterToken(OTHER, S1C1))).toBe(true);
    expect(changing.tokenOf(S1C1)).toBe(counterToken(OTHER, S1C1));
  });

  it('needs a key of at least 32 characters from the environment, and says how to make one', () => {
    expect(relayKeyProblem(undefined, 'RELAY_KEY')).toMatch(/RELAY_KEY is not set.*relay new-key/);
    expect(relayKeyProblem('short', 'RELAY_KEY')).toMatch(/at least 32 characters/);
    expect(relayKeyProblem(`${'a'.repeat(20)} ${'b'.repeat(20)}`, 'RELAY_KEY')).toMatch(
      /no spaces/,
    );
    expect(relayKeyProblem(newRelayKey(), 'RELAY_KEY')).toBeUndefined();
    expect(newRelayKey()).not.toBe(newRelayKey());
  });
});
