import { useEffect, useState } from 'react';
import type { SettingsView } from '../../../shared/ipc/views';
import { useCounter } from '../store';
import { ConnectionTestResult } from './ConnectionTestPanel';
import { newPinProblem } from '../../../shared/manager-pin-rules';
import { NewPinHint, newPinDigits, PinReset } from './PinForm';
import { FIELD_TEXTS } from './field-texts';
import { TextField } from './TextField';

const STEPS = [
  { key: 'pin', title: 'Manager PIN' },
  { key: 'project', title: 'Project' },
  { key: 'secret', title: 'Secret key' },
  { key: 'return', title: 'Return page' },
  { key: 'ip', title: 'Store address' },
  { key: 'test', title: 'Test' },
] as const;
type Step = (typeof STEPS)[number]['key'];

/** The first step after the PIN that still needs something (or the test when none does). */
function firstMissing(settings: SettingsView): Step {
  if (settings.projectId === null) return 'project';
  if (!settings.secretConfigured) return 'secret';
  if (settings.customerReturnUrl === '') return 'return';
  if (settings.storeIpAddress === '') return 'ip';
  return 'test';
}

/**
 * A live counter's first run, one thing at a time: the manager PIN (every setting is saved
 * under it), the project id, the secret key, the customer return page, the store's public
 * address, then Test connection. Nothing can be charged until the test has passed once.
 */
