import { useCallback, useEffect, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { selectManagers } from '../store/people-slice';
import type { ScreenError } from '../store/manager-slice';
import { useFocusTrap } from './use-focus-trap';

/**
 * Asks for the manager PIN for one action. The PIN goes to main with the action and is checked
 * there; this dialog only shows what main answered (wrong PIN, tries left, locked). The keyboard
 * stays inside it; Escape closes it and focus returns where it was.
 */
export function PinDialog() {
  const { say, sayAll, sayError } = useSay();
  const prompt = useCounter((s) => s.pinPrompt);
  const cancel = useCounter((s) => s.cancelPin);
  const managers = useCounter(useShallow(selectManagers));
  const [picked, setPicked] = useState<number | undefined>(undefined);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ScreenError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const box = useRef<HTMLFormElement>(null);
  const close = useCallback(() => {
    setPin('');
    setError(null);
    cancel();
  }, [cancel]);
  useFocusTrap(box, prompt !== null, close);
  useEffect(() => input.current?.focus(), [prompt]);
  if (!prompt) return null;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    // The manager called: the one picked, else the first on the list.
    const managerId = picked ?? managers[0]?.id;
    const result = await prompt.run(pin, managerId);
    setBusy(false);
    setPin('');
    if (result.ok) {
      setError(null);
      cancel();
    } else {
      setError(result.error);
      input.current?.focus();
    }
  };

  return (
    <div className="overlay">
      <form
        ref={box}
        className="pin-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pin-title"
        onSubmit={(e) => void submit(e)}
      >
        <h2 id="pin-title">
          {typeof prompt.title === 'string' ? prompt.title : sayAll(prompt.title)}
        </h2>
        {managers.length > 0 ? (
          <label>
            {say('manager.people.manager')}
            <select
              value={picked ?? managers[0]!.id}
              onChange={(e) => setPicked(Number(e.target.value))}
            >
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        <label>
          {say('manager.pin.label')}
          <input
            ref={input}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
          />
        </label>
        <p className="pin-error" role="alert">
          {error ? sayError(error) : ''}
        </p>
        <div className="pin-actions">
          <button type="submit" className="primary" disabled={busy || pin.length < 4}>
            {say('manager.pin.confirm')}
          </button>
          <button type="button" onClick={close}>
            {say('common.action.cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
