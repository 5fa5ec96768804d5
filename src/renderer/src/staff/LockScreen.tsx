import { useState } from 'react';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { EndShiftDialog } from './EndShiftDialog';
import { useForgottenPin } from './ForgotPinDialog';
import { PinPad } from './PinPad';

/**
 * The shift is locked: only the same person's PIN opens the counter again, or a manager ends
 * the shift (someone left without handing over).
 */
export function LockScreen() {
  const { say } = useSay();
  const signedIn = useCounter((s) => s.shift?.signedIn ?? null);
  const signIn = useCounter((s) => s.signIn);
  const [ending, setEnding] = useState(false);
  const forgotten = useForgottenPin(
    signedIn && { id: signedIn.staffId, name: signedIn.name, role: signedIn.role },
  );
  if (!signedIn) return null;
  return (
    <section className="staff-screen" aria-labelledby="staff-screen-title">
      <h1 id="staff-screen-title">{say('staff.lock.title')}</h1>
      <p className="staff-hint">{say('staff.lock.whose', { name: signedIn.name })}</p>
      {forgotten.notice}
      <PinPad
        title={say('staff.pin.title', { name: signedIn.name })}
        submitLabel={say('staff.lock.unlock')}
        onSubmit={(pin) => signIn(signedIn.staffId, pin)}
      >
        {forgotten.link}
      </PinPad>
      <button type="button" className="staff-back" onClick={() => setEnding(true)}>
        {say('staff.endShift.open')}
      </button>
      {ending ? <EndShiftDialog name={signedIn.name} onClose={() => setEnding(false)} /> : null}
      {forgotten.dialog}
    </section>
  );
}
