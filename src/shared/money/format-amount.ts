import { exponentOf, type Currency } from './currencies';

/**
 * Writes integer minor units as a plain decimal string with the currency's exponent:
 * (1250, CNY) → "12.50", (1250, JPY) → "1250". Exact: string arithmetic, no floats.
 */
export function toDecimalString(minor: number, currency: Currency): string {
  if (!Number.isSafeInteger(minor)) throw new Error(`Not an integer amount: ${minor}`);
  const exponent = exponentOf(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

/** "12.50 CNY": unambiguous in logs, receipts and the terminal, whatever the locale. */
export function formatWithCode(minor: number, currency: Currency): string {
  return `${groupThousands(toDecimalString(minor, currency))} ${currency}`;
}

const formatters = new Map<string, Intl.NumberFormat>();

/**
 * Formats minor units for display with Intl.NumberFormat ("CN¥12.50", "¥1,250"). The value is
 * handed to Intl as an exact decimal string, never as a float.
 */
export function formatAmount(minor: number, currency: Currency, locale = 'en'): string {
  const key = `${locale}|${currency}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale, { style: 'currency', currency });
    formatters.set(key, formatter);
  }
  return formatter.format(toDecimalString(minor, currency) as `${number}`);
}

function groupThousands(decimal: string): string {
  const [whole = '', fraction] = decimal.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
