import { useEffect, useRef, useState } from 'react';
import type { ChannelResult, Channel } from '../../../shared/ipc/contract';
import { useSay } from '../i18n/use-say';
import type { ScreenError } from '../store/manager-slice';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
const ZERO = '0';
const BACKSPACE = '⌫';

/**
 * A PIN typed on the keyboard or on large digit buttons, with the person's name on top. The PIN
 * goes to main and is checked there; this shows what main answered (wrong PIN, locked).
 */
export function PinPad<C extends Channel>({
  title,
  submitLabel,
  onSubmit,
  children,
}: {
  title: string;
  submitLabel: string;
  onSubmit: (pin: string) => Promise<ChannelResult<C>>;
  children?: React.ReactNode;
}) {
  const { say, sayError } = useSay();
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ScreenError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const type = (digit: string) => {
    setPin((p) => (p + digit).slice(0, 8));
    input.current?.focus();
  };
  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (pin.length < 4 || busy) return;
    setBusy(true);
    const result = await onSubmit(pin);
    setBusy(false);
    setPin('');
    setError(result.ok ? null : result.error);
    input.current?.focus();
  };

  return (
    <form className="pin-pad" onSubmit={(e) => void submit(e)}>
      <h2 id="pin-pad-title">{title}</h2>
      <label className="pin-pad-field">
        {say('staff.pin.label')}
        <input
          ref={input}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={8}
          value={pin}
          aria-describedby="pin-pad-error"
          onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
        />
      </label>
      <p id="pin-pad-error" className="pin-error" role="alert">
        {error ? sayError(error) : ''}
      </p>
      <div className="pin-pad-keys" role="group" aria-label={say('staff.pin.digits')}>
        {DIGITS.map((d) => (
          <button key={d} type="button" tabIndex={-1} onClick={() => type(d)}>
            {d}
          </button>
        ))}
        <button type="button" tabIndex={-1} className="pin-pad-zero" onClick={() => type(ZERO)}>
          {ZERO}
        </button>
        {/* The sale keypad's own sign, named in words for screen readers. */}
        <button
          type="button"
          tabIndex={-1}
          className="pin-pad-delete"
          aria-label={say('staff.pin.delete')}
          title={say('staff.pin.delete')}
          onClick={() => setPin((p) => p.slice(0, -1))}
        >
          {BACKSPACE}
        </button>
        <button type="submit" className="primary pin-pad-submit" disabled={busy || pin.length < 4}>
          {submitLabel}
        </button>
      </div>
      {children}
    </form>
  );
}
