import { useEffect, useRef } from 'react';
import { useIntl } from 'react-intl';
import { CURRENCIES, exponentOf, parsePurchaseAmount, type Currency } from '../../../shared/money';
import { useMoney } from '../components/Money';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { selectLimits, selectNumberLocale } from '../store/sale-slice';
import { Keypad } from './Keypad';
import { NotReady } from './NotReady';
import { KeyButton } from './KeyButton';

/** Amount entry: the amount field, the keypad, the currency and Charge (Enter). */
export function SaleScreen() {
  const { say, sayAll } = useSay();
  const intl = useIntl();
  const money = useMoney();
  const amountText = useCounter((s) => s.amountText);
  const currency = useCounter((s) => s.currency);
  const amountError = useCounter((s) => s.amountError);
  const charging = useCounter((s) => s.charging);
  const setAmountText = useCounter((s) => s.setAmountText);
  const setCurrency = useCounter((s) => s.setCurrency);
  const charge = useCounter((s) => s.charge);
  const numberLocale = useCounter(selectNumberLocale);
  const limits = useCounter(selectLimits);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const preview = parsePurchaseAmount(amountText, currency, limits, numberLocale);
  // "0.00" with the window's own mark ("0,00" in German), so the field shows how to type.
  const places = exponentOf(currency as Currency);
  const placeholder = intl.formatNumber(0, {
    minimumFractionDigits: places,
    maximumFractionDigits: places,
  });
  return (
    <section className="sale" aria-labelledby="sale-title">
      <div className="sale-left">
        <h1 id="sale-title" className="screen-title">
          {say('cashier.sale.title')}
        </h1>
        <NotReady />
        <label className="field-label" htmlFor="amount">
          {say('cashier.sale.amount')}
        </label>
        <div className="amount-row">
          <input
            id="amount"
            ref={input}
            className="amount-input"
            inputMode="decimal"
            autoComplete="off"
            placeholder={placeholder}
            value={amountText}
            aria-invalid={amountError !== null}
            aria-describedby="amount-error"
            onChange={(e) => setAmountText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void charge();
              }
            }}
          />
          <select
            aria-label={say('cashier.sale.currency')}
            className="currency"
            value={currency}
            onChange={(e) => setCurrency(e.target.value)}
          >
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <p id="amount-error" className="amount-error" role="alert">
          {amountError ? sayAll(amountError) : ''}
        </p>
        <KeyButton
          shortcut="Enter"
          className="charge"
          disabled={charging}
          onClick={() => void charge()}
        >
          {preview.ok
            ? say('cashier.sale.chargeAmount', {
                amount: money(preview.value.amount, preview.value.currency),
              })
            : say('cashier.sale.charge')}
        </KeyButton>
      </div>
      <Keypad />
    </section>
  );
}
