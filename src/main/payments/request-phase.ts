import type { Decision } from './state-change';

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

/** The states a request's answer moves it to. */
type RequestState = 'requested' | 'unknown' | 'rejected';

/** Decides a request event on a state of any of the two machines. */
export function decideRequest<S extends string>(
  state: S | RequestState | 'created',
  event: RequestEvent,
): Decision<S | RequestState> {
  const move = (to: RequestState): Decision<S | RequestState> => ({ kind: 'move', to });
  const ignore = (reason: string): Decision<S | RequestState> => ({ kind: 'ignore', reason });
  const waiting = state === 'created' || state === 'unknown';
  switch (event.type) {
    case 'acknowledged':
      return waiting ? move('requested') : ignore(`already ${state}`);
    case 'rejected':
      return state === 'created'
        ? move('rejected')
        : { kind: 'forbidden', reason: `a rejection cannot follow ${state}` };
    case 'outcome_unknown':
      // A callback may beat a slow answer: then Gate already told us more than "unknown".
      return state === 'created' ? move('unknown') : ignore(`Gate already answered (${state})`);
    case 'not_found':
      if (waiting && event.conclusive) return move('rejected');
      return ignore(waiting ? 'too early to conclude' : `Gate acknowledged it; ${state}`);
  }
}
