import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';

/**
 * Demo mode only: a link to the page the QR leads to, so that a person without a phone (or
 * trying the demo at a desk) can pay or decline the sale as its customer. Main sends the
 * address only in demo mode, for the sale on screen; nothing shows on a live counter.
 */
export function DemoPayLink() {
  const { say } = useSay();
  const url = useCounter((s) => s.session?.demoPayUrl ?? null);
  const demo = useCounter((s) => s.settings?.mode === 'demo');
  if (!demo || url === null || !/^https?:\/\//.test(url)) return null;
  return (
    <p className="demo-pay">
      <a href={url} target="_blank" rel="noopener noreferrer">
        {say('shell.demoPay.link')}
      </a>
      <span className="demo-pay-hint">{say('shell.demoPay.hint')}</span>
    </p>
  );
}
