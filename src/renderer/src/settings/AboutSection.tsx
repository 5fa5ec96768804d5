import { useEffect } from 'react';
import { Fact } from '../components/Fact';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { SECTION_NAMES } from './settings-sections';

/**
 * Settings → About, grouped as a merchant reads it: which app and version, the updates (state,
 * channel, Check, Restart to update under the PIN), the keychain and starting with the
 * computer; where data, logs and crash reports are stays under Details, for support.
 */
export function AboutSection() {
  const { say, sayAll } = useSay();
  const about = useCounter((s) => s.about);
  const appInfo = useCounter((s) => s.appInfo);
  const error = useCounter((s) => s.aboutError);
  const settings = useCounter((s) => s.settings);
  const { loadAbout, openLogsFolder, checkForUpdates, restartToUpdate, submitSettings } =
    useCounter();
  useEffect(() => {
    void loadAbout();
  }, [loadAbout, settings]);
  if (!about || !settings) return null;
  const title = say('settings.save.pinTitle', { section: say(SECTION_NAMES.about) });

  return (
    <section className="settings-form section-form about" aria-label={say(SECTION_NAMES.about)}>
      <h2>{say(SECTION_NAMES.about)}</h2>
      <div className="about-group">
        <p className="about-product">{say('common.productName')}</p>
        <p className="about-version">{say('settings.about.version', { version: about.version })}</p>
        <p>{say('settings.about.mode', { mode: settings.mode })}</p>
      </div>
      <div className="about-group" role="group" aria-labelledby="about-updates">
        <h3 id="about-updates">{say('settings.about.updates')}</h3>
        <p role="status">{sayAll(about.updates.message)}</p>
        <label className="field">
          <span className="field-label">{say('settings.about.channel')}</span>
          <select
            value={settings.updateChannel}
            onChange={(e) =>
              submitSettings({ updateChannel: e.target.value as 'stable' | 'pilot' }, title)
            }
          >
            <option value="stable">{say('settings.about.channel.stable')}</option>
            <option value="pilot">{say('settings.about.channel.pilot')}</option>
          </select>
        </label>
        <div className="settings-actions">
          <button type="button" onClick={() => void checkForUpdates()}>
            {say('settings.about.check')}
          </button>
          {about.updates.state === 'ready' ? (
            <button
              type="button"
              className="primary"
              onClick={() => restartToUpdate(say('settings.about.restart'))}
            >
              {say('settings.about.restart')}
            </button>
          ) : null}
        </div>
      </div>
      <div className="about-group" role="group" aria-labelledby="about-computer">
        <h3 id="about-computer">{say('settings.about.thisComputer')}</h3>
        {appInfo ? (
          <p className={appInfo.keychain.available ? undefined : 'settings-error'}>
            {sayAll(appInfo.keychain.message)}
          </p>
        ) : null}
        <label className="check">
          <input
            type="checkbox"
            checked={settings.startAtLogin}
            onChange={(e) => submitSettings({ startAtLogin: e.target.checked }, title)}
          />
          {say('settings.about.startAtLogin')}
        </label>
      </div>
      <details className="details about-details">
        <summary>{say('settings.test.details')}</summary>
        <dl>
          <Fact term={say('settings.about.dataFolder')}>{about.dataFolder}</Fact>
          <dt>{say('settings.about.logFile')}</dt>
          <dd>
            {about.logFile ?? say('settings.about.logsInTerminal')}
            {about.logFile ? (
              <button type="button" onClick={() => void openLogsFolder()}>
                {say('settings.about.openLogs')}
              </button>
            ) : null}
          </dd>
          <Fact term={say('settings.about.crashDumps')}>{about.crashDumpFolder}</Fact>
          <Fact term={say('settings.about.keychain')}>{appInfo?.keychain.detail}</Fact>
          <Fact term={say('settings.about.updates')}>{about.updates.detail}</Fact>
        </dl>
      </details>
      {error ? (
        <p className="settings-error" role="alert">
          {sayAll(error)}
        </p>
      ) : null}
    </section>
  );
}
