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
import { english, wordIn } from '../../../src/main/i18n/wording';

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
    ['12.5', 'JPY', 'INVALID_AMOUNT', 'JPY has no decimals: "12.5" cannot have any.'],
    [
      '1,250',
      'CNY',
      'INVALID_AMOUNT',
      '"1,250" is unclear. For 1250, type it without ","; for decimals, use "." (like 1000.00).',
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
      'Choose a currency. Alipay accepts AUD, CAD, CNY, EUR, GBP, HKD, JPY, SGD, USD.',
    ],
  ])('refuses %j in %s: %s', (input, currency, code, message) => {
    const parsed = parseAmount(input, currency);
    expect(parsed).toMatchObject({ ok: false, error: { code, message } });
    // The windows' words are the same message, worded from the catalogue.
    expect(parsed.ok ? '' : english(parsed.error.said!)).toBe(message);
  });
});

describe('parseAmount in the language of the counter: the decimal mark a cashier types', () => {
  it.each([
    // German, French, Spanish, Italian: a comma is the decimal mark.
    ['12,50', 'de', 'EUR', 1250],
    ['12,5', 'de', 'EUR', 1250],
    [',5', 'de', 'EUR', 50],
    ['1.250,00', 'de', 'EUR', 125000],
    ['1.250.000', 'de', 'JPY', 1250000],
    ['12,50', 'fr', 'EUR', 1250],
    ['1 250,50', 'fr', 'EUR', 125050],
    ['1\u202f250,50', 'fr', 'EUR', 125050],
    ['12,50', 'es', 'EUR', 1250],
    ['12,50', 'it', 'EUR', 1250],
    // A dot where it cannot group thousands (not three digits after it) is the decimal mark.
    ['12.50', 'de', 'EUR', 1250],
    ['12.5', 'de', 'EUR', 1250],
    // English and Chinese: a point; the comma groups thousands, or is read as decimals when it
    // cannot group them.
    ['12.50', 'en', 'CNY', 1250],
    ['1,250.00', 'en', 'CNY', 125000],
    ['12,50', 'en', 'CNY', 1250],
    ['12.50', 'zh-Hans', 'CNY', 1250],
    ['1,250.00', 'zh-Hant', 'HKD', 125000],
  ])('%j in %s (%s) → %i', (input, locale, currency, minor) => {
    expect(parseAmount(input, currency, locale)).toEqual({ ok: true, value: minor });
  });

  it('never reads a German 1.250 as 1,25 nor guesses 1250: it asks, in German', () => {
    const parsed = parseAmount('1.250', 'EUR', 'de');
    expect(parsed).toMatchObject({ ok: false, error: { code: 'INVALID_AMOUNT' } });
    const said = parsed.ok ? undefined : parsed.error.said;
    expect(said).toEqual({
      id: 'cashier.amount.ambiguous',
      values: { text: '1.250', whole: '1250', group: '.', mark: ',', example: '1000,00' },
    });
    expect(wordIn('de', said!)).toBe(
      '„1.250“ ist nicht eindeutig. Für 1250 ohne „.“ eingeben; Nachkommastellen mit „,“ abtrennen (z. B. 1000,00).',
    );
    // The same in English, with English marks.
    expect(parseAmount('1,250', 'CNY', 'en')).toMatchObject({
      ok: false,
      error: { said: { id: 'cashier.amount.ambiguous' } },
    });
  });

  it.each([
    ['1,250.00', 'de'], // an English amount in German: the comma is the mark, the rest is not decimals
    ['12,50,1', 'de'],
    ['12 50', 'fr'],
    ['1.250.000', 'en'],
    ['1,25,0', 'en'],
  ])('refuses %j in %s as not an amount, with an example in its marks', (input, locale) => {
    const parsed = parseAmount(input, 'EUR', locale);
    expect(parsed).toMatchObject({
      ok: false,
      error: { said: { id: 'cashier.amount.notAnAmount' } },
    });
    const mark = locale === 'en' ? '.' : ',';
    expect(parsed.ok ? '' : parsed.error.said?.values?.['example']).toBe(`1000${mark}00`);
  });

  it('says too many decimals in the cashier’s language, with its marks', () => {
    const parsed = parseAmount('12,345', 'EUR', 'de');
    expect(parsed.ok ? '' : wordIn('de', parsed.error.said!)).toBe(
      'EUR hat 2 Nachkommastellen: „12,345“ hat 3.',
    );
  });

  it('words the limits with the window’s marks and the currency code', () => {
    const below = parsePurchaseAmount('9,99', 'CNY', undefined, 'de');
    expect(below.ok ? '' : wordIn('de', below.error.said!)).toBe(
      'Der Mindestbetrag ist 10,00 CNY; 9,99 CNY liegt darunter.',
    );
    const above = parsePurchaseAmount('5000.01', 'CNY');
    expect(above.ok ? '' : wordIn('zh-Hans', above.error.said!)).toBe(
      '最高收款金额为 5,000.00 CNY，5,000.01 CNY 超过此金额。',
    );
    expect(above.ok ? '' : english(above.error.said!)).toBe(above.ok ? '' : above.error.message);
    const yen = parsePurchaseAmount('100', 'JPY');
    expect(yen.ok ? '' : wordIn('fr', yen.error.said!)).toBe(
      'L’achat minimum est de 150 JPY ; 100 JPY est en dessous.',
    );
  });
});

describe('purchase limits from the seed', () => {
  it('refuses below 10.00 CNY and above 5,000.00 CNY, naming the limit', () => {
    expect(parsePurchaseAmount('9.99', 'CNY')).toMatchObject({
      ok: false,
      error: {
        code: 'AMOUNT_BELOW_MINIMUM',
        message: 'The minimum purchase is 10.00 CNY; 9.99 CNY is below it.',
      },
    });
    expect(parsePurchaseAmount('5000.01', 'CNY')).toMatchObject({
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
    expect(parsePurchaseAmount('700.01', 'USD')).toMatchObject({
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
    ).toMatchObject({
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
