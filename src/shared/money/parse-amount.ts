import { said } from '../i18n/said';
import { err, ok, type Result } from '../result';
import { CURRENCIES, exponentOf, isCurrency, type Currency } from './currencies';
import { decimalMarksOf, type DecimalMarks } from './decimal-marks';

/** The error codes amount parsing can produce. */
export type AmountErrorCode = 'INVALID_AMOUNT' | 'UNKNOWN_CURRENCY';

/**
 * Parses a currency code typed or configured by a person. Accepts surrounding spaces and lower
 * case ("cny"), nothing else.
 */
export function parseCurrency(input: string): Result<Currency, 'UNKNOWN_CURRENCY'> {
  const code = input.trim().toUpperCase();
  if (isCurrency(code)) return ok(code);
  const list = CURRENCIES.join(', ');
  if (input.trim() === '')
    return err(
      'UNKNOWN_CURRENCY',
      `Choose a currency. Alipay accepts ${list}.`,
      said('cashier.amount.noCurrency', { list }),
    );
  return err(
    'UNKNOWN_CURRENCY',
    `Unknown currency: "${input.trim()}". Alipay accepts ${list}.`,
    said('cashier.amount.unknownCurrency', { text: input.trim(), list }),
  );
}

/**
 * Parses what a cashier typed ("12.50", or "12,50" in German) into integer minor units (1250)
 * exactly, with no floating point anywhere. `locale` says which mark separates the decimals:
 * the other mark may group thousands ("1,250.00" in English, "1.250,00" in German), and where
 * it cannot be one ("12.50" in German: a group has three digits) it is read as the decimal
 * mark. A single other mark before exactly three digits ("1.250" in German) could be either,
 * a thousand times apart: refused, saying how to type each. Every refusal says what is wrong
 * and what to type instead, in English (`message`) and as a message for the windows (`said`).
 */
export function parseAmount(
  input: string,
  currency: string,
  locale = 'en',
): Result<number, AmountErrorCode> {
  const cur = parseCurrency(currency);
  if (!cur.ok) return cur;
  const exponent = exponentOf(cur.value);
  const marks = decimalMarksOf(locale);
  const text = input.trim();
  const example = exampleFor(cur.value, marks);

  if (text === '') return err('INVALID_AMOUNT', 'Enter an amount.', said('cashier.amount.empty'));
  if (text.startsWith('-'))
    return err(
      'INVALID_AMOUNT',
      `The amount must be positive: "${text}" is negative.`,
      said('cashier.amount.negative', { text }),
    );
  if (text.startsWith('+'))
    return err(
      'INVALID_AMOUNT',
      `Type the amount without a sign: "${text}".`,
      said('cashier.amount.sign', { text }),
    );
  const reading = readDecimal(text, marks);
  if (reading.kind === 'ambiguous') {
    const whole = reading.digits.replace(/^0+(?=\d)/, '');
    return err(
      'INVALID_AMOUNT',
      `"${text}" is unclear. For ${whole}, type it without "${marks.other}"; ` +
        `for decimals, use "${marks.decimal}" (like ${example}).`,
      said('cashier.amount.ambiguous', {
        text,
        whole,
        group: marks.other,
        mark: marks.decimal,
        example,
      }),
    );
  }
  if (reading.kind === 'not-a-number' || reading.whole + reading.fraction === '')
    return err(
      'INVALID_AMOUNT',
      `"${text}" is not an amount: use digits and at most one decimal point (for example ${example}).`,
      said('cashier.amount.notAnAmount', { text, example }),
    );
  const { whole, fraction } = reading;
  if (fraction.length > exponent) {
    return exponent === 0
      ? err(
          'INVALID_AMOUNT',
          `${cur.value} has no decimals: "${text}" cannot have any.`,
          said('cashier.amount.noDecimals', { currency: cur.value, text }),
        )
      : err(
          'INVALID_AMOUNT',
          `${cur.value} has ${exponent} decimal places: "${text}" has ${fraction.length}.`,
          said('cashier.amount.tooManyDecimals', {
            currency: cur.value,
            places: exponent,
            text,
            count: fraction.length,
          }),
        );
  }
  const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 15)
    return err(
      'INVALID_AMOUNT',
      `"${text}" is too large to be a purchase amount.`,
      said('cashier.amount.tooLarge', { text }),
    );
  const minor = Number(digits);
  if (minor === 0)
    return err(
      'INVALID_AMOUNT',
      'The amount must be greater than zero.',
      said('cashier.amount.zero'),
    );
  return ok(minor);
}

/** A typed amount read as digits before and after its decimal mark, or why it cannot be. */
type Reading =
  | { readonly kind: 'number'; readonly whole: string; readonly fraction: string }
  | { readonly kind: 'not-a-number' }
  /** One mark before three digits, which may group thousands or separate decimals. */
  | { readonly kind: 'ambiguous'; readonly digits: string };

const SPACE = /[\s\u00a0\u202f]/;
const NOT_A_NUMBER: Reading = { kind: 'not-a-number' };

/** Splits `text` at its decimal mark, dropping thousands groups; see parseAmount. */
function readDecimal(text: string, marks: DecimalMarks): Reading {
  if (!/^[\d.,\s\u00a0\u202f]*$/.test(text)) return NOT_A_NUMBER;
  const decimals = text.split(marks.decimal).length - 1;
  if (decimals > 1) return NOT_A_NUMBER;
  if (decimals === 1) {
    const [whole = '', fraction = ''] = text.split(marks.decimal);
    if (!/^\d*$/.test(fraction)) return NOT_A_NUMBER;
    return withoutGroups(whole, fraction);
  }
  const others = text.split(marks.other).length - 1;
  if (others === 1 && !SPACE.test(text)) {
    const [before = '', after = ''] = text.split(marks.other);
    // "1.250" in German is 1250, in English 1.25: a thousand times apart, so neither is guessed.
    if (after.length === 3 && /^[1-9]\d{0,2}$/.test(before))
      return { kind: 'ambiguous', digits: before + after };
    // Not three digits after it (or nothing a group could follow): it can only be decimals.
    return { kind: 'number', whole: before, fraction: after };
  }
  return withoutGroups(text, '');
}

/** `whole` as plain digits: as typed, or grouped by threes with one kind of separator. */
function withoutGroups(whole: string, fraction: string): Reading {
  if (/^\d*$/.test(whole)) return { kind: 'number', whole, fraction };
  const grouped = /^[1-9]\d{0,2}(?:([.,\s\u00a0\u202f])\d{3})(?:\1\d{3})*$/.exec(whole);
  if (!grouped) return NOT_A_NUMBER;
  return { kind: 'number', whole: whole.replace(/\D/g, ''), fraction };
}

/** An amount to type, as an example, with the locale's decimal mark ("1000,00" in German). */
function exampleFor(currency: Currency, marks: DecimalMarks): string {
  return exponentOf(currency) === 0 ? '1000' : `1000${marks.decimal}00`;
}
