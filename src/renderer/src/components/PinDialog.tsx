import { useEffect, useRef, useState } from 'react';
import { useCounter } from '../store';

/**
 * Asks for the manager PIN for one action. The PIN goes to main with the action and is checked
 * there; this dialog only shows what main answered (wrong PIN, tries left, locked).
 */
export function PinDialog() {
  const prompt = useCounter((s) => s.pinPrompt);
  const cancel = useCounter((s) => s.cancelPin);
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), [prompt]);
  if (!prompt) return null;

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await prompt.run(pin);
    setBusy(false);
    setPin('');
    if (result.ok) {
      setError(null);
      cancel();
    } else {
      setError(result.error.message);
      input.current?.focus();
    }
  };
  const close = () => {
    setPin('');
    setError(null);
    cancel();
  };

  return (
    <div className="overlay">
      <form
        className="pin-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pin-title"
        onSubmit={(e) => void submit(e)}
      >
        <h2 id="pin-title">{prompt.title}</h2>
        <label>
          Manager PIN
          <input
            ref={input}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={8}
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
            onKeyDown={(e) => e.key === 'Escape' && close()}
          />
        </label>
        <p className="pin-error" role="alert">
          {error ?? ''}
        </p>
        <div className="pin-actions">
          <button type="submit" className="primary" disabled={busy || pin.length < 4}>
            Confirm
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </form>
    </div>
  );
}
