import { err, ok, type Result } from '../result';
import { CURRENCIES, exponentOf, isCurrency, type Currency } from './currencies';

/** The error codes amount parsing can produce. */
export type AmountErrorCode = 'INVALID_AMOUNT' | 'UNKNOWN_CURRENCY';

const DIGITS_WITH_OPTIONAL_DECIMALS = /^(\d*)(?:\.(\d*))?$/;

/**
 * Parses a currency code typed or configured by a person. Accepts surrounding spaces and lower
 * case ("cny"), nothing else.
 */
export function parseCurrency(input: string): Result<Currency, 'UNKNOWN_CURRENCY'> {
  const code = input.trim().toUpperCase();
  if (isCurrency(code)) return ok(code);
  const shown = input.trim() === '' ? 'no currency' : `"${input.trim()}"`;
  return err(
    'UNKNOWN_CURRENCY',
    `Unknown currency: ${shown}. Alipay accepts ${CURRENCIES.join(', ')}.`,
  );
}

/**
 * Parses a cashier's decimal string ("12.50") into integer minor units (1250) exactly, with no
 * floating point anywhere. Every rejection says what is wrong and what to type instead.
 */
export function parseAmount(input: string, currency: string): Result<number, AmountErrorCode> {
  const cur = parseCurrency(currency);
  if (!cur.ok) return cur;
  const exponent = exponentOf(cur.value);
  const text = input.trim();
  const shown = `"${input}"`;

  if (text === '') return err('INVALID_AMOUNT', 'Enter an amount.');
  if (text.startsWith('-')) {
    return err('INVALID_AMOUNT', `The amount must be positive: ${shown} is negative.`);
  }
  if (text.startsWith('+')) {
    return err('INVALID_AMOUNT', `Type the amount without a sign: ${shown}.`);
  }
  if (/^[\d.]*,[\d.,]*$/.test(text)) {
    return err(
      'INVALID_AMOUNT',
      `Use digits and one decimal point, without commas: ${shown} is not accepted` +
        ` (type ${exampleFor(cur.value)}).`,
    );
  }
  const match = DIGITS_WITH_OPTIONAL_DECIMALS.exec(text);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || whole + fraction === '') {
    return err(
      'INVALID_AMOUNT',
      `${shown} is not an amount: use digits and at most one decimal point (for example ${exampleFor(cur.value)}).`,
    );
  }
  if (fraction.length > exponent) {
    return err(
      'INVALID_AMOUNT',
      exponent === 0
        ? `${cur.value} has no minor unit: ${shown} cannot have decimals.`
        : `${cur.value} has ${exponent} decimal places: ${shown} has ${fraction.length}.`,
    );
  }
  const digits = (whole + fraction.padEnd(exponent, '0')).replace(/^0+(?=\d)/, '');
  if (digits.length > 15) {
    return err('INVALID_AMOUNT', `${shown} is too large to be a purchase amount.`);
  }
  const minor = Number(digits);
  if (minor === 0) return err('INVALID_AMOUNT', 'The amount must be greater than zero.');
  return ok(minor);
}

function exampleFor(currency: Currency): string {
  return exponentOf(currency) === 0 ? '1000' : '1000.00';
}
