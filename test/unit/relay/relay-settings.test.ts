import { describe, expect, it } from 'vitest';
import { parseRelayCallbackUrl } from '../../../src/protocol/relay-wire';
import {
  hostedRedirectUrl,
  relayAddress,
  relayBaseUrl,
  relaySettingsProblems,
} from '../../../src/main/relay/relay-settings';
import { english } from '../../../src/main/i18n/wording';

/** The relay fields' problems as `field: words in English`. */
const wordsOf = (problems: ReturnType<typeof relaySettingsProblems>) =>
  problems.map((p) => ({ field: p.field, message: english(p.said) }));

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';
const fields = (relayCallbackUrl: string, relayNatsUrls = ['tls://nats.example.com:4222']) => ({
  relayNatsUrls,
  relayCallbackUrl,
  relayCaCertificate: '',
});

describe("a counter's relay settings", () => {
  it('take the whole callback URL and find the address, the relay and the token in it', () => {
    const url = `https://relay.example.com/cb/S1/C1/${TOKEN}`;
    expect(parseRelayCallbackUrl(url)).toEqual({
      base: 'https://relay.example.com',
      address: { store: 'S1', counter: 'C1' },
      token: TOKEN,
    });
    // A relay behind a path prefix keeps it for its other pages.
    const prefixed = fields(`https://example.com/relay/cb/S1/C1/${TOKEN}`);
    expect(relayBaseUrl(prefixed)).toBe('https://example.com/relay');
    expect(hostedRedirectUrl(prefixed, 'r'.repeat(22))).toBe(
      `https://example.com/relay/r/S1/C1/${'r'.repeat(22)}`,
    );
    expect(relayAddress(fields(url))).toEqual({ store: 'S1', counter: 'C1' });
  });

  it('refuse a URL without a token, and an http one to another machine, in words', () => {
    expect(
      wordsOf(relaySettingsProblems(fields('https://relay.example.com/cb/S1/C1'))),
    ).toContainEqual({
      field: 'relayCallbackUrl',
      message: expect.stringMatching(/Paste the whole address the relay's operator gave/),
    });
    expect(
      parseRelayCallbackUrl(`https://relay.example.com/cb/S1/C1/${TOKEN}?x=1`),
    ).toBeUndefined();
    expect(relaySettingsProblems(fields(`https://relay.example.com/cb/S1/C1/${TOKEN}`))).toEqual(
      [],
    );
  });

  it('refuse a half-filled relay, plain nats:// to another machine, and mixed schemes', () => {
    expect(
      wordsOf(relaySettingsProblems(fields('', ['tls://a.example:4222'])))[0]?.message,
    ).toMatch(/Fill in both/);
    const url = `https://relay.example.com/cb/S1/C1/${TOKEN}`;
    expect(
      wordsOf(relaySettingsProblems(fields(url, ['nats://10.0.0.5:4222'])))[0]?.message,
    ).toMatch(/Use tls:\/\/ for 10.0.0.5:4222/);
    expect(
      wordsOf(
        relaySettingsProblems(fields(url, ['tls://a.example:4222', 'nats://127.0.0.1:4222'])),
      ),
    ).toContainEqual({
      field: 'relayNatsUrls',
      message: expect.stringMatching(/for every server/),
    });
  });
});
