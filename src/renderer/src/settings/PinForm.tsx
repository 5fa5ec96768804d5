import { useEffect, useRef, useState } from 'react';
import { minNewPinDigits, PIN_MAX_DIGITS } from '../../../shared/manager-pin-rules';
import { said, saidOfError, type Said } from '../../../shared/i18n/said';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { TextField } from './Field';
import { SectionForm } from './SectionForm';
import type { SectionNotice } from './use-section-form';

type PinField = 'currentPin' | 'newPin' | 'repeatPin' | 'secret';
type Errors = Partial<Record<PinField, Said>>;

/** The counter's mode, which sets how many digits a new PIN needs (live unless told). */
export function useMode(): 'demo' | 'live' {
  return useCounter((s) => s.settings?.mode) ?? 'live';
}

/** What is wrong with a new PIN and its repetition, each on its field. */
export function newPinErrors(pin: string, repeat: string, mode: 'demo' | 'live'): Errors {
  const min = minNewPinDigits(mode);
  if (!/^\d+$/.test(pin) || pin.length < min || pin.length > PIN_MAX_DIGITS)
    return { newPin: said('settings.pin.problem.length', { min, max: PIN_MAX_DIGITS }) };
  if (pin !== repeat) return { repeatPin: said('settings.pin.problem.mismatch') };
  return {};
}

/**
 * A PIN form's state: the PINs typed, each field's error, and the focus on the first bad field
 * (a wrong PIN stays typed, so that one digit can be fixed).
 */
function usePinForm<V extends Record<string, string>>(initial: V) {
  const { sayAll } = useSay();
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [notice, setNotice] = useState<SectionNotice | null>(null);
  const [focusTurn, setFocusTurn] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusTurn > 0)
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTurn]);
  const show = (found: Errors) => {
    setErrors(found);
    const count = Object.keys(found).length;
    setNotice(count > 0 ? { kind: 'check', count } : null);
    if (count > 0) setFocusTurn((turn) => turn + 1);
    return count === 0;
  };
  const change = (key: keyof V & PinField) => (value: string) => {
    setValues((now) => ({ ...now, [key]: value }));
    setErrors((now) => ({ ...now, [key]: undefined }));
    setNotice(null);
  };
  const errorOf = (field: PinField) => (errors[field] ? sayAll(errors[field]) : undefined);
  /** Main's answer: saved, a wrong current PIN or secret on its field, or anything else above Save. */
  const answered = (
    result: { ok: true } | { ok: false; error: { code: string; said?: Said } },
    wrongField: PinField,
    reset: V,
  ) => {
    if (result.ok) {
      setValues(reset);
      setErrors({});
      setNotice({ kind: 'saved' });
    } else if (result.error.code === 'PIN_INCORRECT' || result.error.code === 'INVALID_INPUT')
      show({ [wrongField]: saidOfError(result.error) });
    else setNotice({ kind: 'error', said: saidOfError(result.error) });
  };
  return { values, change, errorOf, show, notice, formRef, answered };
}

/**
 * Settings → Manager PIN: set it the first time, change it with the current one, or (when it
 * cannot be checked any more) reset it with the project's secret key.
 */
export function PinForm() {
  const managerStatus = useCounter((s) => s.managerStatus);
  if (managerStatus?.resetNeeded) return <PinReset />;
  return <PinChange />;
}

