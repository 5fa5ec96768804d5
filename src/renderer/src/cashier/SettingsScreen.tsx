import { useState } from 'react';
import { CURRENCIES } from '../../../shared/money';
import type { SettingsView } from '../../../shared/ipc/views';
import type { RequestOf } from '../../../shared/ipc/contract';
import { t } from '../i18n';
import { selectLanguage, useCounter } from '../store';
import { PrinterSettingsSection } from '../printing/PrinterSettingsSection';

const QR_KINDS = ['qr_data', 'qr_url', 'qr_img', 'redirect'] as const;

type Form = Omit<
  SettingsView,
  'mode' | 'secretConfigured' | 'ready' | 'problems' | 'projectId' | 'effectivePurchaseMode'
> & {
  projectId: string;
  secret: string;
};

function formOf(s: SettingsView): Form {
  const {
    mode: _m,
    secretConfigured: _c,
    ready: _r,
    problems: _p,
    projectId,
    effectivePurchaseMode: _e,
    ...rest
  } = s;
  return { ...rest, projectId: projectId === null ? '' : String(projectId), secret: '' };
}

/**
 * First-run setup and later changes. The secret key field is write-only: the app only ever
 * says whether one is configured. In demo mode the Gate, project and secret are the sandbox's.
 */
export function SettingsScreen() {
  const language = useCounter(selectLanguage);
  const settings = useCounter((s) => s.settings);
  const { settingsError, settingsSaved } = useCounter();
  const save = useCounter((s) => s.submitSettings);
  const setPin = useCounter((s) => s.setPin);
  const managerStatus = useCounter((s) => s.managerStatus);
  const [pins, setPins] = useState({ current: '', next: '' });
  const close = useCounter((s) => s.closeSettings);
  const [form, setForm] = useState<Form | null>(() => (settings ? formOf(settings) : null));
  if (!settings || !form) return null;
  const demo = settings.mode === 'demo';
  const field =
    <K extends keyof Form>(key: K) =>
    (value: Form[K]) =>
      setForm({ ...form, [key]: value });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const update: RequestOf<'settings:update'> = {
      terminalId: form.terminalId,
      defaultCurrency: form.defaultCurrency,
      callbackBindAddress: form.callbackBindAddress,
      callbackPort: Number(form.callbackPort),
      callbackPublicUrl: form.callbackPublicUrl,
      acceptedQrKinds: form.acceptedQrKinds,
      thresholdSeconds: Number(form.thresholdSeconds),
      language: form.language,
      merchantName: form.merchantName,
      purchaseMode: form.purchaseMode,
      paymentPageLifetimeSeconds: Number(form.paymentPageLifetimeSeconds),
    };
    if (!demo) {
      update.gateUrl = form.gateUrl;
      update.paymentPageUrl = form.paymentPageUrl;
      if (form.projectId !== '') update.projectId = Number(form.projectId);
      if (form.secret !== '') update.secret = form.secret;
    }
    save(update);
    setForm({ ...form, secret: '' });
  };
  const submitPin = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await setPin(pins.next, managerStatus?.pinSet ? pins.current : undefined))
      setPins({ current: '', next: '' });
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
          Demo mode: the Gate, project and secret key are the built-in sandbox's.
        </p>
      ) : null}
      <form
        onSubmit={(e) => void submitPin(e)}
        className="settings-form pin-form"
        aria-label="Manager PIN"
      >
        <h2>
          {managerStatus?.pinSet ? 'Change the manager PIN' : 'Set a manager PIN (4 to 8 digits)'}
        </h2>
        {managerStatus?.lockedUntil ? (
          <p className="action-error" role="status">
            Manager actions are locked until{' '}
            {new Date(managerStatus.lockedUntil).toLocaleTimeString('en-GB')} after 5 wrong PINs.
          </p>
        ) : null}
        {managerStatus?.pinSet ? (
          <label>
            Current PIN
            <input
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={pins.current}
              onChange={(e) => setPins({ ...pins, current: e.target.value })}
            />
          </label>
        ) : null}
        <label>
          New PIN
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pins.next}
            onChange={(e) => setPins({ ...pins, next: e.target.value })}
          />
        </label>
        <div className="settings-actions">
          <button type="submit">{managerStatus?.pinSet ? 'Change PIN' : 'Set PIN'}</button>
        </div>
      </form>
      <form onSubmit={(e) => void submit(e)} className="settings-form">
        <label>
          Gate URL
          <input
            value={form.gateUrl}
            disabled={demo}
            onChange={(e) => field('gateUrl')(e.target.value)}
          />
        </label>
        <label>
          Project id
          <input
            value={form.projectId}
            inputMode="numeric"
            disabled={demo}
            onChange={(e) => field('projectId')(e.target.value)}
          />
        </label>
        <label>
          Secret key
          <input
            type="password"
            autoComplete="off"
            value={form.secret}
            disabled={demo}
            placeholder={
              demo
                ? "the sandbox's (demo)"
                : settings.secretConfigured
                  ? 'configured (type to replace)'
                  : 'not set'
            }
            onChange={(e) => field('secret')(e.target.value)}
          />
        </label>
        <label>
          Terminal id
          <input value={form.terminalId} onChange={(e) => field('terminalId')(e.target.value)} />
        </label>
        <label>
          Merchant name
          <input
            value={form.merchantName}
            onChange={(e) => field('merchantName')(e.target.value)}
          />
        </label>
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
          Callback bind address
          <input
            value={form.callbackBindAddress}
            onChange={(e) => field('callbackBindAddress')(e.target.value)}
          />
        </label>
        <label>
          Callback port
          <input
            value={form.callbackPort}
            inputMode="numeric"
            onChange={(e) => field('callbackPort')(Number(e.target.value))}
          />
        </label>
        <label>
          Public callback URL
          <input
            value={form.callbackPublicUrl}
            placeholder="https://… (your reverse proxy or tunnel)"
            onChange={(e) => field('callbackPublicUrl')(e.target.value)}
          />
        </label>
        <fieldset>
          <legend>Accepted QR forms</legend>
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
        </fieldset>
        <label>
          Purchase mode
          <select
            value={form.purchaseMode}
            onChange={(e) => field('purchaseMode')(e.target.value as Form['purchaseMode'])}
          >
            <option value="auto">
              Automatic (now:{' '}
              {settings.effectivePurchaseMode === 'gate_qr' ? 'Gate QR' : 'Payment Page link'})
            </option>
            <option value="gate_qr">Gate QR (needs the callback path)</option>
            <option value="payment_page">Payment Page link (works without callbacks)</option>
          </select>
        </label>
        <label>
          Payment Page URL
          <input
            value={form.paymentPageUrl}
            disabled={demo}
            onChange={(e) => field('paymentPageUrl')(e.target.value)}
          />
        </label>
        <label>
          Payment Page link lifetime (seconds)
          <input
            value={form.paymentPageLifetimeSeconds}
            inputMode="numeric"
            onChange={(e) => field('paymentPageLifetimeSeconds')(Number(e.target.value))}
          />
        </label>
        <label>
          Threshold time (seconds)
          <input
            value={form.thresholdSeconds}
            inputMode="numeric"
            onChange={(e) => field('thresholdSeconds')(Number(e.target.value))}
          />
        </label>
        <label>
          Language
          <select
            value={form.language}
            onChange={(e) => field('language')(e.target.value as 'en' | 'zh')}
          >
            <option value="en">English</option>
            <option value="zh">简体中文</option>
          </select>
        </label>
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
      <PrinterSettingsSection />
    </section>
  );
}
