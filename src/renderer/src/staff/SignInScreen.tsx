import { useState } from 'react';
import type { StaffView } from '../../../shared/ipc/views';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { useForgottenPin } from './ForgotPinDialog';
import { PinPad } from './PinPad';
import { ShiftReportDialog } from './ShiftReportDialog';
import { StaffButtons } from './StaffButtons';

/**
 * Nobody is signed in: tap your name, then type your PIN; signing in opens your shift. A shift a
 * manager just ended shows its report over it.
 */
export function SignInScreen() {
  const { say } = useSay();
  const staff = useCounter((s) => s.staff);
  const signIn = useCounter((s) => s.signIn);
  const [member, setMember] = useState<StaffView | null>(null);
  const forgotten = useForgottenPin(member);
  const active = staff.filter((m) => m.active);
  return (
    <section className="staff-screen" aria-labelledby="staff-screen-title">
      {member === null ? (
        <>
          <h1 id="staff-screen-title">{say('staff.signIn.title')}</h1>
          <p className="staff-hint">{say('staff.signIn.hint')}</p>
          <StaffButtons staff={active} label={say('staff.signIn.listLabel')} onPick={setMember} />
        </>
      ) : (
        <>
          <h1 id="staff-screen-title" className="staff-person" translate="no">
            {member.name}
          </h1>
          {forgotten.notice}
          {member.pinSet ? null : (
            <p className="staff-hint">{say('staff.pin.noPin', { name: member.name })}</p>
          )}
          <PinPad
            title={say('staff.pin.title', { name: member.name })}
            submitLabel={say('staff.pin.signIn')}
            onSubmit={(pin) => signIn(member.id, pin)}
          >
            <button type="button" className="staff-back" onClick={() => setMember(null)}>
              {say('staff.pin.back', { name: member.name })}
            </button>
            {forgotten.link}
          </PinPad>
          {forgotten.dialog}
        </>
      )}
      <ShiftReportDialog />
    </section>
  );
}
