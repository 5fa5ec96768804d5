import { describe, expect, it } from 'vitest';
import { REFUND_STATES, type RefundState } from '../../../src/main/journal/refund-journal';
import { decideRefund, type RefundEvent } from '../../../src/main/payments/refund-state-machine';

const EVENTS: Record<string, RefundEvent> = {
  acknowledged: { type: 'acknowledged', requestId: 'r-1' },
  rejected: { type: 'rejected', code: '3283', message: 'Refund amount exceeds' },
  outcome_unknown: { type: 'outcome_unknown', reason: 'timeout' },
  success: { type: 'final', outcome: 'success', code: '0', message: 'Success' },
  decline: { type: 'final', outcome: 'decline', code: '20105', message: 'Declined' },
  still_processing: { type: 'still_processing' },
  not_found_early: { type: 'not_found', conclusive: false },
  not_found_late: { type: 'not_found', conclusive: true },
};

/**
 * Every refund state against every event: the state it moves to, "-" (nothing to do) or "!"
 * (a contradiction from Gate: refused and audited). Gate's word that a refund was made or
 * refused wins over what the counter concluded by itself (unknown, rejected), and its word
 * that money went back wins over its own earlier decline; money given back is never taken back.
 */
const TABLE: Record<RefundState, Record<keyof typeof EVENTS, string>> = {
  created: {
    acknowledged: 'requested',
    rejected: 'rejected',
    outcome_unknown: 'unknown',
    success: 'succeeded',
    decline: 'declined',
    still_processing: 'requested',
    not_found_early: '-',
    not_found_late: 'rejected',
  },
  requested: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    success: 'succeeded',
    decline: 'declined',
    still_processing: '-',
    not_found_early: '-',
    not_found_late: '-',
  },
  unknown: {
    acknowledged: 'requested',
    rejected: '!',
    outcome_unknown: '-',
    success: 'succeeded',
    decline: 'declined',
    still_processing: 'requested',
    not_found_early: '-',
    not_found_late: 'rejected',
  },
  rejected: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    success: 'succeeded',
    decline: 'declined',
    still_processing: 'requested',
    not_found_early: '-',
    not_found_late: '-',
  },
  succeeded: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    success: '-',
    decline: '!',
    still_processing: '-',
    not_found_early: '-',
    not_found_late: '-',
  },
  declined: {
    acknowledged: '-',
    rejected: '!',
    outcome_unknown: '-',
    success: 'succeeded',
    decline: '-',
    still_processing: '-',
    not_found_early: '-',
    not_found_late: '-',
  },
};

function symbol(state: RefundState, event: RefundEvent): string {
  const decision = decideRefund(state, event);
  if (decision.kind === 'move') return decision.to;
  return decision.kind === 'ignore' ? '-' : '!';
}

describe('the refund state machine', () => {
  it('covers every refund state', () => {
    expect(Object.keys(TABLE).sort()).toEqual([...REFUND_STATES].sort());
  });

  for (const state of REFUND_STATES)
    for (const [name, event] of Object.entries(EVENTS))
      it(`${state} + ${name} → ${TABLE[state][name]}`, () => {
        expect(symbol(state, event)).toBe(TABLE[state][name]);
      });

  it('says why it refuses money given back being declined afterwards', () => {
    expect(decideRefund('succeeded', EVENTS['decline']!)).toEqual({
      kind: 'forbidden',
      reason: 'Gate declined a refund it reported made',
    });
  });

  it('tells "too early" from "Gate acknowledged it" when Gate has no such refund', () => {
    expect(decideRefund('unknown', EVENTS['not_found_early']!)).toEqual({
      kind: 'ignore',
      reason: 'too early to conclude',
    });
    expect(decideRefund('requested', EVENTS['not_found_late']!)).toEqual({
      kind: 'ignore',
      reason: 'Gate acknowledged it; requested',
    });
  });
});
