import { err, ok, type Result } from '../result';
import type { Currency } from './currencies';
import { formatWithCode } from './format-amount';

/** Purchase limits of one currency in minor units; a missing bound means "no limit". */
export interface AmountLimit {
  readonly min?: number;
  readonly max?: number;
}

/** Purchase limits per currency. */
export type AmountLimits = Partial<Record<Currency, AmountLimit>>;

/**
 * Alipay's purchase limits from ecommpay's method page: minimum 10.00 CNY or 1.00 USD, maximum
 * 5,000.00 CNY, USD unlimited. Other currencies are left to the merchant's contract
 * ("refer to your key account manager") and are configured in settings.
 */
export const ALIPAY_PURCHASE_LIMITS: AmountLimits = {
  CNY: { min: 10_00, max: 5_000_00 },
  USD: { min: 1_00 },
};

/** The error codes a limit check can produce. */
export type LimitErrorCode = 'AMOUNT_BELOW_MINIMUM' | 'AMOUNT_ABOVE_MAXIMUM';

/**
 * Refuses a purchase amount outside the limits for its currency, naming the limit, so that no
 * request is ever sent for an amount Gate would refuse.
 */
export function checkPurchaseLimits(
  minor: number,
  currency: Currency,
  limits: AmountLimits = ALIPAY_PURCHASE_LIMITS,
): Result<number, LimitErrorCode> {
  const limit = limits[currency];
  if (limit?.min !== undefined && minor < limit.min) {
    return err(
      'AMOUNT_BELOW_MINIMUM',
      `The minimum Alipay purchase is ${formatWithCode(limit.min, currency)}; ` +
        `${formatWithCode(minor, currency)} is below it.`,
    );
  }
  if (limit?.max !== undefined && minor > limit.max) {
    return err(
      'AMOUNT_ABOVE_MAXIMUM',
      `The maximum Alipay purchase is ${formatWithCode(limit.max, currency)}; ` +
        `${formatWithCode(minor, currency)} is above it.`,
    );
  }
  return ok(minor);
}

/** Merges configured limits over Alipay's defaults, currency by currency. */
export function mergeLimits(overrides: AmountLimits): AmountLimits {
  return { ...ALIPAY_PURCHASE_LIMITS, ...overrides };
}
