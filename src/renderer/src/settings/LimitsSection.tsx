import { useIntl } from 'react-intl';
import {
  CURRENCIES,
  DEFAULT_PURCHASE_LIMITS,
  parseAmount,
  toDecimalString,
  type Currency,
  type LimitOverrides,
} from '../../../shared/money';
import { said } from '../../../shared/i18n/said';
import type { FieldProblem } from '../../../shared/settings/field-problem';
import { TableHead } from '../components/TableHead';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { selectLimits } from '../store/sale-slice';
import { SectionForm } from './SectionForm';
import type { SectionProps } from './section-props';
import { useSectionForm } from './use-section-form';

type End = 'min' | 'max';
type Texts = Record<Currency, Record<End, string>>;

/** The window's decimal separator ("," in German and French). */
function decimalSeparator(locale: string): string {
  return (
    new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.'
  );
}

/**
 * Settings → Limits: the smallest and the largest sale per currency, typed with the window's
 * decimal separator. Main keeps them within Alipay's own limits; only the ones that differ from
 * the usual ones are saved.
 */
export function LimitsSection(props: SectionProps) {
  const { say } = useSay();
  const intl = useIntl();
  const separator = decimalSeparator(intl.locale);
  const limits = useCounter(selectLimits);
  const shown = (minor: number, currency: Currency) =>
    toDecimalString(minor, currency).replace('.', separator);
  const form = useSectionForm('limits', ['amountLimits'], props, () => {
    const entries = CURRENCIES.map((c) => [
      c,
      { min: shown(limits[c].min, c), max: shown(limits[c].max, c) },
    ]);
    return Object.fromEntries(entries) as Texts;
  });
  const { values } = form;

  const submit = () => {
    const overrides: LimitOverrides = {};
    const typed: FieldProblem[] = [];
    for (const currency of CURRENCIES) {
      const amount = (end: End) => {
        const text = values[currency][end].trim().replace(separator, '.');
        const parsed = parseAmount(text, currency);
        if (parsed.ok) return parsed.value;
        typed.push({
          field: `amountLimits.${currency}.${end}`,
          said: said('settings.problem.limit.notAmount'),
        });
        return 0;
      };
      const limit = { min: amount('min'), max: amount('max') };
      const usual = DEFAULT_PURCHASE_LIMITS[currency];
      if (limit.min !== usual.min || limit.max !== usual.max) overrides[currency] = limit;
    }
    form.save({ amountLimits: overrides }, typed);
  };

  const input = (currency: Currency, end: End) => {
    const field = `amountLimits.${currency}.${end}`;
    const error = form.errorOf(field);
    const errorId = `limit-error-${currency}-${end}`;
    return (
      <td key={end}>
        <input
          name={field}
          aria-label={say(end === 'min' ? 'settings.limits.minOf' : 'settings.limits.maxOf', {
            currency,
          })}
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          value={values[currency][end]}
          onChange={(e) => {
            const text = e.target.value;
            form.change(currency, field)({ ...values[currency], [end]: text });
          }}
        />
        {error ? (
          <span className="field-error" id={errorId}>
            {error}
          </span>
        ) : null}
      </td>
    );
  };

  return (
    <SectionForm {...form.frame} intro={say('settings.limits.intro')} onSubmit={submit}>
      <table className="limits">
        <TableHead
          columns={[
            say('settings.limits.currency'),
            say('settings.limits.min'),
            say('settings.limits.max'),
          ]}
        />
        <tbody>
          {CURRENCIES.map((currency) => (
            <tr key={currency}>
              <th scope="row">{currency}</th>
              {input(currency, 'min')}
              {input(currency, 'max')}
            </tr>
          ))}
        </tbody>
      </table>
    </SectionForm>
  );
}
