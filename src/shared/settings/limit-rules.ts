import { exponentOf, LIMIT_BOUNDS, type AmountLimit, type Currency } from '../money';
import { said } from '../i18n/said';
import type { FieldProblem } from './field-problem';

/** Minor units as a number of whole units, for a message to format in its language. */
function major(minor: number, currency: Currency): number {
  return minor / 10 ** exponentOf(currency);
}

/**
 * What is wrong with a currency's purchase limits, each on its end (`amountLimits.CNY.min`):
 * CNY stays within Alipay's 10.00–5,000.00 and every currency within its bounds, and the
 * smallest sale is not above the largest.
 */
export function limitProblems(currency: Currency, limit: AmountLimit): FieldProblem[] {
  const bound = LIMIT_BOUNDS[currency];
  const at = (end: 'min' | 'max') => `amountLimits.${currency}.${end}`;
  if (!Number.isSafeInteger(limit.min) || limit.min < 0)
    return [{ field: at('min'), said: said('settings.problem.limit.notAmount') }];
  if (!Number.isSafeInteger(limit.max) || limit.max < 0)
    return [{ field: at('max'), said: said('settings.problem.limit.notAmount') }];
  const problems: FieldProblem[] = [];
  if (limit.min < bound.min)
    problems.push({
      field: at('min'),
      said: said('settings.problem.limit.belowBound', {
        amount: major(bound.min, currency),
        currency,
      }),
    });
  if (limit.max > bound.max)
    problems.push({
      field: at('max'),
      said: said('settings.problem.limit.aboveBound', {
        amount: major(bound.max, currency),
        currency,
      }),
    });
  if (problems.length === 0 && limit.min > limit.max)
    problems.push({ field: at('min'), said: said('settings.problem.limit.minAboveMax') });
  return problems;
}
