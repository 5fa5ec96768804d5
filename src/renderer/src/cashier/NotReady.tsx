import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { sectionOfProblem } from '../settings/settings-sections';

/**
 * On the Charge screen of a live counter that cannot charge yet: the first thing missing, in
 * plain words, and the way to Settings. Main refuses the sale anyway; this says why first.
 */
export function NotReady() {
  const { sayAll } = useSay();
  const settings = useCounter((s) => s.settings);
  const openSettings = useCounter((s) => s.openSettings);
  if (!settings || settings.mode !== 'live' || settings.ready) return null;
  const first = settings.problems[0];
  return (
    <div className="not-ready" role="status">
      <p>
        <strong>This counter cannot take payments yet.</strong> {first ? sayAll(first) : null}
      </p>
      <button
        type="button"
        onClick={() => openSettings(first ? sectionOfProblem(first) : undefined)}
      >
        Open Settings
      </button>
    </div>
  );
}
