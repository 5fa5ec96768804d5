import { useEffect } from 'react';
import { useCounter } from '../store';

/**
 * Settings → About: the version, where the data, the log file and crash dumps are (with a button
 * that opens the logs folder), updates (channel, state, Restart to update under the PIN), start at login,
 * and the display the customer display goes to. Settings changes go through submitSettings
 * (PIN when one is set), like the rest of Settings.
 */
export function AboutSection() {
  const about = useCounter((s) => s.about);
  const displays = useCounter((s) => s.displays);
  const error = useCounter((s) => s.aboutError);
  const settings = useCounter((s) => s.settings);
  const { loadAbout, openLogsFolder, checkForUpdates, restartToUpdate, submitSettings } =
    useCounter();
  useEffect(() => {
    void loadAbout();
  }, [loadAbout, settings]);
  if (!about || !settings) return null;

  return (
    <section className="settings-form about" aria-label="About">
      <h2>About</h2>
      <p>
        Alipay Counter {about.version} ({settings.mode === 'demo' ? 'demo mode' : 'live'})
      </p>
      {about.dataFolder ? <p>Data folder: {about.dataFolder}</p> : null}
      {about.logFile ? (
        <p>
          Log file: {about.logFile}{' '}
          <button type="button" onClick={() => void openLogsFolder()}>
            Open logs folder
          </button>
        </p>
      ) : (
        <p className="hint">Logs go to the terminal that started the browser shell.</p>
      )}
      {about.crashDumpFolder ? (
        <p>Crash dumps (kept on this computer, for support): {about.crashDumpFolder}</p>
      ) : null}
      <h3>Updates</h3>
      <p role="status" aria-label="Update status">
        {about.updates.message}
      </p>
      <label>
        Update channel
        <select
          value={settings.updateChannel}
          onChange={(e) => submitSettings({ updateChannel: e.target.value as 'stable' | 'pilot' })}
        >
          <option value="stable">Stable</option>
          <option value="pilot">Pilot (pre-releases first, for stores that test)</option>
        </select>
      </label>
      <div className="settings-actions">
        <button type="button" onClick={() => void checkForUpdates()}>
          Check for updates
        </button>
        {about.updates.state === 'ready' ? (
          <button type="button" className="primary" onClick={restartToUpdate}>
            Restart to update
          </button>
        ) : null}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.startAtLogin}
          onChange={(e) => submitSettings({ startAtLogin: e.target.checked })}
        />
        Start Alipay Counter when this computer starts (live counters)
      </label>
      {displays.length > 0 ? (
        <label>
          Customer display on
          <select
            value={settings.customerDisplayId ?? ''}
            onChange={(e) =>
              submitSettings({
                customerDisplayId: e.target.value === '' ? null : Number(e.target.value),
              })
            }
          >
            <option value="">Automatic (the second display, if any)</option>
            {displays
              .filter((d) => !d.primary)
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label} ({d.width}×{d.height})
                </option>
              ))}
          </select>
        </label>
      ) : null}
      {error ? (
        <p className="action-error" role="alert">
          {error}
        </p>
      ) : null}
    </section>
  );
}
