import { useCallback, useEffect, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { selectManagers } from '../store/people-slice';
import { Dialog } from './Dialog';
import { PeopleOptions } from './PeopleOptions';
import { PinField } from './PinField';
import { ForgotPinDialog } from '../staff/ForgotPinDialog';
import { usePinEntry } from './use-pin-entry';

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
  const [forgetting, setForgetting] = useState(false);
  const [renewed, setRenewed] = useState<string | null>(null);
  // The manager called: the one picked, else the first on the list.
  const managerId = picked ?? managers[0]?.id;
  const manager = managers.find((m) => m.id === managerId);
  const entry = usePinEntry((pin) => prompt!.run(pin, managerId));
  const { clear, input } = entry;
  const close = useCallback(() => {
    clear();
    cancel();
  }, [clear, cancel]);
  useEffect(() => input.current?.focus(), [prompt, input]);
  if (!prompt) return null;
  // A manager who forgot their PIN gets a new one first, then types it here.
  if (forgetting && manager)
    return (
      <ForgotPinDialog
        manager={manager}
        onClose={(saved) => {
          setForgetting(false);
          setRenewed(saved ? manager.name : null);
        }}
      />
    );

  return (
    <Dialog
      className="pin-dialog"
      titleId="pin-title"
      title={typeof prompt.title === 'string' ? prompt.title : sayAll(prompt.title)}
      onEscape={close}
      onSubmit={() => void entry.submit().then((ok) => ok && cancel())}
      actions={
        <>
          <button type="submit" className="primary" disabled={!entry.ready}>
            {say('manager.pin.confirm')}
          </button>
          <button type="button" onClick={close}>
            {say('common.action.cancel')}
          </button>
        </>
      }
    >
      {managers.length > 0 ? (
        <label>
          {say('manager.people.manager')}
          <select
            value={picked ?? managers[0]!.id}
            onChange={(e) => setPicked(Number(e.target.value))}
          >
            <PeopleOptions people={managers} />
          </select>
        </label>
      ) : null}
      <PinField
        label={say('manager.pin.label')}
        inputRef={input}
        value={entry.pin}
        onChange={entry.setPin}
      />
      <p className="pin-error" role="alert">
        {entry.error
          ? sayError(entry.error)
          : renewed
            ? say('staff.forgot.done', { name: renewed })
            : ''}
      </p>
      {manager ? (
        <button type="button" className="forgot-pin-link" onClick={() => setForgetting(true)}>
          {say('staff.forgot.open')}
        </button>
      ) : null}
    </Dialog>
  );
}
