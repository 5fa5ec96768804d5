import { describe, expect, it } from 'vitest';
import {
  CURRENCIES,
  checkPurchaseLimits,
  DEFAULT_PURCHASE_LIMITS,
  effectiveLimits,
  exponentOf,
  formatAmount,
  formatWithCode,
  limitProblem,
  parseAmount,
  parsePurchaseAmount,
  toDecimalString,
} from '../../../src/shared/money';

describe('currencies', () => {
  it('lists the nine Alipay currencies with their ISO 4217 exponents', () => {
    expect([...CURRENCIES]).toEqual([
      'AUD',
      'CAD',
      'CNY',
      'EUR',
      'GBP',
      'HKD',
      'JPY',
      'SGD',
      'USD',
    ]);
    expect(CURRENCIES.map(exponentOf)).toEqual([2, 2, 2, 2, 2, 2, 0, 2, 2]);
  });
});

describe('parseAmount: what the cashier typed → minor units, exactly', () => {
  it.each([
    ['12.50', 'CNY', 1250],
    ['12.5', 'CNY', 1250],
    ['12', 'CNY', 1200],
    ['12.', 'CNY', 1200],
    ['.5', 'CNY', 50],
    ['0.01', 'USD', 1],
    [' 007.10 ', 'EUR', 710],
    ['1250', 'JPY', 1250],
    ['0.29', 'HKD', 29], // 0.29 * 100 is 28.999999999999996 in floats
    ['1.15', 'SGD', 115], // 1.15 * 100 is 114.99999999999999
    ['4999.99', 'cny', 499999],
    ['999999999999.99', 'USD', 99999999999999],
  ])('%s %s → %i', (input, currency, minor) => {
    expect(parseAmount(input, currency)).toEqual({ ok: true, value: minor });
  });

  it.each([
    ['12.345', 'CNY', 'INVALID_AMOUNT', 'CNY has 2 decimal places: "12.345" has 3.'],
    ['12.5', 'JPY', 'INVALID_AMOUNT', 'JPY has no minor unit: "12.5" cannot have decimals.'],
    [
      '1,000.00',
      'CNY',
      'INVALID_AMOUNT',
      'Use digits and one decimal point, without commas: "1,000.00" is not accepted (type 1000.00).',
    ],
    [
      '12,50',
      'EUR',
      'INVALID_AMOUNT',
      'Use digits and one decimal point, without commas: "12,50" is not accepted (type 1000.00).',
    ],
    ['-5', 'CNY', 'INVALID_AMOUNT', 'The amount must be positive: "-5" is negative.'],
    ['+5', 'CNY', 'INVALID_AMOUNT', 'Type the amount without a sign: "+5".'],
    [
      'abc',
      'CNY',
      'INVALID_AMOUNT',
      '"abc" is not an amount: use digits and at most one decimal point (for example 1000.00).',
    ],
    [
      '1e3',
      'CNY',
      'INVALID_AMOUNT',
      '"1e3" is not an amount: use digits and at most one decimal point (for example 1000.00).',
    ],
    [
      '1.2.3',
      'CNY',
      'INVALID_AMOUNT',
      '"1.2.3" is not an amount: use digits and at most one decimal point (for example 1000.00).',
    ],
    [
      '.',
      'CNY',
      'INVALID_AMOUNT',
      '"." is not an amount: use digits and at most one decimal point (for example 1000.00).',
    ],
    ['', 'CNY', 'INVALID_AMOUNT', 'Enter an amount.'],
    ['0.00', 'CNY', 'INVALID_AMOUNT', 'The amount must be greater than zero.'],
    [
      '10000000000000000',
      'CNY',
      'INVALID_AMOUNT',
      '"10000000000000000" is too large to be a purchase amount.',
    ],
    [
      '10',
      'XYZ',
      'UNKNOWN_CURRENCY',
      'Unknown currency: "XYZ". Alipay accepts AUD, CAD, CNY, EUR, GBP, HKD, JPY, SGD, USD.',
    ],
    [
      '10',
      '',
      'UNKNOWN_CURRENCY',
      'Unknown currency: no currency. Alipay accepts AUD, CAD, CNY, EUR, GBP, HKD, JPY, SGD, USD.',
    ],
  ])('refuses %j in %s: %s', (input, currency, code, message) => {
    expect(parseAmount(input, currency)).toEqual({ ok: false, error: { code, message } });
  });
});

