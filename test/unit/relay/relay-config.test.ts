import { describe, expect, it } from 'vitest';
import { parseCounterAddress, parseRelayConfig } from '../../../src/relay/relay-config';

const base = { port: 0, counters: ['S1/C1'] };

describe("the relay's configuration", () => {
  it('refuses plain nats:// to another machine unless told --insecure-broker, and says why', () => {
    expect(() => parseRelayConfig({ ...base, nats: ['nats://10.0.0.5:4222'] })).toThrow(
      /nats: nats:\/\/10\.0\.0\.5:4222 is another machine: use tls:\/\//,
    );
    expect(
      parseRelayConfig({ ...base, nats: ['nats://10.0.0.5:4222'], insecureBroker: true }).nats,
    ).toEqual(['nats://10.0.0.5:4222']);
    expect(parseRelayConfig({ ...base, nats: ['nats://127.0.0.1:4222'] }).insecureBroker).toBe(
      false,
    );
    expect(parseRelayConfig({ ...base, nats: ['tls://nats.example.com:4222'] }).nats).toHaveLength(
      1,
    );
  });

  it('refuses a list that mixes tls:// and nats://', () => {
    expect(() =>
      parseRelayConfig({ ...base, nats: ['tls://a.example:4222', 'nats://127.0.0.1:4222'] }),
    ).toThrow(/tls:\/\/ for every NATS address/);
  });

  it('has bounded streams and per-source limits by default', () => {
    const config = parseRelayConfig({ ...base, nats: ['nats://127.0.0.1:4222'] });
    expect(config.maxPerCounter).toBe(1000);
    expect(config.maxStreamBytes).toBe(1024 ** 3);
    expect(config.maxConnectionsPerSource).toBe(64);
    expect(config.trustedProxyHeader).toBeUndefined();
    expect(() =>
      parseRelayConfig({ ...base, nats: ['nats://127.0.0.1:4222'], trustedProxyHeader: 'X Bad' }),
    ).toThrow(/trustedProxyHeader: a header name/);
  });

  it('reads STORE/COUNTER for the token command', () => {
    expect(parseCounterAddress('S1/C1')).toEqual({ store: 'S1', counter: 'C1' });
    expect(() => parseCounterAddress('S1')).toThrow(/is not STORE\/COUNTER/);
    expect(() => parseCounterAddress('S1/C1/X')).toThrow(/is not STORE\/COUNTER/);
  });
});
