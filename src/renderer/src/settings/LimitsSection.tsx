import { useState } from 'react';
import {
  CURRENCIES,
  DEFAULT_PURCHASE_LIMITS,
  parseAmount,
  toDecimalString,
  type Currency,
  type LimitOverrides,
} from '../../../shared/money';
import { useCounter } from '../store';
import { selectLimits } from '../store/sale-slice';

type Texts = Record<Currency, { min: string; max: string }>;

/**
 * Settings → Purchase limits: the smallest and largest sale per currency, as amounts. Main
 * keeps them within Alipay's own limits (CNY 10.00–5,000.00, at least 1.00 USD) and sane
 * bounds; only the ones that differ from the defaults are saved.
 */
export function LimitsSection() {
  const limits = useCounter(selectLimits);
  const submit = useCounter((s) => s.submitSettings);
  const [texts, setTexts] = useState<Texts>(() => {
    const entries = CURRENCIES.map((c) => [
      c,
      { min: toDecimalString(limits[c].min, c), max: toDecimalString(limits[c].max, c) },
    ]);
    return Object.fromEntries(entries) as Texts;
  });
  const [problem, setProblem] = useState<string | null>(null);

  const save = (e: React.FormEvent) => {
    e.preventDefault();
    const overrides: LimitOverrides = {};
    for (const currency of CURRENCIES) {
      const min = parseAmount(texts[currency].min, currency);
      const max = parseAmount(texts[currency].max, currency);
      if (!min.ok) return setProblem(`${currency}: ${min.error.message}`);
      if (!max.ok) return setProblem(`${currency}: ${max.error.message}`);
      const preset = DEFAULT_PURCHASE_LIMITS[currency];
      if (min.value !== preset.min || max.value !== preset.max)
        overrides[currency] = { min: min.value, max: max.value };
    }
    setProblem(null);
    submit({ amountLimits: overrides });
  };

  return (
    <form className="settings-form limits" aria-label="Purchase limits" onSubmit={save}>
      <h2>Purchase limits</h2>
      <table>
        <thead>
          <tr>
            <th>Currency</th>
            <th>Smallest sale</th>
            <th>Largest sale</th>
          </tr>
        </thead>
        <tbody>
          {CURRENCIES.map((currency) => (
            <tr key={currency}>
              <th scope="row">{currency}</th>
              {(['min', 'max'] as const).map((end) => (
                <td key={end}>
                  <input
                    aria-label={`${currency} ${end === 'min' ? 'smallest' : 'largest'} sale`}
                    inputMode="decimal"
                    value={texts[currency][end]}
                    onChange={(e) =>
                      setTexts({
                        ...texts,
                        [currency]: { ...texts[currency], [end]: e.target.value },
                      })
                    }
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="settings-error" role="alert">
        {problem ?? ''}
      </p>
      <div className="settings-actions">
        <button type="submit">Save limits</button>
      </div>
    </form>
  );
}
