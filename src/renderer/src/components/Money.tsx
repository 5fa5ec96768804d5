import { formatAmount, type Currency } from '../../../shared/money';

/** An amount in minor units, formatted for the locale. */
export function Money({
  amount,
  currency,
  locale = 'en',
}: {
  amount: number;
  currency: string;
  locale?: string;
}) {
  return <>{formatAmount(amount, currency as Currency, locale === 'zh' ? 'zh-CN' : 'en')}</>;
}
