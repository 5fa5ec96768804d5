import { useIntl } from 'react-intl';
import { formatAmount, type Currency } from '../../../shared/money';

/**
 * An amount in minor units, written by Intl in the window's language ("12,50 €" in German), or
 * in `locale` where a paper slip has its own.
 */
export function Money({
  amount,
  currency,
  locale,
}: {
  amount: number;
  currency: string;
  locale?: string;
}) {
  const money = useMoney();
  if (locale === undefined) return <>{money(amount, currency)}</>;
  return <>{formatAmount(amount, currency as Currency, locale === 'zh' ? 'zh-CN' : locale)}</>;
}

/** The same, as a string: for a message's value or an attribute. */
export function useMoney(): (amount: number, currency: string) => string {
  const { locale } = useIntl();
  return (amount, currency) => formatAmount(amount, currency as Currency, locale);
}
