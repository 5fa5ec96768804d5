import { useEffect, useRef, useState, type ReactNode } from 'react';
import { said, type Said } from '../../../shared/i18n/said';
import { Dialog } from '../components/Dialog';
import { PinField } from '../components/PinField';
import { useSay } from '../i18n/use-say';
import { newPinErrors, useMode } from '../settings/PinForm';
import { useCounter } from '../store';
import type { ScreenError } from '../store/manager-slice';

/**
 * A manager forgot their PIN (or locked it): whoever holds the project's secret key, the
 * merchant with ecommpay's Dashboard, gives them a new one here. Main checks the key in constant
 * time and audits a wrong one; the new PIN lifts the lock. Another manager can do the same in
 * Settings → Staff, without the key.
 */
export function ForgotPinDialog({
  manager,
  onClose,
}: {
  manager: { readonly id: number; readonly name: string };
  /** `saved`: the new PIN is in; the person types it next. */
  onClose: (saved: boolean) => void;
}) {
  const { say, sayAll, sayError } = useSay();
  const mode = useMode();
  const reset = useCounter((s) => s.resetForgottenPin);
  const [secret, setSecret] = useState('');
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<Said | ScreenError | null>(null);
  const [busy, setBusy] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  const newPin = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async () => {
    if (secret === '') return setProblem(said('settings.pin.problem.secretMissing'));
    const wrong = Object.values(newPinErrors(pin, repeat, mode))[0];
    if (wrong) return setProblem(wrong);
    setBusy(true);
    const result = await reset(manager.id, secret, pin);
    setBusy(false);
    if (result.ok) return onClose(true);
    setProblem(result.error);
    if (result.error.code === 'PIN_INCORRECT') first.current?.focus();
    else newPin.current?.focus();
  };

  return (
    <Dialog
      className="pin-dialog forgot-pin-dialog"
      titleId="forgot-pin-title"
      title={say('staff.forgot.title', { name: manager.name })}
      describedBy="forgot-pin-why"
      onEscape={() => onClose(false)}
      onSubmit={() => void submit()}
      actions={
        <>
          <button type="submit" className="primary" disabled={busy}>
            {say('staff.forgot.save')}
          </button>
          <button type="button" onClick={() => onClose(false)}>
            {say('common.action.cancel')}
          </button>
        </>
      }
    >
      <p id="forgot-pin-why" className="staff-hint">
        {say('staff.forgot.why')}
      </p>
      <label>
        {say('settings.pin.resetSecret')}
        <input
          ref={first}
          type="password"
          autoComplete="off"
          value={secret}
          onChange={(e) => setSecret(e.target.value)}
        />
      </label>
      <PinField label={say('settings.pin.new')} inputRef={newPin} value={pin} onChange={setPin} />
      <PinField
        label={say('settings.pin.repeat')}
        inputRef={null}
        value={repeat}
        onChange={setRepeat}
      />
      <p className="pin-error" role="alert">
        {problem === null ? '' : 'id' in problem ? sayAll(problem) : sayError(problem)}
      </p>
    </Dialog>
  );
}

/** Someone at a PIN pad: a manager among them may have forgotten their PIN. */
interface AtThePad {
  readonly id: number;
  readonly name: string;
  readonly role: 'cashier' | 'manager';
}

/**
 * "Forgot the PIN?" beside a manager's PIN pad (sign-in, lock): the link, the dialog it opens,
 * and once a new PIN is saved the line telling that same person to type it. Nothing for a
 * cashier, whose new PIN a manager gives in Settings → Staff.
 */
export function useForgottenPin(person: AtThePad | null): {
  link: ReactNode;
  notice: ReactNode;
  dialog: ReactNode;
} {
  const { say } = useSay();
  const [forgetting, setForgetting] = useState(false);
  const [renewedFor, setRenewedFor] = useState<number | null>(null);
  if (!person || person.role !== 'manager') return { link: null, notice: null, dialog: null };
  return {
    link: (
      <button type="button" className="forgot-pin-link" onClick={() => setForgetting(true)}>
        {say('staff.forgot.open')}
      </button>
    ),
    notice:
      renewedFor === person.id ? (
        <p className="staff-hint" role="status">
          {say('staff.forgot.done', { name: person.name })}
        </p>
      ) : null,
    dialog: forgetting ? (
      <ForgotPinDialog
        manager={person}
        onClose={(saved) => {
          setForgetting(false);
          setRenewedFor(saved ? person.id : null);
        }}
      />
    ) : null,
  };
}
