import { describe, expect, it } from 'vitest';
import type { PaymentRecord } from '../../../src/main/journal/payment-record';
import {
  alertOf,
  decideLateAlert,
  type LateAlertEvent,
  type LateAlertState,
} from '../../../src/main/payments/late-alert';

const STATES: readonly LateAlertState[] = ['none', 'open', 'kept', 'refund_requested'];

const refundFailed = (moneyStillTaken: boolean, refundsUnderWay: boolean): LateAlertEvent => ({
  type: 'refund_failed',
  moneyStillTaken,
  refundsUnderWay,
});

const EVENTS: Record<string, LateAlertEvent> = {
  paid_late: { type: 'paid_late' },
  kept: { type: 'kept' },
  refund_sent: { type: 'refund_sent' },
  refund_failed: refundFailed(true, false),
  refund_failed_money_back: refundFailed(false, false),
  refund_failed_another_under_way: refundFailed(true, true),
};

/**
 * Every alert state against every event: the state it moves to, "-" (nothing to do) or "!"
 * (refused: Keep with no alert open). The cashier decides once per late payment, and again
 * only when the refund chosen did not give the money back and nothing else is on its way.
 */
const TABLE: Record<LateAlertState, Record<keyof typeof EVENTS, string>> = {
  none: {
    paid_late: 'open',
    kept: '!',
    refund_sent: '-',
    refund_failed: '-',
    refund_failed_money_back: '-',
    refund_failed_another_under_way: '-',
  },
  open: {
    paid_late: '-',
    kept: 'kept',
    refund_sent: 'refund_requested',
    refund_failed: '-',
    refund_failed_money_back: '-',
    refund_failed_another_under_way: '-',
  },
  kept: {
    paid_late: '-',
    kept: '!',
    refund_sent: '-',
    refund_failed: '-',
    refund_failed_money_back: '-',
    refund_failed_another_under_way: '-',
  },
  refund_requested: {
    paid_late: '-',
    kept: '!',
    refund_sent: '-',
    refund_failed: 'open',
    refund_failed_money_back: '-',
    refund_failed_another_under_way: '-',
  },
};

function symbol(state: LateAlertState, event: LateAlertEvent): string {
  const decision = decideLateAlert(alertOf(state), event);
  if (decision.kind === 'move') return decision.to;
  return decision.kind === 'ignore' ? '-' : '!';
}

describe('the late-payment alert', () => {
  for (const state of STATES)
    for (const [name, event] of Object.entries(EVENTS))
      it(`${state} + ${name} → ${TABLE[state][name]}`, () => {
        expect(symbol(state, event)).toBe(TABLE[state][name]);
      });

  it('reads a payment that never had an alert as "none", and writes "none" back as no alert', () => {
    const never: PaymentRecord['lateAlert'] = null;
    expect(decideLateAlert(never, { type: 'paid_late' })).toEqual({ kind: 'move', to: 'open' });
    expect(alertOf('none')).toBeNull();
    expect(alertOf('open')).toBe('open');
  });

  it('says why a refund that failed does not bring the alert back', () => {
    expect(decideLateAlert('refund_requested', refundFailed(false, false))).toEqual({
      kind: 'ignore',
      reason: 'the money was given back',
    });
    expect(decideLateAlert('refund_requested', refundFailed(true, true))).toEqual({
      kind: 'ignore',
      reason: 'another refund is under way',
    });
  });
});
