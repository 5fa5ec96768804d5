import { OPEN_STATES, type PaymentState } from '../../shared/payment-state';
import type { QrView } from '../../shared/ipc/views';
import { decideRequest, isRequestEvent, type RequestEvent } from './request-phase';
import { forbidden, ignore, move, type Decision as StateDecision } from './state-change';

/** What can happen to a sale, from Gate's answers or from what we learn by ourselves. */
export type SaleEvent =
  | RequestEvent
  /** The intermediate callback (or a status answer repeating it): the QR to show. */
  | {
      readonly type: 'customer_instructions';
      readonly qr: QrView;
      readonly qrExpiresAt: number | null;
      /** The payment never had a QR: not a repeat of one already shown. */
      readonly firstQr: boolean;
    }
  /** Gate's final word (callback or status). */
  | {
      readonly type: 'final';
      readonly outcome: 'success' | 'decline';
      readonly code: string;
      readonly message: string;
    }
  /** A status answer: Gate has the payment and it is still in progress. */
  | { readonly type: 'still_processing' }
  /** A Payment Page link's lifetime ended with no payment at Gate. */
  | { readonly type: 'link_expired' };

type Decision = StateDecision<PaymentState>;

/** Gate may answer "not found" shortly after a sale (it asks for 10 s); after this, we believe it. */
export const DEFAULT_NOT_FOUND_GRACE_MS = 60_000;

/**
 * The sale state machine, as a pure function. Gate's signed word wins over our own
 * inferences: a payment we marked `rejected` (no record at Gate, or unreachable) still becomes
 * `succeeded` when Gate says it was paid. Gate contradicting itself is refused and audited.
 */
export function decide(state: PaymentState, event: SaleEvent): Decision {
  if (isRequestEvent(event)) return decideRequest<PaymentState>(state, event);
  switch (event.type) {
    case 'customer_instructions':
      if (state === 'created' || state === 'requested' || state === 'unknown')
        return move('awaiting_customer');
      // A sale the counter only concluded was rejected (no answer, then "not found") reopens
      // when its first QR arrives late; a QR repeated (a replayed callback) never reopens a
      // payment that has ended.
      if (state === 'rejected' && event.firstQr) return move('awaiting_customer');
      if (state === 'rejected') return ignore('already rejected: a repeated QR does not reopen it');
      return ignore(state === 'awaiting_customer' ? 'QR already shown' : `already ${state}`);
    case 'final':
      return decideFinal(state, event.outcome);
    case 'link_expired':
      if (OPEN_STATES.includes(state)) return move('expired');
      return ignore(`already ${state}`);
    case 'still_processing':
      if (state === 'created' || state === 'unknown' || state === 'rejected' || state === 'expired')
        return move('requested');
      return ignore(`Gate is still processing; already ${state}`);
  }
}

function decideFinal(state: PaymentState, outcome: 'success' | 'decline'): Decision {
  const to: PaymentState = outcome === 'success' ? 'succeeded' : 'declined';
  switch (state) {
    case 'created':
    case 'requested':
    case 'awaiting_customer':
    case 'unknown':
    case 'rejected':
    case 'expired':
      return move(to);
    case 'succeeded':
    case 'partially_refunded':
    case 'refunded':
      return outcome === 'success'
        ? ignore('already paid')
        : forbidden('Gate declined a payment it reported paid');
    case 'declined':
      // Gate's word that money moved outweighs its earlier decline: the payment is paid, and
      // (as it had ended unpaid) the late-payment alert puts it in front of the cashier.
      return outcome === 'decline' ? ignore('already declined') : move('succeeded');
  }
}
