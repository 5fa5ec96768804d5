import { useCallback, useRef, useState } from 'react';
import type { ScreenError } from '../store/manager-slice';

/** The fewest digits any PIN has: the button to send one waits for them. */
const FEWEST_DIGITS = 4;

/**
 * A PIN being typed for main to check: the digits so far, main's last answer (wrong PIN, tries
 * left, locked) and whether it is being checked. After each answer the PIN is cleared and the
 * focus goes back to its input, so a wrong one is typed afresh. Shared by the manager's PIN
 * dialog and the staff's PIN pad, which check different PINs the same way.
 */
export function usePinEntry(
  check: (pin: string) => Promise<{ ok: true } | { ok: false; error: ScreenError }>,
) {
  const [pin, setPin] = useState('');
  const [error, setError] = useState<ScreenError | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const ready = !busy && pin.length >= FEWEST_DIGITS;

  /** Sends the PIN; true when main took it. */
  const submit = async (): Promise<boolean> => {
    if (!ready) return false;
    setBusy(true);
    const result = await check(pin);
    setBusy(false);
    setPin('');
    setError(result.ok ? null : result.error);
    input.current?.focus();
    return result.ok;
  };

  /** Forgets what was typed and answered, as when the dialog is closed. */
  const clear = useCallback(() => {
    setPin('');
    setError(null);
  }, []);

  return { pin, setPin, error, ready, input, submit, clear };
}
