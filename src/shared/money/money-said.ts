import { said, type Said } from '../i18n/said';
import { exponentOf, type Currency } from './currencies';
import { toDecimalString } from './format-amount';

/**
 * An amount inside a message, as data: each window writes it with its own marks ("5,000.00 CNY"
 * in English, "5.000,00 CNY" in German), with the currency's code, unmistakable in any language.
 * The value goes to Intl as the decimal the minor units make, exact to the currency's places.
 */
export function moneySaid(minor: number, currency: Currency): Said {
  const amount = Number(toDecimalString(minor, currency));
  return exponentOf(currency) === 0
    ? said('cashier.money.whole', { amount, currency })
    : said('cashier.money.decimals', { amount, currency });
}
