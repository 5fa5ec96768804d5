import { describe, expect, it } from 'vitest';
import type { PaymentView } from '../../../src/shared/ipc/views';
import { mmss, screenOf, secondsLeft } from '../../../src/renderer/src/screen-of';

const base: PaymentView = {
  id: 'p',
  amount: 1000,
  currency: 'CNY',
  state: 'awaiting_customer',
  createdAt: 0,
  updatedAt: 0,
  qr: { kind: 'text', text: 'x' },
  qrExpiresAt: 10_000,
  gateCode: null,
  gateMessage: null,
  cancelledAt: null,
  lateAlert: null,
  refundedAmount: 0,
  settledAt: null,
  mode: 'gate_qr',
};
const at = (patch: Partial<PaymentView>, now = 5_000) => screenOf({ ...base, ...patch }, now);

describe('which screen the cashier sees', () => {
  it('follows the payment', () => {
    expect(screenOf(null, 0)).toBe('sale');
    expect(at({ state: 'created' })).toBe('sending');
    expect(at({ state: 'requested', qr: null })).toBe('waiting');
    expect(at({})).toBe('waiting');
    expect(at({}, 10_000)).toBe('expired');
    expect(at({ state: 'unknown' })).toBe('unknown');
    expect(at({ state: 'succeeded' })).toBe('paid');
    expect(at({ state: 'declined' })).toBe('declined');
    expect(at({ state: 'rejected' })).toBe('rejected');
    expect(at({ state: 'expired', mode: 'payment_page' })).toBe('expired');
  });

  it('shows a cancelled sale as cancelled until it settles; a late success as paid', () => {
    expect(at({ cancelledAt: 1 })).toBe('cancelled');
    expect(at({ cancelledAt: 1, state: 'unknown' })).toBe('cancelled');
    expect(at({ cancelledAt: 1, state: 'declined' })).toBe('cancelled');
    expect(at({ cancelledAt: 1, state: 'succeeded', lateAlert: 'open' })).toBe('paid');
  });

  it('counts down in whole seconds', () => {
    expect(secondsLeft({ ...base }, 0)).toBe(10);
    expect(secondsLeft({ ...base }, 9_400)).toBe(1);
    expect(secondsLeft({ ...base }, 20_000)).toBe(0);
    expect(secondsLeft({ ...base, qrExpiresAt: null }, 0)).toBeUndefined();
    expect(mmss(600)).toBe('10:00');
    expect(mmss(61)).toBe('1:01');
  });
});
