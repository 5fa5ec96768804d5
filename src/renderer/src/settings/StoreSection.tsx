import { CURRENCIES } from '../../../shared/money';
import {
  CUSTOMER_LOCALES,
  isLocale,
  LOCALE_NAMES,
  LOCALES,
  type CustomerLocale,
  type LanguageChoice,
} from '../../../shared/i18n/locales';
import type { RequestOf } from '../../../shared/ipc/contract';
import { TECHNICAL_DEFAULTS } from '../../../shared/settings/technical-defaults';
import { useSay } from '../i18n/use-say';
import { selectSystemLocale, useCounter } from '../store';
import { Advanced, SelectField, TextField } from './Field';
import { SectionForm } from './SectionForm';
import type { SectionProps } from './section-props';
import { useSectionForm } from './use-section-form';

const FIELDS = [
  'merchantName',
  'defaultCurrency',
  'language',
  'customerLanguage',
  'customerDisplayId',
  'storeIpAddress',
  'terminalId',
];

/**
 * Settings → Store: the shop's name, its currency, the languages of both windows, the screen
 * the customer display goes to, and the store's public address (ecommpay checks every payment
 * against it). The terminal id is under Advanced.
 */
export function StoreSection(props: SectionProps) {
  const { say } = useSay();
  const settings = useCounter((s) => s.settings);
  const displays = useCounter((s) => s.displays);
  const systemLocale = useCounter(selectSystemLocale);
  const form = useSectionForm('store', FIELDS, props, () => ({
    merchantName: settings?.merchantName ?? '',
    defaultCurrency: settings?.defaultCurrency ?? 'CNY',
    language: settings?.language ?? ('system' as LanguageChoice),
    customerLanguage: settings?.customerLanguage ?? ('zh-Hans' as CustomerLocale),
    customerDisplayId:
      settings?.customerDisplayId == null ? '' : String(settings.customerDisplayId),
    storeIpAddress: settings?.storeIpAddress ?? '',
    terminalId: settings?.terminalId ?? '',
  }));
  if (!settings) return null;
  const demo = settings.mode === 'demo';
  const { values, change } = form;
  const others = displays.filter((display) => !display.primary);

  const submit = () => {
    const update: RequestOf<'settings:update'> = {
      merchantName: values.merchantName.trim(),
      defaultCurrency: values.defaultCurrency,
      language: values.language,
      customerLanguage: values.customerLanguage,
      terminalId: values.terminalId.trim(),
    };
    if (others.length > 0)
      update.customerDisplayId =
        values.customerDisplayId === '' ? null : Number(values.customerDisplayId);
    if (!demo) update.storeIpAddress = values.storeIpAddress.trim();
    form.save(update);
  };

  return (
    <SectionForm {...form.frame} onSubmit={submit}>
      <TextField
        {...form.bind('merchantName')}
        label={say('settings.store.merchantName')}
        hint={say('settings.store.merchantName.hint')}
      />
      <SelectField
        {...form.bind('defaultCurrency')}
        label={say('settings.store.currency')}
        hint={say('settings.store.currency.hint')}
      >
        {CURRENCIES.map((currency) => (
          <option key={currency}>{currency}</option>
        ))}
      </SelectField>
      <SelectField
        name="language"
        label={say('settings.store.language')}
        value={values.language}
        error={form.errorOf('language')}
        onChange={(value) => change('language')(value as LanguageChoice)}
      >
        <option value="system">
          {say('common.language.system', {
            language: isLocale(systemLocale) ? LOCALE_NAMES[systemLocale] : systemLocale,
          })}
        </option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </SelectField>
      <SelectField
        name="customerLanguage"
        label={say('settings.store.customerLanguage')}
        hint={say('settings.store.customerLanguage.hint')}
        value={values.customerLanguage}
        error={form.errorOf('customerLanguage')}
        onChange={(value) => change('customerLanguage')(value as CustomerLocale)}
      >
        {CUSTOMER_LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </SelectField>
      {others.length > 0 ? (
        <SelectField
          {...form.bind('customerDisplayId')}
          label={say('settings.store.customerDisplay')}
        >
          <option value="">{say('settings.store.customerDisplay.auto')}</option>
          {others.map((display) => (
            <option key={display.id} value={display.id}>
              {say('settings.store.customerDisplay.screen', {
                label: display.label,
                width: display.width,
                height: display.height,
              })}
            </option>
          ))}
        </SelectField>
      ) : null}
      <TextField
        name="storeIpAddress"
        label={say('settings.store.storeIp')}
        hint={demo ? say('settings.demoNote') : say('settings.store.storeIp.hint')}
        value={values.storeIpAddress}
        disabled={demo}
        error={form.errorOf('storeIpAddress')}
        onChange={change('storeIpAddress')}
      />
      <Advanced>
        <TextField
          {...form.bind('terminalId')}
          label={say('settings.store.terminalId')}
          hint={say('settings.store.terminalId.hint')}
          usual={TECHNICAL_DEFAULTS.terminalId}
        />
      </Advanced>
    </SectionForm>
  );
}
