import { forbidden, ignore, move, type Decision } from './state-change';

/**
 * What Gate's answer to a request, or its silence, proves: the part of a sale's or a refund's
 * life before Gate's final word, the same for both.
 */
export type RequestEvent =
  /** Gate acknowledged the request. */
  | { readonly type: 'acknowledged'; readonly requestId: string }
  /** Gate refused it (it did nothing), or it provably never left. */
  | { readonly type: 'rejected'; readonly code: string; readonly message: string }
  /** It may have reached Gate but no answer came (timeout, cut, 5xx, garbage). */
  | { readonly type: 'outcome_unknown'; readonly reason: string }
  /**
   * A status answer: Gate has no such payment or refund. `conclusive` once it is older than the
   * grace period (Gate may say "not found" for a while right after a request).
   */
  | { readonly type: 'not_found'; readonly conclusive: boolean };

const REQUEST_EVENTS: ReadonlySet<string> = new Set<RequestEvent['type']>([
  'acknowledged',
  'rejected',
  'outcome_unknown',
  'not_found',
]);

/** Whether an event is about the request itself, the part of life both machines share. */
export function isRequestEvent(event: { readonly type: string }): event is RequestEvent {
  return REQUEST_EVENTS.has(event.type);
}

/** The states a request's answer moves it to. */
type RequestState = 'requested' | 'unknown' | 'rejected';

/** Decides a request event on a state of any of the two machines. */
export function decideRequest<S extends string>(
  state: S | RequestState | 'created',
  event: RequestEvent,
): Decision<S | RequestState> {
  const waiting = state === 'created' || state === 'unknown';
  switch (event.type) {
    case 'acknowledged':
      return waiting ? move('requested') : ignore(`already ${state}`);
    case 'rejected':
      return state === 'created'
        ? move('rejected')
        : forbidden(`a rejection cannot follow ${state}`);
    case 'outcome_unknown':
      // A callback may beat a slow answer: then Gate already told us more than "unknown".
      return state === 'created' ? move('unknown') : ignore(`Gate already answered (${state})`);
    case 'not_found':
      if (waiting && event.conclusive) return move('rejected');
      return ignore(waiting ? 'too early to conclude' : `Gate acknowledged it; ${state}`);
  }
}
