import { useEffect } from 'react';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import './printing.css';

/**
 * One line on the cashier's screen while slips failed to print: what did not print, why (the
 * newest reason), Retry (all of them, oldest first) and Dismiss (they stay in the journal and can
 * be reprinted from the payment). Never in the way of a sale: it sits under the header.
 */
export function PrintFailureLine() {
  const { say, sayAll } = useSay();
  const status = useCounter((s) => s.printStatus);
  const follow = useCounter((s) => s.followPrinting);
  const retry = useCounter((s) => s.retryPrints);
  const dismiss = useCounter((s) => s.dismissPrintFailure);
  useEffect(() => follow(), [follow]);
  const failed = status?.failed ?? [];
  const latest = failed.at(-1);
  if (!latest) return null;
  const what =
    failed.length === 1
      ? say('printing.failedLine.one', { kind: latest.kind, number: latest.zNumber ?? '' })
      : say('printing.failedLine.many', { count: failed.length });
  const reason = latest.reason ? sayAll(latest.reason) : '';
  return (
    <div className="print-failure" role="alert" aria-label={say('printing.failedLine.label')}>
      <span className="print-failure-mark" aria-hidden="true" />
      <p className="print-failure-text" title={reason || undefined}>
        <strong>{what}</strong> {reason}
      </p>
      <button type="button" className="primary" onClick={() => void retry()}>
        {say('printing.failedLine.retry')}
      </button>
      <button
        type="button"
        onClick={() => failed.forEach((job) => void dismiss(job.id))}
        title={say('printing.failedLine.dismissHint')}
      >
        {say('printing.failedLine.dismiss')}
      </button>
    </div>
  );
}
