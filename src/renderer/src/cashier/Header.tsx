import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { selectManagerOpen } from '../store/manager-session-slice';
import type { View } from '../store/ui-slice';
import { RelayBadge } from './RelayBadge';

/**
 * Terminal, mode and the sections (not during a live counter's first run), and who is signed in
 * with Hand over and Lock. Reports and Settings ask for the manager PIN while the manager session
 * is locked; Lock locks the shift and the manager session both. While a sale is
 * on screen (`busy`), the sections wait: the cashier finishes or cancels it first.
 */
export function Header({
  navigation = true,
  busy = false,
}: {
  navigation?: boolean;
  busy?: boolean;
}) {
  const { say } = useSay();
  const settings = useCounter((s) => s.settings);
  const openView = useCounter((s) => s.openView);
  const openManagerView = useCounter((s) => s.openManagerView);
  const lockManager = useCounter((s) => s.lockManager);
  const lockCounter = useCounter((s) => s.lockCounter);
  const openHandOver = useCounter((s) => s.openHandOver);
  const managerOpen = useCounter(selectManagerOpen);
  const signedIn = useCounter((s) => s.shift?.signedIn ?? null);
  const view = useCounter((s) => s.view);
  const relay = useCounter((s) => s.session?.relay ?? null);
  const sections: Array<{ view: View; label: string; open: () => void }> = [
    { view: 'counter', label: say('common.nav.counter'), open: () => openView('counter') },
    { view: 'history', label: say('common.nav.history'), open: () => openView('history') },
    { view: 'reports', label: say('common.nav.reports'), open: () => openManagerView('reports') },
    {
      view: 'settings',
      label: say('common.nav.settings'),
      open: () => openManagerView('settings'),
    },
  ];
  return (
    <header className="app-header">
      <span className="brand">{say('common.productName')}</span>
      {settings ? (
        <span className="terminal">
          {say('common.terminalLine', {
            merchant: settings.merchantName || say('common.terminalFallback'),
            terminal: settings.terminalId,
          })}
        </span>
      ) : null}
      {settings?.mode === 'demo' ? (
        <span className="demo-badge">{say('common.demoBadge')}</span>
      ) : null}
      {relay ? <RelayBadge state={relay.state} since={relay.since} /> : null}
      {navigation ? (
        <nav className="header-nav" aria-label={say('common.nav.label')}>
          {/* Read out with the greyed sections (and shown on hover): why they wait. */}
          {busy ? (
            <span id="nav-busy" className="nav-busy">
              {say('manager.header.navBusy')}
            </span>
          ) : null}
          {sections.map((section) => (
            <button
              key={section.view}
              type="button"
              aria-pressed={view === section.view}
              disabled={busy && view !== section.view}
              title={busy && view !== section.view ? say('manager.header.navBusy') : undefined}
              aria-describedby={busy ? 'nav-busy' : undefined}
              onClick={section.open}
            >
              {section.label}
            </button>
          ))}
          {signedIn ? (
            <>
              {/* The name alone on screen (the header is full); the sentence for screen readers. */}
              <span
                className="signed-in"
                title={say('staff.header.signedIn', { name: signedIn.name })}
              >
                <span aria-hidden="true">{signedIn.name}</span>
                <span className="visually-hidden">
                  {say('staff.header.signedIn', { name: signedIn.name })}
                </span>
              </span>
              {/* Allowed with a sale on screen: the handover waits for it to finish. */}
              <button type="button" className="hand-over-button" onClick={openHandOver}>
                {say('staff.header.handOver')}
              </button>
              <LockButton hint={say('staff.header.lockHint')} onLock={lockCounter}>
                {say('staff.header.lock')}
              </LockButton>
            </>
          ) : managerOpen ? (
            <LockButton hint={say('manager.header.lockHint')} onLock={lockManager}>
              {say('manager.header.lock')}
            </LockButton>
          ) : null}
        </nav>
      ) : null}
    </header>
  );
}

/** Lock, with what it locks said on hover: the shift's and the manager session's look alike. */
function LockButton({
  hint,
  onLock,
  children,
}: {
  hint: string;
  onLock: () => Promise<unknown>;
  children: string;
}) {
  return (
    <button type="button" className="lock-button" title={hint} onClick={() => void onLock()}>
      {children}
    </button>
  );
}
