import { describe, expect, it } from 'vitest';
import {
  findingText,
  gateFinding,
  proxyFromEnvironment,
  transportFinding,
} from '../../../src/main/gate/connection-findings';

const context = { host: 'api.ecommpay.com', timeoutMs: 10_000 };

/**
 * The words of failures that cannot be produced on loopback (DNS, unreachable networks, a
 * proxy set for the PC); refused connections, timeouts, TLS and HTTP answers are produced for
 * real in test/integration/connection-test.test.ts.
 */
describe('connection findings', () => {
  it.each(['ENOTFOUND', 'EAI_AGAIN'])('names a DNS failure (%s)', (code) => {
    expect(
      gateFinding({ ok: false, error: { kind: 'network', message: 'x', code } }, 42, context),
    ).toEqual({
      ok: false,
      kind: 'dns',
      said: {
        id: 'settings.test.finding.dns',
        values: { target: 'gate', host: 'api.ecommpay.com' },
      },
      detail: code,
    });
  });

  it.each(['CERT_HAS_EXPIRED', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_SSL_WRONG_VERSION_NUMBER'])(
    'names a TLS failure (%s)',
    (code) => {
      expect(
        gateFinding({ ok: false, error: { kind: 'network', message: 'x', code } }, 42, context)
          .kind,
      ).toBe('tls');
    },
  );

  it('names a network that cannot reach Gate, and a proxy the PC has set', () => {
    expect(
      findingText(
        transportFinding({ kind: 'network', message: 'x', code: 'ENETUNREACH' }, context, 'gate'),
      ),
    ).toBe('api.ecommpay.com cannot be reached from this computer. (ENETUNREACH)');
    const viaProxy = transportFinding(
      { kind: 'timeout', message: 'x' },
      { ...context, proxy: 'http://proxy.shop:3128' },
      'gate',
    );
    expect(viaProxy.kind).toBe('proxy');
    expect(findingText(viaProxy)).toBe(
      'ecommpay (api.ecommpay.com) did not answer within 10 seconds. This computer has a proxy set (http://proxy.shop:3128); the counter does not use it, so the network must let it reach api.ecommpay.com directly. (x)',
    );
  });

  it('a 5xx from Gate is its own trouble, not the setup', () => {
    expect(
      findingText(
        gateFinding(
          { ok: false, error: { kind: 'unknown_outcome', message: 'x', httpStatus: 503 } },
          42,
          context,
        ),
      ),
    ).toBe('ecommpay has trouble of its own right now. Try again in a few minutes. (HTTP 503)');
  });

  it('reads the proxy from the usual variables', () => {
    expect(proxyFromEnvironment({ HTTPS_PROXY: 'http://a:1' })).toBe('http://a:1');
    expect(proxyFromEnvironment({ http_proxy: 'http://b:2' })).toBe('http://b:2');
    expect(proxyFromEnvironment({})).toBeUndefined();
    // Credentials in the proxy's address never reach a finding (shown and journaled).
    expect(proxyFromEnvironment({ HTTPS_PROXY: 'http://shop:s3cret@proxy.lan:3128' })).toBe(
      'http://proxy.lan:3128',
    );
    expect(proxyFromEnvironment({ HTTP_PROXY: 'shop:s3cret@proxy.lan:3128/' })).toBe(
      'proxy.lan:3128/',
    );
  });
});
