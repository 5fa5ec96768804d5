/**
 * The currencies Alipay accepts through ecommpay (seed: "Payment currencies"), with their
 * ISO 4217 minor-unit exponents. Amounts are always integers in the minor unit.
 */
export const CURRENCY_EXPONENTS = {
  AUD: 2,
  CAD: 2,
  CNY: 2,
  EUR: 2,
  GBP: 2,
  HKD: 2,
  JPY: 0,
  SGD: 2,
  USD: 2,
} as const;

/** An ISO 4217 code of a currency Alipay accepts. */
export type Currency = keyof typeof CURRENCY_EXPONENTS;

/** Every supported currency, in alphabetical order (for menus and messages). */
export const CURRENCIES = Object.keys(CURRENCY_EXPONENTS) as readonly Currency[];

/** True when `code` is one of the supported currencies (exact, upper case). */
export function isCurrency(code: string): code is Currency {
  return Object.hasOwn(CURRENCY_EXPONENTS, code);
}

/** Number of decimal places of a currency's minor unit (2 for CNY, 0 for JPY). */
export function exponentOf(currency: Currency): number {
  return CURRENCY_EXPONENTS[currency];
}