describe('purchase limits from the seed', () => {
  it('refuses below 10.00 CNY and above 5,000.00 CNY, naming the limit', () => {
    expect(parsePurchaseAmount('9.99', 'CNY')).toEqual({
      ok: false,
      error: {
        code: 'AMOUNT_BELOW_MINIMUM',
        message: 'The minimum purchase is 10.00 CNY; 9.99 CNY is below it.',
      },
    });
    expect(parsePurchaseAmount('5000.01', 'CNY')).toEqual({
      ok: false,
      error: {
        code: 'AMOUNT_ABOVE_MAXIMUM',
        message: 'The maximum purchase is 5,000.00 CNY; 5,000.01 CNY is above it.',
      },
    });
    expect(parsePurchaseAmount('10.00', 'CNY')).toEqual({
      ok: true,
      value: { amount: 1000, currency: 'CNY' },
    });
    expect(parsePurchaseAmount('5000.00', 'CNY')).toEqual({
      ok: true,
      value: { amount: 500000, currency: 'CNY' },
    });
  });

  it('refuses below 1.00 USD, and above an explicit USD maximum (700.00 unless Settings says more)', () => {
    expect(parsePurchaseAmount('0.99', 'USD')).toMatchObject({
      ok: false,
      error: { code: 'AMOUNT_BELOW_MINIMUM' },
    });
    expect(parsePurchaseAmount('700.01', 'USD')).toEqual({
      ok: false,
      error: {
        code: 'AMOUNT_ABOVE_MAXIMUM',
        message: 'The maximum purchase is 700.00 USD; 700.01 USD is above it.',
      },
    });
    const raised = effectiveLimits({ USD: { min: 1_00, max: 2_000_00 } });
    expect(parsePurchaseAmount('1999.00', 'USD', raised)).toMatchObject({ ok: true });
  });

  it('every currency has an explicit minimum and maximum, inside the bounds Settings may use', () => {
    for (const currency of CURRENCIES) {
      const limit = DEFAULT_PURCHASE_LIMITS[currency];
      expect(limit.min).toBeGreaterThan(0);
      expect(limit.max).toBeGreaterThan(limit.min);
      expect(limitProblem(currency, limit)).toBeUndefined();
      expect(checkPurchaseLimits(limit.max + 1, currency)).toMatchObject({ ok: false });
    }
  });

  it("refuses limits outside Alipay's own (CNY 10.00–5,000.00, USD at least 1.00) or past the sanity bounds", () => {
    expect(limitProblem('CNY', { min: 10_00, max: 6_000_00 })).toBe(
      'CNY: the maximum cannot be above 5,000.00 CNY.',
    );
    expect(limitProblem('CNY', { min: 5_00, max: 1_000_00 })).toBe(
      "CNY: the minimum cannot be below 10.00 CNY (Alipay's own minimum or about 1 USD).",
    );
    expect(limitProblem('USD', { min: 50, max: 100_00 })).toMatch(
      /^USD: the minimum cannot be below 1\.00 USD/,
    );
    expect(limitProblem('EUR', { min: 20_00, max: 10_00 })).toBe(
      'EUR: the minimum 20.00 EUR is above the maximum 10.00 EUR.',
    );
    expect(limitProblem('JPY', { min: 150, max: 7_500_001 })).toMatch(/maximum cannot be above/);
  });

  it('applies configured limits', () => {
    expect(checkPurchaseLimits(150, 'EUR')).toEqual({ ok: true, value: 150 });
    expect(
      checkPurchaseLimits(150, 'EUR', effectiveLimits({ EUR: { min: 2_00, max: 100_00 } })),
    ).toEqual({
      ok: false,
      error: {
        code: 'AMOUNT_BELOW_MINIMUM',
        message: 'The minimum purchase is 2.00 EUR; 1.50 EUR is below it.',
      },
    });
  });

  it('reports the format error before the limits', () => {
    expect(parsePurchaseAmount('1.234', 'CNY')).toMatchObject({
      ok: false,
      error: { code: 'INVALID_AMOUNT' },
    });
  });
});

describe('formatting minor units', () => {
  it('writes exact decimal strings', () => {
    expect(toDecimalString(1250, 'CNY')).toBe('12.50');
    expect(toDecimalString(5, 'CNY')).toBe('0.05');
    expect(toDecimalString(1250, 'JPY')).toBe('1250');
    expect(toDecimalString(-5, 'USD')).toBe('-0.05');
    expect(formatWithCode(500000, 'CNY')).toBe('5,000.00 CNY');
    expect(formatWithCode(1234567, 'JPY')).toBe('1,234,567 JPY');
  });

  it('formats with Intl for display, in English and Chinese', () => {
    expect(formatAmount(123456, 'CNY', 'en')).toBe('CN¥1,234.56');
    expect(formatAmount(123456, 'CNY', 'zh-CN')).toBe('¥1,234.56');
    expect(formatAmount(1250, 'JPY', 'en')).toBe('¥1,250');
    expect(formatAmount(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91');
  });

  it('round-trips every amount it formats', () => {
    for (const minor of [1, 9, 10, 99, 100, 101, 1000, 123456, 99999999]) {
      for (const currency of CURRENCIES) {
        expect(parseAmount(toDecimalString(minor, currency), currency)).toEqual({
          ok: true,
          value: minor,
        });
      }
    }
  });
});
