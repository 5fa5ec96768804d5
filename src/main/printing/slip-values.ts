import { toDecimalString, type Currency } from '../../shared/money';
import type { Locale } from '../../shared/i18n/locales';

/*
 * The figures on a slip, through Intl in the slip's first language. A slip is kept and checked
 * later, so each must read one way only: an amount always with its currency's code ("12,50 EUR",
 * "CNY 88.00"), a date with the month as a word and the time on the 24-hour clock.
 */

const dateFormats = new Map<Locale, Intl.DateTimeFormat>();
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "2. Dez. 2026, 17:40:12", "2026年12月2日 17:40:12": the counter's local time. */
export function slipTime(ms: number, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    dateFormats.set(locale, format);
  }
  return format.format(ms);
}

/** "1.234,50 CNY", "CNY 1,234.50": minor units, exact (Intl is given a decimal string). */
export function slipMoney(minor: number, currency: Currency, locale: Locale): string {
  const key = `${locale}|${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: 'code',
    });
    moneyFormats.set(key, format);
  }
  return format.format(toDecimalString(minor, currency) as `${number}`);
}

/** A count ("3", "1.234"), as the slip's language writes numbers. */
export function slipCount(count: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(count);
}
