import type { IncomingMessage, Server } from 'node:http';
import { isIPv6 } from 'node:net';
import { SourceBudget } from '../protocol/source-budget';

/** How the relay tells its callers apart and bounds what each may cost. */
export interface SourceGuardOptions {
  /** Most connections one source may hold open (not counted behind a load balancer). */
  readonly maxConnectionsPerSource: number;
  /** Requests that fail the token check one source may make per minute before 429. */
  readonly failuresPerMinute?: number;
  /** The header a trusted load balancer puts the caller's address in (lower case). */
  readonly trustedProxyHeader?: string;
  readonly now?: () => number;
}

/**
 * The relay's per-source limits. A source is an IPv4 address or an IPv6 /64 (one host can hold
 * a whole /64, so single IPv6 addresses would be free to spend). Callers with a valid token are
 * never limited here: Gate delivers from a few addresses, and its callbacks must always get in.
 */
export class SourceGuard {
  private readonly failures: SourceBudget;
  private readonly open = new Map<string, number>();

  constructor(private readonly options: SourceGuardOptions) {
    this.failures = new SourceBudget(options.failuresPerMinute ?? 30, 10_000, options.now);
  }

  /**
   * Caps the connections each source holds open: one beyond the cap is closed at once. Behind
   * a load balancer every connection comes from the balancer, so the cap is its job there.
   */
  watch(server: Server): void {
    if (this.options.trustedProxyHeader !== undefined) return;
    server.on('connection', (socket) => {
      const source = sourceKey(socket.remoteAddress ?? '');
      const count = (this.open.get(source) ?? 0) + 1;
      if (count > this.options.maxConnectionsPerSource) {
        socket.destroy();
        return;
      }
      this.open.set(source, count);
      socket.once('close', () => {
        const left = (this.open.get(source) ?? 1) - 1;
        if (left <= 0) this.open.delete(source);
        else this.open.set(source, left);
      });
    });
  }

  /** The caller's address: the socket's, or the last one the trusted balancer wrote. */
  sourceOf(req: IncomingMessage): string {
    const header = this.options.trustedProxyHeader;
    if (header !== undefined) {
      const value = req.headers[header];
      const text = Array.isArray(value) ? value[value.length - 1] : value;
      const last = text?.split(',').pop()?.trim();
      if (last) return last;
    }
    return req.socket.remoteAddress ?? 'unknown';
  }

  /** Counts a failed token check; true when the source has used up its minute (answer 429). */
  failed(source: string): boolean {
    return !this.failures.take(sourceKey(source));
  }
}

/** The unit a limit applies to: the IPv4 address, or the /64 of an IPv6 one. */
export function sourceKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.toLowerCase().split('::');
  const left = head === '' ? [] : head.split(':');
  const right = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::')
    ? [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}
