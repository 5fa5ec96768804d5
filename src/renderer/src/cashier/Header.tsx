import { t } from '../i18n';
import { selectLanguage, useCounter } from '../store';

/** Terminal, mode and the way to Settings. */
export function Header() {
  const language = useCounter(selectLanguage);
  const settings = useCounter((s) => s.settings);
  const openSettings = useCounter((s) => s.openSettings);
  return (
    <header className="app-header">
      <span className="brand">Alipay Counter</span>
      {settings ? (
        <span className="terminal">
          {settings.merchantName || 'Terminal'} · {settings.terminalId}
        </span>
      ) : null}
      {settings?.mode === 'demo' ? <span className="demo-badge">{t('demo', language)}</span> : null}
      <button type="button" className="settings-button" onClick={openSettings}>
        {t('settings', language)}
      </button>
    </header>
  );
}
