import { useIntl } from 'react-intl';
import { formatAmount, type Currency } from '../../../shared/money';

/** Words amounts in minor units in the window's language ("CN¥12.50", "12,50 CN¥"). */
export function useAmount(): (amount: number, currency: string) => string {
  const intl = useIntl();
  return (amount, currency) => formatAmount(amount, currency as Currency, intl.locale);
}

/** An amount in minor units, in the window's language. */
export function Amount({ amount, currency }: { amount: number; currency: string }) {
  return <>{useAmount()(amount, currency)}</>;
}
