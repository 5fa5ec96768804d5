import { afterEach, describe, expect, it } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import { english } from '../../src/main/i18n/wording';
import {
  charge,
  pressOnSandbox,
  startDemoCounter,
  waitForPayment,
} from '../support/counter-harness';

/**
 * A payment's timeline as the manager reads it: one plain sentence per step, the journal's own
 * words (states, causes, callbacks) kept apart for Details.
 */
describe('the payment timeline', () => {
  let counter: Counter | undefined;
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });

  it('a sale cancelled, then paid, then partly refunded reads as sentences; the states and causes stay in the details', async () => {
    counter = await startDemoCounter();
    const started = await charge(counter, '45.00');
    await waitForPayment(counter, started.id, (p) => p.state === 'awaiting_customer');
    await counter.handlers['payments:cancel']({ paymentId: started.id });
    await counter.handlers['session:new-sale']({});
    await pressOnSandbox(counter.sandbox!, started.id, 'success');
    await waitForPayment(counter, started.id, (p) => p.lateAlert === 'open');

    const refund = await counter.handlers['refunds:create']({
      paymentId: started.id,
      amount: '5.00',
      reason: 'cup',
      pin: '2468',
    });
    expect(refund.ok).toBe(true);
    const detail = await counter.handlers['payments:detail']({ paymentId: started.id });
    if (!detail.ok) throw new Error(detail.error.message);
    const sentences = detail.value.timeline.map((t) => english(t.said));
    expect(sentences).toEqual(
      expect.arrayContaining([
        'The sale was started',
        'The payment was sent to Alipay',
        'The QR code was shown to the customer',
        'The cashier cancelled the sale',
        'Customer paid in Alipay',
        'The customer paid after the sale was cancelled',
        'A refund was asked for',
      ]),
    );
    // The refund written against the payment is said by the refund's own line, not as a check.
    expect(sentences).not.toContain('The counter checked the payment again');
    // The cancel is said once (its audit entry is not a second line).
    expect(sentences.filter((s) => s === 'The cashier cancelled the sale')).toHaveLength(1);
    // No engineer's words in the sentences; they are all in the details.
    for (const s of sentences) expect(s).not.toMatch(/awaiting_customer|callback|→|Gate \d/);
    const details = detail.value.timeline.map((t) => t.detail).join('\n');
    expect(details).toContain('awaiting_customer');
    expect(details).toMatch(/callback from/);
    expect(details).toMatch(/cashier cancelled/);
  });
});
