import type { RefundState } from '../journal/refund-journal';
import type { Decision } from './state-change';

/** What can happen to a refund: the sale's events that have no customer in them. */
export type RefundEvent =
  | { readonly type: 'acknowledged'; readonly requestId: string }
  | { readonly type: 'rejected'; readonly code: string; readonly message: string }
  | { readonly type: 'outcome_unknown'; readonly reason: string }
  | {
      readonly type: 'final';
      readonly outcome: 'success' | 'decline';
      readonly code: string;
      readonly message: string;
    }
  | { readonly type: 'still_processing' }
  /** Gate lists no such refund; `conclusive` once past the grace period. */
  | { readonly type: 'not_found'; readonly conclusive: boolean };

const move = (to: RefundState): Decision<RefundState> => ({ kind: 'move', to });
const ignore = (reason: string): Decision<RefundState> => ({ kind: 'ignore', reason });
const forbidden = (reason: string): Decision<RefundState> => ({ kind: 'forbidden', reason });

/**
 * The refund state machine, pure: as the sale's, Gate's signed word wins over what the counter
 * concluded by itself (a refund written off as never arrived still succeeds when Gate says it
 * was made), and Gate contradicting itself is refused.
 */
export function decideRefund(state: RefundState, event: RefundEvent): Decision<RefundState> {
  switch (event.type) {
    case 'acknowledged':
      if (state === 'created' || state === 'unknown') return move('requested');
      return ignore(`already ${state}`);
    case 'rejected':
      if (state === 'created') return move('rejected');
      return forbidden(`a rejection cannot follow ${state}`);
    case 'outcome_unknown':
      if (state === 'created') return move('unknown');
      return ignore(`Gate already answered (${state})`);
    case 'still_processing':
      if (state === 'created' || state === 'unknown' || state === 'rejected')
        return move('requested');
      return ignore(`Gate is still processing; already ${state}`);
    case 'not_found':
      if ((state === 'created' || state === 'unknown') && event.conclusive) return move('rejected');
      return ignore(
        state === 'created' || state === 'unknown'
          ? 'too early to conclude'
          : `Gate acknowledged it; ${state}`,
      );
    case 'final': {
      const to: RefundState = event.outcome === 'success' ? 'succeeded' : 'declined';
      if (
        state === 'created' ||
        state === 'requested' ||
        state === 'unknown' ||
        state === 'rejected'
      )
        return move(to);
      if (state === to) return ignore(`already ${state}`);
      // Money given back cannot be taken back, and a refund refused does not happen later.
      return forbidden(`Gate reported the refund ${event.outcome} after ${state}`);
    }
  }
}