/** Set or change the PIN. */
function PinChange() {
  const { say } = useSay();
  const setPin = useCounter((s) => s.setPin);
  const managerStatus = useCounter((s) => s.managerStatus);
  const mode = useMode();
  const empty = { currentPin: '', newPin: '', repeatPin: '' };
  const form = usePinForm(empty);
  const pinSet = managerStatus?.pinSet === true;
  const { values } = form;
  const submit = async () => {
    const found = newPinErrors(values.newPin, values.repeatPin, mode);
    if (pinSet && values.currentPin === '')
      found.currentPin = said('settings.pin.problem.currentMissing');
    if (!form.show(found)) return;
    const result = await setPin(values.newPin, pinSet ? values.currentPin : undefined);
    form.answered(result, 'currentPin', empty);
  };
  return (
    <SectionForm
      title={say(pinSet ? 'settings.pin.changeTitle' : 'settings.pin.setTitle')}
      intro={say('settings.pin.digits', { min: minNewPinDigits(mode), max: PIN_MAX_DIGITS })}
      formRef={form.formRef}
      notice={form.notice}
      onSubmit={() => void submit()}
      saveLabel={say(pinSet ? 'settings.pin.change' : 'settings.pin.set')}
    >
      {managerStatus?.lockedUntil ? (
        <p className="settings-error" role="status">
          {say('settings.pin.locked', { until: managerStatus.lockedUntil })}
        </p>
      ) : null}
      {pinSet ? (
        <PinInput form={form} field="currentPin" label={say('settings.pin.current')} />
      ) : null}
      <PinInput form={form} field="newPin" label={say('settings.pin.new')} />
      <PinInput form={form} field="repeatPin" label={say('settings.pin.repeat')} />
      <NewPinHint pin={values.newPin} mode={mode} />
    </SectionForm>
  );
}

/** The PIN's record is gone from the journal (or its key from the keychain): the merchant resets it. */
export function PinReset() {
  const { say } = useSay();
  const resetPin = useCounter((s) => s.resetPin);
  const mode = useMode();
  const empty = { secret: '', newPin: '', repeatPin: '' };
  const form = usePinForm(empty);
  const { values } = form;
  const submit = async () => {
    const found = newPinErrors(values.newPin, values.repeatPin, mode);
    if (values.secret === '') found.secret = said('settings.pin.problem.secretMissing');
    if (!form.show(found)) return;
    form.answered(await resetPin(values.secret, values.newPin), 'secret', empty);
  };
  return (
    <SectionForm
      title={say('settings.pin.resetTitle')}
      intro={say('settings.pin.resetWhy')}
      formRef={form.formRef}
      notice={form.notice}
      onSubmit={() => void submit()}
      saveLabel={say('settings.pin.reset')}
    >
      <TextField
        name="secret"
        type="password"
        label={say('settings.pin.resetSecret')}
        value={values.secret}
        error={form.errorOf('secret')}
        onChange={form.change('secret')}
      />
      <PinInput form={form} field="newPin" label={say('settings.pin.new')} />
      <PinInput form={form} field="repeatPin" label={say('settings.pin.repeat')} />
      <NewPinHint pin={values.newPin} mode={mode} />
    </SectionForm>
  );
}

/** A PIN typed in digits, never shown and never remembered by the browser. */
function PinInput<V extends Record<string, string>>(props: {
  form: ReturnType<typeof usePinForm<V>>;
  field: keyof V & PinField;
  label: string;
}) {
  return (
    <TextField
      name={props.field}
      type="password"
      inputMode="numeric"
      label={props.label}
      value={props.form.values[props.field] ?? ''}
      error={props.form.errorOf(props.field)}
      onChange={props.form.change(props.field)}
    />
  );
}

/**
 * What a new PIN typed so far still needs, said while it is typed: on a live counter at least
 * 6 digits; in demo mode 4 or 5 are allowed, but said to be easy to guess.
 */
export function NewPinHint({ pin, mode }: { pin: string; mode: 'demo' | 'live' }) {
  const { say } = useSay();
  const min = minNewPinDigits(mode);
  if (/^\d+$/.test(pin) && pin.length < min)
    return (
      <p className="field-hint pin-warning" role="status">
        {say('settings.pin.tooShort', { min, count: pin.length })}
      </p>
    );
  if (!/^\d{4,5}$/.test(pin)) return null;
  return (
    <p className="field-hint pin-warning" role="status">
      {say('settings.pin.easyToGuess', { count: pin.length })}
    </p>
  );
}
