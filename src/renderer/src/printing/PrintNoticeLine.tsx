import { useEffect } from 'react';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import './printing.css';

/** What the last print button did (sent, or why not), next to the buttons that print. */
export function PrintNoticeLine() {
  const { sayAll } = useSay();
  const notice = useCounter((s) => s.printNotice);
  const clear = useCounter((s) => s.clearPrintNotice);
  // A notice belongs to the screen that asked: leaving it clears it.
  useEffect(() => clear, [clear]);
  if (!notice) return null;
  return (
    <p className={`print-notice ${notice.ok ? 'good' : 'bad'}`} role="status">
      {sayAll(notice.said)}
    </p>
  );
}
