import { describe, expect, it } from 'vitest';
import {
  fromRow,
  JournalRowError,
  type PaymentRow,
} from '../../../src/main/journal/payment-record';

const row = (patch: Partial<Record<keyof PaymentRow, unknown>>): PaymentRow =>
  ({
    id: 'T01-1',
    project_id: 1001,
    terminal_id: 'T01',
    amount: 1000,
    currency: 'CNY',
    state: 'succeeded',
    created_at: 1,
    updated_at: 2,
    request_id: 'r-1',
    qr: JSON.stringify({ kind: 'text', text: 'https://qr.example/1' }),
    qr_expires_at: null,
    gate_code: '0',
    gate_message: 'Success',
    cancelled_at: null,
    late_alert: null,
    refunded_amount: 0,
    settled_at: 2,
    mode: 'gate_qr',
    ...patch,
  }) as PaymentRow;

describe('a payment row, read at the journal’s edge', () => {
  it('becomes the record of its state', () => {
    const paid = fromRow(row({ refunded_amount: 300, state: 'partially_refunded' }));
    expect(paid).toMatchObject({ state: 'partially_refunded', refundedAmount: 300, settledAt: 2 });
    const waiting = fromRow(row({ state: 'awaiting_customer', settled_at: null }));
    expect(waiting.state === 'awaiting_customer' && waiting.qr).toEqual({
      kind: 'text',
      text: 'https://qr.example/1',
    });
  });

  it('is refused, naming the payment and what is wrong, when it holds what the journal never writes', () => {
    const cases: Array<[Partial<Record<keyof PaymentRow, unknown>>, RegExp]> = [
      [{ state: 'paid' }, /state paid is unknown/],
      [{ currency: 'XBT' }, /currency XBT/],
      [{ amount: 10.5 }, /amount is not a whole number/],
      [{ qr: '{"kind":"script"}' }, /QR is not one the screens can show/],
      [{ qr: 'not json' }, /QR is not JSON/],
      [{ settled_at: null }, /succeeded with no settlement time/],
      [{ state: 'declined', refunded_amount: 100 }, /declined with money refunded/],
      [{ state: 'requested', late_alert: 'open', settled_at: null }, /late-payment alert/],
      [
        { state: 'awaiting_customer', qr: null, settled_at: null },
        /waiting for the customer with no QR/,
      ],
      [{ state: 'requested' }, /requested with a settlement time/],
      [{ late_alert: 'maybe' }, /late alert maybe is unknown/],
    ];
    for (const [patch, message] of cases) {
      expect(() => fromRow(row(patch))).toThrow(JournalRowError);
      expect(() => fromRow(row(patch))).toThrow(message);
    }
  });
});