export function FirstRunWizard() {
  const settings = useCounter((s) => s.settings);
  const managerStatus = useCounter((s) => s.managerStatus);
  const setPin = useCounter((s) => s.setPin);
  const saveWithPin = useCounter((s) => s.saveSettingsWithPin);
  const testConnection = useCounter((s) => s.testConnection);
  const testing = useCounter((s) => s.connectionTesting);
  const finish = useCounter((s) => s.finishFirstRun);
  const startFirstRun = useCounter((s) => s.startFirstRun);
  const [step, setStep] = useState<Step>('pin');
  const [pin, setPinText] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [values, setValues] = useState({
    projectId: settings?.projectId === null ? '' : String(settings?.projectId ?? ''),
    gateUrl: settings?.gateUrl ?? '',
    secret: '',
    customerReturnUrl: settings?.customerReturnUrl ?? '',
    successUrl: settings?.successUrl ?? '',
    storeIpAddress: settings?.storeIpAddress ?? '',
  });
  useEffect(() => startFirstRun(), [startFirstRun]);
  // The test runs by itself when its step opens.
  useEffect(() => {
    if (step === 'test') void testConnection();
  }, [step, testConnection]);
  if (!settings) return null;
  const pinSet = managerStatus?.pinSet ?? settings.pinSet;
  const index = STEPS.findIndex((s) => s.key === step);
  const set = (key: keyof typeof values) => (value: string) =>
    setValues({ ...values, [key]: value });

  const next = async (e: React.FormEvent) => {
    e.preventDefault();
    setError(null);
    const result = await save();
    if (result === true) {
      const latest = useCounter.getState().settings ?? settings;
      setStep(step === 'pin' ? firstMissing(latest) : STEPS[index + 1]!.key);
    } else setError(result);
  };

  /** Saves what this step asks for; true, or main's message. */
  const save = async (): Promise<true | string> => {
    switch (step) {
      case 'pin': {
        if (!pinSet) {
          const problem = newPinProblem(pin, settings.mode);
          if (problem) return problem;
          if (pin !== repeat) return 'The two PINs differ.';
          return (await setPin(pin)) ? true : (useCounter.getState().settingsError ?? 'Refused.');
        }
        // An empty change only checks the PIN.
        const checked = await saveWithPin({}, pin);
        return checked.ok ? true : checked.error.message;
      }
      case 'project': {
        const projectId = Number(values.projectId.trim());
        if (!/^\d+$/.test(values.projectId.trim()) || projectId <= 0)
          return 'The project id is a number, as in ecommpay Dashboard → Projects.';
        const result = await saveWithPin({ projectId, gateUrl: values.gateUrl.trim() }, pin);
        return result.ok ? true : result.error.message;
      }
      case 'secret': {
        if (values.secret === '' && settings.secretConfigured) return true;
        const result = await saveWithPin({ secret: values.secret }, pin);
        setValues({ ...values, secret: '' });
        return result.ok ? true : result.error.message;
      }
      case 'return': {
        const result = await saveWithPin(
          {
            customerReturnUrl: values.customerReturnUrl.trim(),
            successUrl: values.successUrl.trim(),
          },
          pin,
        );
        return result.ok ? true : result.error.message;
      }
      case 'ip': {
        const result = await saveWithPin({ storeIpAddress: values.storeIpAddress.trim() }, pin);
        return result.ok ? true : result.error.message;
      }
      case 'test':
        return true;
    }
  };

  const test = settings.connectionTest;
  const passed = test?.ok === true && test.current;
  return (
    <section className="first-run" aria-label="First run">
      <h1>Set up this counter</h1>
      <ol className="steps">
        {STEPS.map((s, i) => (
          <li key={s.key} aria-current={s.key === step ? 'step' : undefined}>
            <span className="step-number">{i + 1}</span> {s.title}
          </li>
        ))}
      </ol>
      {step === 'pin' && managerStatus?.resetNeeded ? <PinReset /> : null}
      <form className="settings-form first-run-form" onSubmit={(e) => void next(e)}>
        {step === 'pin' ? (
          pinSet ? (
            <TextField
              label="Manager PIN"
              hint="Every setting is saved under it."
              type="password"
              inputMode="numeric"
              autoFocus
              value={pin}
              onChange={setPinText}
            />
          ) : (
            <>
              <p className="hint">
                Choose the manager PIN first: settings, refunds and closing the day need it. Use{' '}
                {newPinDigits(settings.mode)}.
              </p>
              <TextField
                label="New manager PIN"
                type="password"
                inputMode="numeric"
                autoFocus
                value={pin}
                onChange={setPinText}
              />
              <TextField
                label="The same PIN again"
                type="password"
                inputMode="numeric"
                value={repeat}
                onChange={setRepeat}
              />
              <NewPinHint pin={pin} mode={settings.mode} />
            </>
          )
        ) : null}
        {step === 'project' ? (
          <>
            <TextField
              {...FIELD_TEXTS.projectId}
              inputMode="numeric"
              autoFocus
              value={values.projectId}
              onChange={set('projectId')}
            />
            <TextField {...FIELD_TEXTS.gateUrl} value={values.gateUrl} onChange={set('gateUrl')} />
          </>
        ) : null}
        {step === 'secret' ? (
          <TextField
            {...FIELD_TEXTS.secret}
            type="password"
            autoFocus
            placeholder={settings.secretConfigured ? 'configured (type to replace)' : ''}
            value={values.secret}
            onChange={set('secret')}
          />
        ) : null}
        {step === 'return' ? (
          <>
            <TextField
              {...FIELD_TEXTS.customerReturnUrl}
              type="url"
              autoFocus
              value={values.customerReturnUrl}
              onChange={set('customerReturnUrl')}
            />
            <TextField
              {...FIELD_TEXTS.successUrl}
              type="url"
              value={values.successUrl}
              onChange={set('successUrl')}
            />
          </>
        ) : null}
        {step === 'ip' ? (
          <TextField
            {...FIELD_TEXTS.storeIpAddress}
            autoFocus
            value={values.storeIpAddress}
            onChange={set('storeIpAddress')}
          />
        ) : null}
        {step === 'test' ? (
          <div className="first-run-test">
            {testing ? <p role="status">Testing the connection to ecommpay…</p> : null}
            {!testing ? <ConnectionTestResult test={test} /> : null}
          </div>
        ) : null}
        <p className="settings-error" role="alert">
          {error ?? ''}
        </p>
        <div className="settings-actions">
          {step === 'test' ? (
            passed ? (
              <button type="button" className="primary" onClick={finish}>
                Start selling
              </button>
            ) : (
              <button type="button" disabled={testing} onClick={() => void testConnection()}>
                Test again
              </button>
            )
          ) : (
            <button type="submit" className="primary">
              Next
            </button>
          )}
          {index > 0 ? (
            <button type="button" onClick={() => setStep(STEPS[index - 1]!.key)}>
              Back
            </button>
          ) : null}
        </div>
      </form>
    </section>
  );
}
