import { useState } from 'react';
import type { StaffView } from '../../../shared/ipc/views';
import { Dialog } from '../components/Dialog';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { PinPad } from './PinPad';
import { StaffButtons } from './StaffButtons';

/**
 * Hand over: pick who takes over, they type their PIN. With a sale on screen, main holds the
 * handover until the sale ends; meanwhile the dialog steps aside so the sale can be finished,
 * and a line says what is waiting (it comes back only if the PIN was refused).
 */
export function HandOverDialog({ saleOnScreen }: { saleOnScreen: boolean }) {
  const { say } = useSay();
  const open = useCounter((s) => s.handOverOpen);
  const pending = useCounter((s) => s.handOverPending);
  const staff = useCounter((s) => s.staff);
  const me = useCounter((s) => s.shift?.signedIn ?? null);
  const close = useCounter((s) => s.closeHandOver);
  const handOver = useCounter((s) => s.handOver);
  const signOut = useCounter((s) => s.signOut);
  const [next, setNext] = useState<StaffView | null>(null);
  const showing = open && pending === null;
  const leave = () => {
    setNext(null);
    close();
  };
  if (!open || !me) return null;
  const others = staff.filter((m) => m.active && m.id !== me.staffId);
  return (
    <Dialog
      className="pin-dialog hand-over-dialog"
      titleId="hand-over-title"
      title={say('staff.handOver.title')}
      hidden={!showing}
      onEscape={leave}
      actions={
        <>
          {/* The end of one's day with nobody after: the shift ends, its report shows. */}
          {next === null ? (
            <button type="button" className="sign-out-button" onClick={() => void signOut()}>
              {say('staff.handOver.signOut')}
            </button>
          ) : null}
          <button type="button" onClick={leave}>
            {say('common.action.cancel')}
          </button>
        </>
      }
    >
      {saleOnScreen ? <p className="staff-hint">{say('staff.handOver.saleOnScreen')}</p> : null}
      {next === null ? (
        others.length === 0 ? (
          <p className="staff-hint">{say('staff.handOver.nobody')}</p>
        ) : (
          <>
            <p className="staff-hint">{say('staff.handOver.pick', { name: me.name })}</p>
            <StaffButtons
              staff={others}
              label={say('staff.handOver.pick', { name: me.name })}
              onPick={setNext}
            />
          </>
        )
      ) : (
        <PinPad
          title={say('staff.handOver.pinFor', { name: next.name })}
          submitLabel={say('staff.handOver.confirm')}
          onSubmit={(pin) => handOver(next.id, pin)}
        >
          <button type="button" className="staff-back" onClick={() => setNext(null)}>
            {say('staff.handOver.back')}
          </button>
        </PinPad>
      )}
    </Dialog>
  );
}

/** What a handover main is holding waits for: the sale on screen to finish. */
export function HandOverWaiting() {
  const { say } = useSay();
  const pending = useCounter((s) => s.handOverPending);
  const open = useCounter((s) => s.handOverOpen);
  if (!pending || !open) return null;
  return (
    <p className="hand-over-waiting" role="status">
      {pending.signingOut
        ? say('staff.handOver.signOutWaiting')
        : say('staff.handOver.waiting', { name: pending.name })}
    </p>
  );
}
