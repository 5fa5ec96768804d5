import { useCounter } from '../store';

/**
 * On the Charge screen of a live counter that cannot charge yet: the first thing missing, in
 * plain words, and the way to Settings. Main refuses the sale anyway; this says why first.
 */
export function NotReady() {
  const settings = useCounter((s) => s.settings);
  const openSettings = useCounter((s) => s.openSettings);
  if (!settings || settings.mode !== 'live' || settings.ready) return null;
  return (
    <div className="not-ready" role="status">
      <p>
        <strong>This counter cannot take payments yet.</strong> {settings.problems[0]}
      </p>
      <button type="button" onClick={openSettings}>
        Open Settings
      </button>
    </div>
  );
}
