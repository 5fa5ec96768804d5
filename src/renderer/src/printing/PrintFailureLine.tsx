import { useEffect } from 'react';
import { useCounter } from '../store';
import { slipName } from './slip-names';
import './printing.css';

/**
 * One line on the cashier's screen while slips failed to print: what did not print, why (the
 * newest reason), Retry (all of them, oldest first) and Dismiss (they stay in the journal and can
 * be reprinted from the payment). Never in the way of a sale: it sits under the header.
 */
export function PrintFailureLine() {
  const status = useCounter((s) => s.printStatus);
  const follow = useCounter((s) => s.followPrinting);
  const retry = useCounter((s) => s.retryPrints);
  const dismiss = useCounter((s) => s.dismissPrintFailure);
  useEffect(() => follow(), [follow]);
  const failed = status?.failed ?? [];
  const latest = failed.at(-1);
  if (!latest) return null;
  const what =
    failed.length === 1 ? `${slipName(latest)} not printed` : `${failed.length} slips not printed`;
  return (
    <div className="print-failure" role="alert" aria-label="Printer problem">
      <span className="print-failure-mark" aria-hidden="true">
        !
      </span>
      <p className="print-failure-text" title={latest.reason ?? undefined}>
        <strong>{what}.</strong> {latest.reason}
      </p>
      <button type="button" className="primary" onClick={() => void retry()}>
        Retry
      </button>
      <button
        type="button"
        onClick={() => failed.forEach((job) => void dismiss(job.id))}
        title="Hide this line; the slip can be printed again from the payment's detail"
      >
        Dismiss
      </button>
    </div>
  );
}
