import { useEffect, useRef } from 'react';
import { CURRENCIES, parsePurchaseAmount } from '../../../shared/money';
import { Money } from '../components/Money';
import { t } from '../i18n';
import { selectLanguage, useCounter } from '../store';
import { selectLimits } from '../store/sale-slice';
import { Keypad } from './Keypad';
import { NotReady } from './NotReady';

/** Amount entry: the amount field, the keypad, the currency and Charge (Enter). */
export function SaleScreen() {
  const language = useCounter(selectLanguage);
  const { amountText, currency, amountError, charging } = useCounter();
  const setAmountText = useCounter((s) => s.setAmountText);
  const setCurrency = useCounter((s) => s.setCurrency);
  const charge = useCounter((s) => s.charge);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const limits = useCounter(selectLimits);
  const preview = parsePurchaseAmount(amountText, currency, limits);
  return (
    <section className="sale" aria-label="Sale">
      <div className="sale-left">
        <NotReady />
        <label className="field-label" htmlFor="amount">
          {t('amount', language)}
        </label>
        <div className="amount-row">
          <input
            id="amount"
            ref={input}
            className="amount-input"
            aria-label="Amount"
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.00"
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
            aria-label={t('currency', language)}
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
          {amountError ?? ''}
        </p>
        <button type="button" className="charge" disabled={charging} onClick={() => void charge()}>
          {t('charge', language)}{' '}
          {preview.ok ? (
            <Money
              amount={preview.value.amount}
              currency={preview.value.currency}
              locale={language}
            />
          ) : null}
        </button>
      </div>
      <Keypad clearLabel={t('clear', language)} />
    </section>
  );
}
