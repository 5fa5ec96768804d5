import type { Result } from '../result';
import { type AmountErrorCode, parseAmount, parseCurrency } from './parse-amount';
import { type AmountLimits, checkPurchaseLimits, type LimitErrorCode } from './limits';
import type { Currency } from './currencies';

/** A purchase amount that passed parsing and the limits. */
export interface Money {
  readonly amount: number;
  readonly currency: Currency;
}

/**
 * Turns what the cashier typed into a purchase amount, or the first thing wrong with it:
 * currency, then format (read with `locale`'s decimal mark, see parseAmount), then the limits.
 */
export function parsePurchaseAmount(
  input: string,
  currency: string,
  limits?: AmountLimits,
  locale?: string,
): Result<Money, AmountErrorCode | LimitErrorCode> {
  const cur = parseCurrency(currency);
  if (!cur.ok) return cur;
  const amount = parseAmount(input, cur.value, locale);
  if (!amount.ok) return amount;
  const limited = checkPurchaseLimits(amount.value, cur.value, limits);
  if (!limited.ok) return limited;
  return { ok: true, value: { amount: amount.value, currency: cur.value } };
}
