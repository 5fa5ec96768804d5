import { useState } from 'react';
import { CURRENCIES } from '../../../shared/money';
import { t } from '../i18n';
import { selectLanguage, selectSystemLocale, useCounter } from '../store';
import { useSay } from '../i18n/use-say';
import { isLocale, LOCALE_NAMES, LOCALES, type LanguageChoice } from '../../../shared/i18n/locales';
import { AboutSection } from './AboutSection';
import { ConnectionTestPanel } from './ConnectionTestPanel';
import { LimitsSection } from './LimitsSection';
import { PinForm } from './PinForm';
import { PrinterSettingsSection } from '../printing/PrinterSettingsSection';
import { RelaySection } from './RelaySection';
import { formOf, updateOf, type SettingsForm } from './settings-form';
import { FIELD_TEXTS } from './field-texts';
import { TextField } from './TextField';

const QR_KINDS = ['qr_data', 'qr_url', 'qr_img', 'redirect'] as const;

/**
 * Settings after the first run. The secret key field is write-only: the app only ever says
 * whether one is configured. In demo mode the Gate, project, secret, return page and store
 * address are the sandbox's.
 */
export function SettingsScreen() {
  const language = useCounter(selectLanguage);
  const { say } = useSay();
  const systemLocale = useCounter(selectSystemLocale);
  const systemName = isLocale(systemLocale) ? LOCALE_NAMES[systemLocale] : systemLocale;
  const settings = useCounter((s) => s.settings);
  const { settingsError, settingsSaved } = useCounter();
  const save = useCounter((s) => s.submitSettings);
  const close = useCounter((s) => s.closeSettings);
  const [form, setForm] = useState<SettingsForm | null>(() => (settings ? formOf(settings) : null));
  if (!settings || !form) return null;
  const demo = settings.mode === 'demo';
  const field =
    <K extends keyof SettingsForm>(key: K) =>
    (value: SettingsForm[K]) =>
      setForm({ ...form, [key]: value });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save(updateOf(form, demo));
    setForm({ ...form, secret: '' });
  };

  return (
    <section className="settings" aria-label="Settings">
      <h1>{t('settings', language)}</h1>
      {settings.problems.length > 0 ? (
        <ul className="problems" role="status">
          {settings.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      {demo ? (
        <p className="hint">
          Demo mode: the Gate, project, secret key, return page and store address are the built-in
          sandbox's.
        </p>
      ) : null}
      <form onSubmit={submit} className="settings-form">
        <fieldset>
          <legend>ecommpay project</legend>
          <TextField
            {...FIELD_TEXTS.gateUrl}
            value={form.gateUrl}
            disabled={demo}
            onChange={field('gateUrl')}
          />
          <TextField
            {...FIELD_TEXTS.projectId}
            inputMode="numeric"
            value={form.projectId}
            disabled={demo}
            onChange={field('projectId')}
          />
          <TextField
            {...FIELD_TEXTS.secret}
            type="password"
            value={form.secret}
            disabled={demo}
            placeholder={
              demo
                ? "the sandbox's (demo)"
                : settings.secretConfigured
                  ? 'configured (type to replace)'
                  : 'not set'
            }
            onChange={field('secret')}
          />
        </fieldset>
        <fieldset>
          <legend>The customer</legend>
          <TextField
            {...FIELD_TEXTS.customerReturnUrl}
            type="url"
            value={form.customerReturnUrl}
            disabled={demo}
            onChange={field('customerReturnUrl')}
          />
          <TextField
            {...FIELD_TEXTS.successUrl}
            type="url"
            value={form.successUrl}
            disabled={demo}
            onChange={field('successUrl')}
          />
          <TextField
            {...FIELD_TEXTS.storeIpAddress}
            value={form.storeIpAddress}
            disabled={demo}
            onChange={field('storeIpAddress')}
          />
        </fieldset>
        <fieldset>
          <legend>Callbacks and purchase mode</legend>
          <TextField
            label="Callback bind address"
            value={form.callbackBindAddress}
            onChange={field('callbackBindAddress')}
          />
          <TextField
            label="Callback port"
            inputMode="numeric"
            value={String(form.callbackPort)}
            onChange={(v) => field('callbackPort')(Number(v))}
          />
          <TextField
            label="Public callback URL"
            placeholder="https://… (your reverse proxy or tunnel)"
            value={form.callbackPublicUrl}
            onChange={field('callbackPublicUrl')}
          />
          <div className="checks" role="group" aria-label="Accepted QR forms">
            <span>Accepted QR forms</span>
            {QR_KINDS.map((kind) => (
              <label key={kind} className="check">
                <input
                  type="checkbox"
                  checked={form.acceptedQrKinds.includes(kind)}
                  onChange={(e) =>
                    field('acceptedQrKinds')(
                      e.target.checked
                        ? [...form.acceptedQrKinds, kind]
                        : form.acceptedQrKinds.filter((k) => k !== kind),
                    )
                  }
                />
                {kind}
              </label>
            ))}
          </div>
          <label>
            Purchase mode
            <select
              value={form.purchaseMode}
              onChange={(e) =>
                field('purchaseMode')(e.target.value as SettingsForm['purchaseMode'])
              }
            >
              <option value="auto">
                Automatic (now:{' '}
                {settings.effectivePurchaseMode === 'gate_qr' ? 'Gate QR' : 'Payment Page link'})
              </option>
              <option value="gate_qr">Gate QR (needs the callback path)</option>
              <option value="payment_page">Payment Page link (works without callbacks)</option>
            </select>
          </label>
          <TextField
            label="Payment Page URL"
            value={form.paymentPageUrl}
            disabled={demo}
            onChange={field('paymentPageUrl')}
          />
          <TextField
            label="Payment Page link lifetime (seconds)"
            inputMode="numeric"
            value={String(form.paymentPageLifetimeSeconds)}
            onChange={(v) => field('paymentPageLifetimeSeconds')(Number(v))}
          />
          <TextField
            label="Threshold time (seconds)"
            inputMode="numeric"
            value={String(form.thresholdSeconds)}
            onChange={(v) => field('thresholdSeconds')(Number(v))}
          />
        </fieldset>
        <fieldset>
          <legend>This counter</legend>
          <TextField label="Terminal id" value={form.terminalId} onChange={field('terminalId')} />
          <TextField
            label="Merchant name"
            value={form.merchantName}
            onChange={field('merchantName')}
          />
          <label>
            Default currency
            <select
              value={form.defaultCurrency}
              onChange={(e) => field('defaultCurrency')(e.target.value)}
            >
              {CURRENCIES.map((c) => (
                <option key={c}>{c}</option>
              ))}
            </select>
          </label>
          <label>
            Language
            <select
              value={form.language}
              onChange={(e) => field('language')(e.target.value as LanguageChoice)}
            >
              <option value="system">
                {say('common.language.system', { language: systemName })}
              </option>
              {LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {LOCALE_NAMES[locale]}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        <p className="settings-error" role="alert">
          {settingsError ?? ''}
        </p>
        {settingsSaved ? <p role="status">Saved.</p> : null}
        <div className="settings-actions">
          <button type="submit" className="primary">
            {t('save', language)}
          </button>
          <button type="button" onClick={close}>
            {t('back', language)}
          </button>
        </div>
      </form>
      <ConnectionTestPanel />
      <LimitsSection />
      <RelaySection />
      <PinForm />
      <AboutSection />
      <PrinterSettingsSection />
    </section>
  );
}
