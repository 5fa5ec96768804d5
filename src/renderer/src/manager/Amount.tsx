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

/** A table cell holding an amount, right-aligned with the other figures; `net` in bold. */
export function AmountCell({
  amount,
  currency,
  net = false,
}: {
  amount: number;
  currency: string;
  net?: boolean;
}) {
  return (
    <td className={net ? 'num net' : 'num'}>
      <Amount amount={amount} currency={currency} />
    </td>
  );
}
