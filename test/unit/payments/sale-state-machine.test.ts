import { describe, expect, it } from 'vitest';
import { PAYMENT_STATES, type PaymentState } from '../../../src/shared/payment-state';
import { decide, type SaleEvent } from '../../../src/main/payments/sale-state-machine';

const EVENTS: Record<string, SaleEvent> = {
  acknowledged: { type: 'acknowledged', requestId: 'r' },
  rejected: { type: 'rejected', code: '3261', message: 'Invalid signature' },
  outcome_unknown: { type: 'outcome_unknown', reason: 'timeout' },
  customer_instructions: {
    type: 'customer_instructions',
    qr: { kind: 'text', text: 'x' },
    qrExpiresAt: 1,
    firstQr: true,
  },
  /** The same callback replayed: the payment had its QR already. */
  repeated_qr: {
    type: 'customer_instructions',
    qr: { kind: 'text', text: 'x' },
    qrExpiresAt: 1,
    firstQr: false,
  },
  success: { type: 'final', outcome: 'success', code: '0', message: 'Success' },
  decline: {
    type: 'final',
    outcome: 'decline',
    code: '20105',
    message: 'Insufficient funds on customer account',
  },
  still_processing: { type: 'still_processing' },
  not_found_early: { type: 'not_found', conclusive: false },
  not_found_late: { type: 'not_found', conclusive: true },
  link_expired: { type: 'link_expired' },
};

/**
 * The whole table: for every state and every event, where the sale goes (a state), or
 * "-" (nothing to do), or "!" (a contradiction: refused and audited).
 */
const TABLE: Record<PaymentState, Record<keyof typeof EVENTS, string>> = {
  expired: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    customer_instructions: '-',
    repeated_qr: '-',
    success: 'succeeded',
    decline: 'declined',
    still_processing: 'requested',
    not_found_early: '-',
    not_found_late: '-',
    link_expired: '-',
  },
  created: {
    acknowledged: 'requested',
    rejected: 'rejected',
    outcome_unknown: 'unknown',
    customer_instructions: 'awaiting_customer',
    repeated_qr: 'awaiting_customer',
    success: 'succeeded',
    decline: 'declined',
    still_processing: 'requested',
    not_found_early: '-',
    not_found_late: 'rejected',
    link_expired: 'expired',
  },
  requested: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    customer_instructions: 'awaiting_customer',
    repeated_qr: 'awaiting_customer',
    success: 'succeeded',
    decline: 'declined',
    still_processing: '-',
    not_found_early: '-',
    not_found_late: '-',
    link_expired: 'expired',
  },
  awaiting_customer: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    customer_instructions: '-',
    repeated_qr: '-',
    success: 'succeeded',
    decline: 'declined',
    still_processing: '-',
    not_found_early: '-',
    not_found_late: '-',
    link_expired: 'expired',
  },
  unknown: {
    acknowledged: 'requested',
    rejected: '!',
    outcome_unknown: '-',
    customer_instructions: 'awaiting_customer',
    repeated_qr: 'awaiting_customer',
    success: 'succeeded',
    decline: 'declined',
    still_processing: 'requested',
    not_found_early: '-',
    not_found_late: 'rejected',
    link_expired: 'expired',
  },
  rejected: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    customer_instructions: 'awaiting_customer',
    repeated_qr: '-',
    success: 'succeeded',
    decline: 'declined',
    still_processing: 'requested',
    not_found_early: '-',
    not_found_late: '-',
    link_expired: '-',
  },
  succeeded: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    customer_instructions: '-',
    repeated_qr: '-',
    success: '-',
    decline: '!',
    still_processing: '-',
    not_found_early: '-',
    not_found_late: '-',
    link_expired: '-',
  },
  declined: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    customer_instructions: '-',
    repeated_qr: '-',
    success: 'succeeded',
    decline: '-',
    still_processing: '-',
    not_found_early: '-',
    not_found_late: '-',
    link_expired: '-',
  },
  partially_refunded: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    customer_instructions: '-',
    repeated_qr: '-',
    success: '-',
    decline: '!',
    still_processing: '-',
    not_found_early: '-',
    not_found_late: '-',
    link_expired: '-',
  },
  refunded: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    customer_instructions: '-',
    repeated_qr: '-',
    success: '-',
    decline: '!',
    still_processing: '-',
    not_found_early: '-',
    not_found_late: '-',
    link_expired: '-',
  },
};

describe('sale state machine: every state × every event', () => {
  it('covers every state', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...PAYMENT_STATES].sort());
  });

  for (const state of PAYMENT_STATES) {
    for (const [name, event] of Object.entries(EVENTS)) {
      const expected = TABLE[state][name as keyof typeof EVENTS];
      it(`${state} + ${name} → ${expected}`, () => {
        const decision = decide(state, event);
        if (expected === '-') expect(decision.kind).toBe('ignore');
        else if (expected === '!') expect(decision.kind).toBe('forbidden');
        else expect(decision).toEqual({ kind: 'move', to: expected });
      });
    }
  }

  it('never moves a paid payment back, whatever arrives', () => {
    for (const state of ['succeeded', 'partially_refunded', 'refunded'] as const) {
      for (const event of Object.values(EVENTS)) {
        const decision = decide(state, event);
        expect(decision.kind === 'move' ? decision.to : state).toBe(state);
      }
    }
  });
});
