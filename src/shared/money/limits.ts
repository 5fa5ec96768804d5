import { said } from '../i18n/said';
import { err, ok, type Result } from '../result';
import { CURRENCIES, type Currency } from './currencies';
import { formatWithCode } from './format-amount';
import { moneySaid } from './money-said';

/** Purchase limits of one currency, in minor units, both ends always set. */
export interface AmountLimit {
  readonly min: number;
  readonly max: number;
}

/** Purchase limits for every currency. */
export type AmountLimits = Readonly<Record<Currency, AmountLimit>>;

/** Limits a manager set in Settings, currency by currency (the rest keep their defaults). */
export type LimitOverrides = Partial<Record<Currency, AmountLimit>>;

/**
 * Each currency's limits, in one row so that the minimum is written once: `min` is where a
 * counter starts and also as low as Settings may go, `max` where it starts, `ceiling` as high as
 * Settings may go.
 *
 * CNY's both ends and USD's minimum are Alipay's, from ecommpay's method page (seed: minimum
 * 10.00 CNY or 1.00 USD, maximum 5,000.00 CNY, "unlimited USD"), so CNY cannot leave
 * 10.00–5,000.00 nor USD go below 1.00. Everything else is ecommpay's contract with the merchant
 * ("refer to your key account manager"): the defaults are about 1 USD at the low end and about
 * 5,000 CNY at the high end, rounded, so that a typing slip (an extra zero) is caught before it
 * reaches the customer; the ceilings, no published Alipay figure, stop a limit from being set
 * above about 50,000 USD, beyond which a counter's sale is surely a mistake.
 */
const LIMITS_BY_CURRENCY: Readonly<Record<Currency, AmountLimit & { readonly ceiling: number }>> = {
  AUD: { min: 2_00, max: 1_100_00, ceiling: 75_000_00 },
  CAD: { min: 2_00, max: 950_00, ceiling: 70_000_00 },
  CNY: { min: 10_00, max: 5_000_00, ceiling: 5_000_00 },
  EUR: { min: 1_00, max: 650_00, ceiling: 45_000_00 },
  GBP: { min: 1_00, max: 550_00, ceiling: 40_000_00 },
  HKD: { min: 10_00, max: 5_500_00, ceiling: 390_000_00 },
  JPY: { min: 150, max: 100_000, ceiling: 7_500_000 },
  SGD: { min: 2_00, max: 950_00, ceiling: 65_000_00 },
  USD: { min: 1_00, max: 700_00, ceiling: 50_000_00 },
};

/** One limit for every currency, read from its row. */
function limitsOf(
  limitOf: (row: (typeof LIMITS_BY_CURRENCY)[Currency]) => AmountLimit,
): AmountLimits {
  return Object.fromEntries(
    CURRENCIES.map((currency) => [currency, limitOf(LIMITS_BY_CURRENCY[currency])]),
  ) as Record<Currency, AmountLimit>;
}

/** The limits a counter starts with, explicit for every currency. */
export const DEFAULT_PURCHASE_LIMITS: AmountLimits = limitsOf(({ min, max }) => ({ min, max }));

/** How far Settings may move the limits: from each currency's minimum up to its ceiling. */
export const LIMIT_BOUNDS: AmountLimits = limitsOf(({ min, ceiling }) => ({ min, max: ceiling }));

/** The limits in force: the defaults, with the manager's changes over them. */
export function effectiveLimits(overrides: LimitOverrides = {}): AmountLimits {
  const limits = { ...DEFAULT_PURCHASE_LIMITS };
  for (const currency of CURRENCIES) {
    const override = overrides[currency];
    if (override) limits[currency] = override;
  }
  return limits;
}

/** Why `limit` cannot be set for `currency`, in words, or undefined when it can. */
export function limitProblem(currency: Currency, limit: AmountLimit): string | undefined {
  const bound = LIMIT_BOUNDS[currency];
  const money = (minor: number) => formatWithCode(minor, currency);
  if (!Number.isSafeInteger(limit.min) || !Number.isSafeInteger(limit.max))
    return `${currency}: limits are whole amounts in minor units.`;
  if (limit.min < bound.min)
    return `${currency}: the minimum cannot be below ${money(bound.min)} (Alipay's own minimum or about 1 USD).`;
  if (limit.max > bound.max) return `${currency}: the maximum cannot be above ${money(bound.max)}.`;
  if (limit.min > limit.max)
    return `${currency}: the minimum ${money(limit.min)} is above the maximum ${money(limit.max)}.`;
  return undefined;
}

/** The error codes a limit check can produce. */
export type LimitErrorCode = 'AMOUNT_BELOW_MINIMUM' | 'AMOUNT_ABOVE_MAXIMUM';

/**
 * Refuses a purchase amount outside the limits for its currency, naming the limit, so that no
 * request is ever sent for an amount Gate would refuse or a cashier did not mean.
 */
export function checkPurchaseLimits(
  minor: number,
  currency: Currency,
  limits: AmountLimits = DEFAULT_PURCHASE_LIMITS,
): Result<number, LimitErrorCode> {
  const limit = limits[currency];
  const amount = moneySaid(minor, currency);
  if (minor < limit.min) {
    return err(
      'AMOUNT_BELOW_MINIMUM',
      `The minimum purchase is ${formatWithCode(limit.min, currency)}; ` +
        `${formatWithCode(minor, currency)} is below it.`,
      said('cashier.amount.belowMinimum', { minimum: moneySaid(limit.min, currency), amount }),
    );
  }
  if (minor > limit.max) {
    return err(
      'AMOUNT_ABOVE_MAXIMUM',
      `The maximum purchase is ${formatWithCode(limit.max, currency)}; ` +
        `${formatWithCode(minor, currency)} is above it.`,
      said('cashier.amount.aboveMaximum', { maximum: moneySaid(limit.max, currency), amount }),
    );
  }
  return ok(minor);
}
