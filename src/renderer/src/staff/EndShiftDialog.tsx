import { useRef, useState } from 'react';
import type { StaffView } from '../../../shared/ipc/views';
import { Dialog } from '../components/Dialog';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { PinPad } from './PinPad';
import { StaffButtons } from './StaffButtons';

/**
 * A shift someone left open and locked: a manager says why, taps their name and types their own
 * PIN; main ends the shift with its report (audited as ended by that manager, with the reason),
 * and the report shows over the sign-in screen.
 */
export function EndShiftDialog({ name, onClose }: { name: string; onClose: () => void }) {
  const { say } = useSay();
  const staff = useCounter((s) => s.staff);
  const endShift = useCounter((s) => s.endShiftByManager);
  const [manager, setManager] = useState<StaffView | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const reasonInput = useRef<HTMLInputElement>(null);
  const managers = staff.filter((m) => m.active && m.role === 'manager');
  // The audit says why the shift was ended: no manager is asked before there is a reason.
  const pick = (member: StaffView) => {
    if (reason.trim() === '') {
      setMissing(true);
      reasonInput.current?.focus();
    } else setManager(member);
  };
  return (
    <Dialog
      className="pin-dialog hand-over-dialog end-shift-dialog"
      titleId="end-shift-title"
      title={say('staff.endShift.title', { name })}
      onEscape={onClose}
      actions={
        <button type="button" onClick={onClose}>
          {say('common.action.cancel')}
        </button>
      }
    >
      {manager === null ? (
        <>
          <label className="end-shift-reason">
            {say('staff.endShift.reason')}
            <input
              ref={reasonInput}
              type="text"
              autoFocus
              maxLength={200}
              value={reason}
              aria-invalid={missing}
              aria-describedby="end-shift-reason-error"
              onChange={(e) => {
                setReason(e.target.value);
                setMissing(false);
              }}
            />
          </label>
          <p id="end-shift-reason-error" className="pin-error" role="alert">
            {missing ? say('staff.endShift.noReason') : ''}
          </p>
          <p className="staff-hint">{say('staff.endShift.pick')}</p>
          <StaffButtons staff={managers} label={say('staff.endShift.pick')} onPick={pick} />
        </>
      ) : (
        <PinPad
          title={say('staff.endShift.pinFor', { name: manager.name })}
          submitLabel={say('staff.endShift.confirm')}
          onSubmit={(pin) => endShift(manager.id, pin, reason.trim())}
        >
          <button type="button" className="staff-back" onClick={() => setManager(null)}>
            {say('staff.endShift.back')}
          </button>
        </PinPad>
      )}
    </Dialog>
  );
}
