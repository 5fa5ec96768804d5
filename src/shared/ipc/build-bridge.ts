import type { BridgeOf, BridgeTransport } from './api';
import { eventsOf, requestsOf, type BridgeName } from './bridges';

/**
 * Builds a window's bridge from its table: each request method calls its own channel with its
 * argument (the empty object when it takes none), each subscription follows its own event. The
 * preloads and the browser shell use it, so no channel name is written outside the table.
 * Zod-free: the answers go back unchecked, and the renderer parses them (`checked-api.ts`).
 */
export function buildBridge<N extends BridgeName>(
  name: N,
  transport: BridgeTransport,
): BridgeOf<N> {
  const api: Record<string, unknown> = {};
  for (const [method, channel] of requestsOf(name))
    api[method] = (input?: unknown) => transport.invoke(channel, input ?? {});
  for (const [method, event] of eventsOf(name))
    api[method] = (listener: (data: unknown) => void) => transport.subscribe(event, listener);
  // The loops above give each method of the table its function; the compiler cannot follow them.
  return Object.freeze(api) as BridgeOf<N>;
}
