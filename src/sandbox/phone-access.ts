import type http from 'node:http';
import { networkInterfaces } from 'node:os';

/**
 * What a customer's phone may open: the page behind the QR (and its PNG), the Payment Page and
 * the return page. The Gate API and the inspection routes stay on loopback, for the counter.
 */
const PHONE_ROUTES: ReadonlyArray<{ method: string; path: RegExp }> = [
  { method: 'GET', path: /^\/customer\/[0-9a-f]{32}$/ },
  { method: 'POST', path: /^\/customer\/[0-9a-f]{32}$/ },
  { method: 'GET', path: /^\/qr\/[0-9a-f]{32}\.png$/ },
  { method: 'GET', path: /^\/payment$/ },
  { method: 'POST', path: /^\/payment\/(method|pay)$/ },
  { method: 'GET', path: /^\/return$/ },
];

/** True for a route a phone on the network may use. */
export function isPhoneRoute(method: string, path: string): boolean {
  return PHONE_ROUTES.some((route) => route.method === method && route.path.test(path));
}

/** True for 127.x.x.x, ::1 and their IPv4-mapped forms: a request from this machine. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}

/** Whether `host` means every interface rather than one address. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::';
}

/** This machine's IPv4 addresses other than loopback, as a phone on its network would use them. */
export function networkAddresses(): string[] {
  return Object.values(networkInterfaces()).flatMap((addresses) =>
    (addresses ?? []).filter((a) => a.family === 'IPv4' && !a.internal).map((a) => a.address),
  );
}

/** The address phones and browsers should use: the first network address for every interface. */
export function publicHost(host: string): string {
  if (!isWildcard(host)) return host.includes(':') ? `[${host}]` : host;
  return networkAddresses()[0] ?? '127.0.0.1';
}

/** Listens on `host:port`; rejects with the system's error (EADDRNOTAVAIL, EADDRINUSE ...). */
export function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
