import { useEffect, useRef } from 'react';
import { useFocusTrap } from '../components/use-focus-trap';
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
  const box = useRef<HTMLDivElement>(null);
  const go = useRef<HTMLButtonElement>(null);
  useFocusTrap(box, open, cancel);
  useEffect(() => {
    if (open) go.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="overlay">
      <div
        ref={box}
        className="close-day-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="close-day-title"
        aria-describedby="close-day-warning"
      >
        <h2 id="close-day-title">{say('manager.closeDay.title')}</h2>
        <p id="close-day-warning" className="warning">
          {say('manager.closeDay.body')}
        </p>
        {report ? <ReportTable report={report} titled={false} /> : <p>{say('common.loading')}</p>}
        {report && report.open.payments > 0 ? (
          <p className="hint">
            {say('manager.closeDay.openNote', { count: report.open.payments })}
          </p>
        ) : null}
        <div className="pin-actions">
          <button ref={go} type="button" className="primary" onClick={confirm}>
            {say('manager.closeDay.continue')}
          </button>
          <button type="button" onClick={cancel}>
            {say('common.action.cancel')}
          </button>
        </div>
      </div>
    </div>
  );
}
