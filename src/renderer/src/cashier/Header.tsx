import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import type { View } from '../store/ui-slice';
import { RelayBadge } from './RelayBadge';

/** Terminal, mode and the way to Settings (not during a live counter's first run). */
export function Header({ navigation = true }: { navigation?: boolean }) {
  const { say } = useSay();
  const settings = useCounter((s) => s.settings);
  const openSettings = useCounter((s) => s.openSettings);
  const openView = useCounter((s) => s.openView);
  const view = useCounter((s) => s.view);
  const relay = useCounter((s) => s.session?.relay ?? null);
  const sections: Array<{ view: View; label: string; open: () => void }> = [
    { view: 'counter', label: say('common.nav.counter'), open: () => openView('counter') },
    { view: 'history', label: say('common.nav.history'), open: () => openView('history') },
    { view: 'reports', label: say('common.nav.reports'), open: () => openView('reports') },
    { view: 'settings', label: say('common.nav.settings'), open: openSettings },
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
          {sections.map((section) => (
            <button
              key={section.view}
              type="button"
              aria-pressed={view === section.view}
              onClick={section.open}
            >
              {section.label}
            </button>
          ))}
        </nav>
      ) : null}
    </header>
  );
}
