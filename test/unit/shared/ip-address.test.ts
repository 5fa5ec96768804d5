import { describe, expect, it } from 'vitest';
import { addressKind, parseIp } from '../../../src/shared/network/ip-address';

describe('IP addresses', () => {
  it.each([
    ['8.8.8.8', 4, 'public'],
    ['127.0.0.1', 4, 'loopback'],
    ['172.31.255.255', 4, 'private'],
    ['172.32.0.1', 4, 'public'],
    ['198.19.255.1', 4, 'benchmark'],
    ['224.0.0.1', 4, 'multicast'],
    ['255.255.255.255', 4, 'reserved'],
    ['2001:db8::1', 6, 'documentation'],
    ['2a00:1450::200e', 6, 'public'],
    ['::', 6, 'unspecified'],
    ['::1', 6, 'loopback'],
    ['fd12:3456::1', 6, 'private'],
    ['::ffff:8.8.8.8', 6, 'public'],
    ['[::1]', 6, 'loopback'],
  ])('%s is IPv%i, %s', (text, version, kind) => {
    const address = parseIp(text);
    expect(address?.version).toBe(version);
    expect(addressKind(address!)).toBe(kind);
  });

  it.each([
    '',
    '1.2.3.4.5',
    '1.2.3.256',
    '1.2.3.04',
    'a.b.c.d',
    '1::2::3',
    '12345::',
    ':::',
    'fe80::1%eth0',
  ])('"%s" is not an address', (text) => {
    expect(parseIp(text)).toBeUndefined();
  });
});
