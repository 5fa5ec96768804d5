import { describe, expect, it } from 'vitest';
import type { IncomingMessage } from 'node:http';
import { SourceGuard, sourceKey } from '../../../src/relay/source-guard';

const request = (remoteAddress: string, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress }, headers }) as unknown as IncomingMessage;

describe("the relay's per-source limits", () => {
  it('answers 429 once a source failed the token check too often in a minute, then forgives', () => {
    let now = 0;
    const guard = new SourceGuard({
      maxConnectionsPerSource: 8,
      failuresPerMinute: 3,
      now: () => now,
    });
    expect([1, 2, 3].map(() => guard.failed('203.0.113.5'))).toEqual([false, false, false]);
    expect(guard.failed('203.0.113.5')).toBe(true);
    expect(guard.failed('203.0.113.6')).toBe(false);
    now += 60_000;
    expect(guard.failed('203.0.113.5')).toBe(false);
  });

  it('counts an IPv6 source by its /64, which one host can hold whole', () => {
    expect(sourceKey('2001:db8:1:2:aaaa::1')).toBe(sourceKey('2001:db8:1:2:bbbb::9'));
    expect(sourceKey('2001:db8:1:2::1')).not.toBe(sourceKey('2001:db8:1:3::1'));
    expect(sourceKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(sourceKey('192.0.2.7')).toBe('192.0.2.7');
    const guard = new SourceGuard({ maxConnectionsPerSource: 8, failuresPerMinute: 2 });
    guard.failed('2001:db8::1');
    guard.failed('2001:db8::2');
    expect(guard.failed('2001:db8::3')).toBe(true);
  });

  it('behind a trusted load balancer, the source is the last address the balancer wrote', () => {
    const guard = new SourceGuard({
      maxConnectionsPerSource: 8,
      trustedProxyHeader: 'x-forwarded-for',
    });
    expect(
      guard.sourceOf(request('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 198.51.100.4' })),
    ).toBe('198.51.100.4');
    expect(guard.sourceOf(request('10.0.0.2'))).toBe('10.0.0.2');
    const direct = new SourceGuard({ maxConnectionsPerSource: 8 });
    expect(direct.sourceOf(request('10.0.0.2', { 'x-forwarded-for': '6.6.6.6' }))).toBe('10.0.0.2');
  });
});
