import type { RefundState } from '../journal/refund-journal';
import { decideRequest, isRequestEvent, type RequestEvent } from './request-phase';
import { forbidden, ignore, move, type Decision } from './state-change';

/** What can happen to a refund: the sale's events that have no customer in them. */
export type RefundEvent =
  | RequestEvent
  | {
      readonly type: 'final';
      readonly outcome: 'success' | 'decline';
      readonly code: string;
      readonly message: string;
    }
  | { readonly type: 'still_processing' };

/**
 * The refund state machine, pure: as the sale's, Gate's signed word wins over what the counter
 * concluded by itself (a refund written off as never arrived still succeeds when Gate says it
 * was made), and Gate contradicting itself is refused.
 */
export function decideRefund(state: RefundState, event: RefundEvent): Decision<RefundState> {
  if (isRequestEvent(event)) return decideRequest<RefundState>(state, event);
  switch (event.type) {
    case 'still_processing':
      if (state === 'created' || state === 'unknown' || state === 'rejected')
        return move('requested');
      return ignore(`Gate is still processing; already ${state}`);
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
      // Gate's word that money went back outweighs its earlier decline; money given back cannot
      // be taken back.
      if (state === 'declined') return move('succeeded');
      return forbidden(`Gate declined a refund it reported made`);
    }
  }
}
