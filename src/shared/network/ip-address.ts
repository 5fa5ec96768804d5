/**
 * IP addresses as a counter's settings and the Gate sandbox check them: parsed strictly (no
 * leading zeros, no zone ids) into bytes, then classified, so that a typo, a LAN address or this
 * machine's own address is refused with a sentence saying what it is.
 */

/** What kind of address it is; only `public` is the store's address on the internet. */
export type AddressKind =
  | 'public'
  | 'loopback'
  | 'unspecified'
  | 'private'
  | 'link-local'
  | 'shared'
  | 'documentation'
  | 'benchmark'
  | 'multicast'
  | 'reserved';

/** A parsed address: 4 bytes (IPv4) or 16 bytes (IPv6). */
export interface IpAddress {
  readonly version: 4 | 6;
  readonly bytes: readonly number[];
}

/** Parses a dotted-quad IPv4 address; undefined when it is not one. */
export function parseIpv4(text: string): IpAddress | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return { version: 4, bytes };
}

/** Parses an IPv6 address (with `::` and an embedded IPv4 tail); undefined when it is not one. */
export function parseIpv6(text: string): IpAddress | undefined {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || text.length > 45) return undefined;
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (half: string): number[] | undefined => {
    if (half === '') return [];
    const words: number[] = [];
    const pieces = half.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIpv4(piece);
        if (!v4) return undefined;
        words.push((v4.bytes[0]! << 8) | v4.bytes[1]!, (v4.bytes[2]! << 8) | v4.bytes[3]!);
      } else if (/^[0-9A-Fa-f]{1,4}$/.test(piece)) words.push(parseInt(piece, 16));
      else return undefined;
    }
    return words;
  };
  const head = groupsOf(halves[0]!);
  const tail = halves.length === 2 ? groupsOf(halves[1]!) : [];
  if (!head || !tail) return undefined;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const words = [...head, ...new Array<number>(missing).fill(0), ...tail];
  return { version: 6, bytes: words.flatMap((w) => [w >> 8, w & 0xff]) };
}

/** Parses an IPv4 or IPv6 address (IPv6 may come in brackets); undefined when it is neither. */
export function parseIp(text: string): IpAddress | undefined {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, '$1');
  return parseIpv4(trimmed) ?? parseIpv6(trimmed);
}

const inV4 = (b: readonly number[], prefix: readonly number[], bits: number): boolean => {
  for (let bit = 0; bit < bits; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((b[byte]! & mask) !== (prefix[byte]! & mask)) return false;
  }
  return true;
};

const V4_RANGES: ReadonlyArray<readonly [readonly number[], number, AddressKind]> = [
  [[0, 0, 0, 0], 8, 'unspecified'],
  [[10, 0, 0, 0], 8, 'private'],
  [[100, 64, 0, 0], 10, 'shared'],
  [[127, 0, 0, 0], 8, 'loopback'],
  [[169, 254, 0, 0], 16, 'link-local'],
  [[172, 16, 0, 0], 12, 'private'],
  [[192, 0, 0, 0], 24, 'reserved'],
  [[192, 0, 2, 0], 24, 'documentation'],
  [[192, 168, 0, 0], 16, 'private'],
  [[198, 18, 0, 0], 15, 'benchmark'],
  [[198, 51, 100, 0], 24, 'documentation'],
  [[203, 0, 113, 0], 24, 'documentation'],
  [[224, 0, 0, 0], 4, 'multicast'],
  [[240, 0, 0, 0], 4, 'reserved'],
];

const V6_RANGES: ReadonlyArray<readonly [readonly number[], number, AddressKind]> = [
  [[0xfc], 7, 'private'],
  [[0xfe, 0x80], 10, 'link-local'],
  [[0x20, 0x01, 0x0d, 0xb8], 32, 'documentation'],
  [[0xff], 8, 'multicast'],
];

/** What kind of address this is (RFC 6890's special-purpose registries, the common entries). */
export function addressKind(address: IpAddress): AddressKind {
  const b = address.bytes;
  if (address.version === 4) {
    for (const [prefix, bits, kind] of V4_RANGES) if (inV4(b, prefix, bits)) return kind;
    return 'public';
  }
  const zeroUpTo = (n: number) => b.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(15) && b[15] === 1) return 'loopback';
  if (zeroUpTo(16)) return 'unspecified';
  // ::ffff:a.b.c.d is an IPv4 address written as IPv6.
  if (zeroUpTo(10) && b[10] === 0xff && b[11] === 0xff)
    return addressKind({ version: 4, bytes: b.slice(12) });
  for (const [prefix, bits, kind] of V6_RANGES) if (inV4(b, prefix, bits)) return kind;
  return 'public';
}

const KIND_WORDS: Record<Exclude<AddressKind, 'public'>, string> = {
  loopback: "this computer's own (loopback) address",
  unspecified: 'the unspecified address',
  private: 'a private (LAN) address',
  'link-local': 'a link-local address',
  shared: "a carrier's shared (CGNAT) address",
  documentation: 'an address reserved for documentation',
  benchmark: 'an address reserved for network tests',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
};

/**
 * Why `text` cannot be the store's public IP address, or undefined when it can: it must be an
 * IPv4 or IPv6 address on the public internet (what "what is my IP" shows on a PC in the store).
 */
export function publicIpProblem(text: string): string | undefined {
  const address = parseIp(text);
  if (!address) return `"${text}" is not an IPv4 or IPv6 address.`;
  const kind = addressKind(address);
  if (kind === 'public') return undefined;
  return `${text} is ${KIND_WORDS[kind]}, not the store's public address: enter what "what is my IP" shows on a PC in the store.`;
}
