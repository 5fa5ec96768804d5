import { describe, expect, it } from 'vitest';
import { said } from '../../../src/shared/i18n/said';

// `npm run typecheck` is what runs these checks: each `@ts-expect-error` line must be refused by
// the compiler (an accepted one fails the typecheck). At run time they only build data.
describe('a message and its values, as the compiler checks them', () => {
  it('takes a message with the values its English text reads', () => {
    expect(said('cashier.announce.paid', { amount: '88.00 CNY' })).toEqual({
      id: 'cashier.announce.paid',
      values: { amount: '88.00 CNY' },
    });
    expect(said('common.paymentCount', { count: 2 })).toEqual({
      id: 'common.paymentCount',
      values: { count: 2 },
    });
    expect(said('staff.pin.delete')).toEqual({ id: 'staff.pin.delete' });
    expect(said('staff.pin.title', { name: said('staff.role.manager') }).values).toEqual({
      name: { id: 'staff.role.manager' },
    });
  });

  it('refuses an id the catalogue does not have', () => {
    // @ts-expect-error no such message
    said('cashier.announce.refunded', { amount: '88.00 CNY' });
    // @ts-expect-error no such message, though its section has messages without values
    said('staff.pin.nothing');
  });

  it('refuses a message without the values it needs', () => {
    // @ts-expect-error the amount is missing
    said('cashier.announce.paid');
    // @ts-expect-error the maximum is missing
    said('cashier.amount.aboveMaximum', { amount: '1,000.00 CNY' });
    // @ts-expect-error a value under another name
    said('staff.pin.title', { person: 'Li Wei' });
  });

  it('refuses a value of the wrong type, and values for a message that takes none', () => {
    // @ts-expect-error a count is a number
    said('common.paymentCount', { count: 'two' });
    // @ts-expect-error a date is a number (ms since the epoch)
    said('cashier.banner.since', { since: '09:30' });
    // @ts-expect-error text is a string, a number or another message, not a list
    said('staff.pin.title', { name: ['Li Wei'] });
    // @ts-expect-error this message takes no values
    said('staff.pin.delete', { name: 'Li Wei' });
  });
});
