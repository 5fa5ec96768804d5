import { useState } from 'react';
import { useCounter } from '../store';

/** Set the manager PIN the first time, or change it with the current one. */
export function PinForm() {
  const setPin = useCounter((s) => s.setPin);
  const managerStatus = useCounter((s) => s.managerStatus);
  const [pins, setPins] = useState({ current: '', next: '' });
  const pinSet = managerStatus?.pinSet === true;
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (await setPin(pins.next, pinSet ? pins.current : undefined))
      setPins({ current: '', next: '' });
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      className="settings-form pin-form"
      aria-label="Manager PIN"
    >
      <h2>{pinSet ? 'Change the manager PIN' : 'Set a manager PIN (4 to 8 digits)'}</h2>
      {managerStatus?.lockedUntil ? (
        <p className="action-error" role="status">
          Manager actions are locked until{' '}
          {new Date(managerStatus.lockedUntil).toLocaleTimeString('en-GB')} after too many wrong
          PINs.
        </p>
      ) : null}
      {pinSet ? (
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
        <button type="submit">{pinSet ? 'Change PIN' : 'Set PIN'}</button>
      </div>
    </form>
  );
}
