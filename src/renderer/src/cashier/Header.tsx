import { t } from '../i18n';
import { selectLanguage, useCounter } from '../store';
import { RelayBadge } from './RelayBadge';

/** Terminal, mode and the way to Settings (not during a live counter's first run). */
export function Header({ navigation = true }: { navigation?: boolean }) {
  const language = useCounter(selectLanguage);
  const settings = useCounter((s) => s.settings);
  const openSettings = useCounter((s) => s.openSettings);
  const openView = useCounter((s) => s.openView);
  const view = useCounter((s) => s.view);
  const relay = useCounter((s) => s.session?.relay ?? null);
  return (
    <header className="app-header">
      <span className="brand">Alipay Counter</span>
      {settings ? (
        <span className="terminal">
          {settings.merchantName || 'Terminal'} · {settings.terminalId}
        </span>
      ) : null}
      {settings?.mode === 'demo' ? <span className="demo-badge">{t('demo', language)}</span> : null}
      {relay ? <RelayBadge state={relay.state} since={relay.since} /> : null}
      {navigation ? (
        <nav className="header-nav" aria-label="Sections">
          <button
            type="button"
            aria-pressed={view === 'counter'}
            onClick={() => openView('counter')}
          >
            {t('counter', language)}
          </button>
          <button
            type="button"
            aria-pressed={view === 'history'}
            onClick={() => openView('history')}
          >
            {t('history', language)}
          </button>
          <button
            type="button"
            aria-pressed={view === 'reports'}
            onClick={() => openView('reports')}
          >
            {t('reports', language)}
          </button>
          <button type="button" aria-pressed={view === 'settings'} onClick={openSettings}>
            {t('settings', language)}
          </button>
        </nav>
      ) : null}
    </header>
  );
}
