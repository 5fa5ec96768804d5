import type { Said } from '../../../shared/i18n/said';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { sectionOfProblem } from '../settings/settings-sections';

/**
 * On the Charge screen of a live counter that cannot charge yet: the first thing missing, in
 * plain words, and the way to Settings. Main refuses the sale anyway; this says why first.
 */
export function NotReady() {
  const { say, sayAll } = useSay();
  const settings = useCounter((s) => s.settings);
  const openSettings = useCounter((s) => s.openSettings);
  if (!settings || settings.mode !== 'live' || settings.ready) return null;
  // Settings words its findings (a message, or a sentence from an older main).
  const problem = settings.problems[0] as string | Said | undefined;
  return (
    <div className="not-ready" role="status">
      <p>
        <strong>{say('cashier.notReady.title')}</strong>
        {typeof problem === 'object' ? sayAll(problem) : problem}
      </p>
      <button
        type="button"
        onClick={() =>
          // The section that fixes it, when Settings knows which.
          openSettings(typeof problem === 'object' ? sectionOfProblem(problem) : undefined)
        }
      >
        {say('cashier.notReady.openSettings')}
      </button>
    </div>
  );
}
