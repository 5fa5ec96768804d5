import { useState } from 'react';
import { minNewPinDigits, newPinProblem, PIN_MAX_DIGITS } from '../../../shared/manager-pin-rules';
import { useCounter } from '../store';

/** The counter's mode, which sets how many digits a new PIN needs (live unless told). */
function useMode(): 'demo' | 'live' {
  return useCounter((s) => s.settings?.mode) ?? 'live';
}

/** "6 to 8 digits": what a new PIN must be on this counter. */
export function newPinDigits(mode: 'demo' | 'live'): string {
  return `${minNewPinDigits(mode)} to ${PIN_MAX_DIGITS} digits`;
}

/**
 * Set the manager PIN the first time, change it with the current one, or (when it cannot be
 * checked any more) reset it with the project's secret key.
 */
export function PinForm() {
  const setPin = useCounter((s) => s.setPin);
  const managerStatus = useCounter((s) => s.managerStatus);
  if (managerStatus?.resetNeeded) return <PinReset />;
  return <PinChange setPin={setPin} />;
}

/** Set or change the PIN. */
function PinChange({ setPin }: { setPin: (next: string, current?: string) => Promise<boolean> }) {
  const managerStatus = useCounter((s) => s.managerStatus);
  const mode = useMode();
  const [pins, setPins] = useState({ current: '', next: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const pinSet = managerStatus?.pinSet === true;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const wrong = newPinProblem(pins.next, mode);
    setProblem(wrong ?? null);
    if (wrong) return;
    if (await setPin(pins.next, pinSet ? pins.current : undefined))
      setPins({ current: '', next: '' });
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="settings-form pin-form"
      aria-label="Manager PIN"
    >
      <h2>
        {pinSet ? 'Change the manager PIN' : 'Set a manager PIN'} ({newPinDigits(mode)})
      </h2>
      {managerStatus?.lockedUntil ? (
        <p className="action-error" role="status">
          Manager actions are locked until{' '}
          {new Date(managerStatus.lockedUntil).toLocaleTimeString('en-GB')} after too many wrong
          PINs.
        </p>
      ) : null}
      {pinSet ? (
        <PinField
          label="Current PIN"
          value={pins.current}
          onChange={(current) => setPins({ ...pins, current })}
        />
      ) : null}
      <PinField label="New PIN" value={pins.next} onChange={(next) => setPins({ ...pins, next })} />
      <NewPinHint pin={pins.next} mode={mode} />
      <FormEnd problem={problem} submit={pinSet ? 'Change PIN' : 'Set PIN'} />
    </form>
  );
}

/** The PIN's record is gone from the journal (or its key from the keychain): the merchant resets it. */
export function PinReset() {
  const resetPin = useCounter((s) => s.resetPin);
  const mode = useMode();
  const [secret, setSecret] = useState('');
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const wrong = newPinProblem(next, mode);
    setProblem(wrong ?? null);
    if (wrong) return;
    if (await resetPin(secret, next)) {
      setSecret('');
      setNext('');
    }
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="settings-form pin-form"
      aria-label="Reset the manager PIN"
    >
      <h2>Reset the manager PIN</h2>
      <p className="action-error" role="status">
        The manager PIN cannot be checked on this counter any more. Whoever holds the project&apos;s
        secret key (ecommpay Dashboard) can set a new one.
      </p>
      <label>
        Project secret key
        <input
          type="password"
          autoComplete="off"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      <PinField label={`New PIN (${newPinDigits(mode)})`} value={next} onChange={setNext} />
      <NewPinHint pin={next} mode={mode} />
      <FormEnd problem={problem} submit="Reset PIN" />
    </form>
  );
}

/**
 * What a new PIN typed so far still needs, said before it is submitted: on a live counter, at
 * least 6 digits; in demo mode 4 or 5 are allowed, but said to be easy to guess.
 */
export function NewPinHint({ pin, mode }: { pin: string; mode: 'demo' | 'live' }) {
  const min = minNewPinDigits(mode);
  if (/^\d+$/.test(pin) && pin.length < min)
    return (
      <p className="field-hint pin-warning" role="status">
        A new manager PIN needs at least {min} digits ({pin.length} so far).
      </p>
    );
  if (!/^\d{4,5}$/.test(pin)) return null;
  return (
    <p className="field-hint pin-warning" role="status">
      A {pin.length}-digit PIN is allowed but easy to guess: 6 to 8 digits are safer.
    </p>
  );
}

/** A PIN typed in digits, never shown and never remembered by the browser. */
function PinField(props: { label: string; value: string; onChange: (value: string) => void }) {
  return (
    <label>
      {props.label}
      <input
        type="password"
        inputMode="numeric"
        autoComplete="off"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </label>
  );
}

/** What is wrong with what was typed, if anything, and the form's button. */
function FormEnd(props: { problem: string | null; submit: string }) {
  return (
    <>
      {props.problem ? (
        <p className="action-error" role="alert">
          {props.problem}
        </p>
      ) : null}
      <div className="settings-actions">
        <button type="submit">{props.submit}</button>
      </div>
    </>
  );
}
