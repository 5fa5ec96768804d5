import { useEffect } from 'react';
import type { ChannelResult, Channel } from '../../../shared/ipc/contract';
import { PIN_MAX_DIGITS } from '../../../shared/manager-pin-rules';
import { PinField } from '../components/PinField';
import { usePinEntry } from '../components/use-pin-entry';
import { useSay } from '../i18n/use-say';

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
  const entry = usePinEntry(onSubmit);
  const { input, setPin } = entry;
  useEffect(() => input.current?.focus(), [input]);

  const type = (digit: string) => {
    setPin((p) => (p + digit).slice(0, PIN_MAX_DIGITS));
    input.current?.focus();
  };

  return (
    <form
      className="pin-pad"
      onSubmit={(e) => {
        e.preventDefault();
        void entry.submit();
      }}
    >
      <h2 id="pin-pad-title">{title}</h2>
      <PinField
        label={say('staff.pin.label')}
        className="pin-pad-field"
        inputRef={input}
        value={entry.pin}
        onChange={setPin}
        describedBy="pin-pad-error"
      />
      <p id="pin-pad-error" className="pin-error" role="alert">
        {entry.error ? sayError(entry.error) : ''}
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
        <button type="submit" className="primary pin-pad-submit" disabled={!entry.ready}>
          {submitLabel}
        </button>
      </div>
      {children}
    </form>
  );
}
