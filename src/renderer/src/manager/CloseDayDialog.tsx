import { useEffect, useRef } from 'react';
import { Dialog } from '../components/Dialog';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { ReportTable } from './ReportTable';

/**
 * Before the PIN: the totals the day closes with, and that closing cannot be undone. Continue
 * asks for the PIN; Cancel (or Escape) leaves the day open.
 */
export function CloseDayDialog() {
  const { say } = useSay();
  const open = useCounter((s) => s.closingDay);
  const report = useCounter((s) => s.currentReport);
  const confirm = useCounter((s) => s.confirmCloseDay);
  const cancel = useCounter((s) => s.cancelCloseDay);
  const go = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (open) go.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <Dialog
      className="close-day-dialog"
      titleId="close-day-title"
      title={say('manager.closeDay.title')}
      describedBy="close-day-warning"
      onEscape={cancel}
      actions={
        <>
          <button ref={go} type="button" className="primary" onClick={confirm}>
            {say('manager.closeDay.continue')}
          </button>
          <button type="button" onClick={cancel}>
            {say('common.action.cancel')}
          </button>
        </>
      }
    >
      <p id="close-day-warning" className="warning">
        {say('manager.closeDay.body')}
      </p>
      {report ? <ReportTable report={report} titled={false} /> : <p>{say('common.loading')}</p>}
      {report && report.open.payments > 0 ? (
        <p className="hint">{say('manager.closeDay.openNote', { count: report.open.payments })}</p>
      ) : null}
    </Dialog>
  );
}
