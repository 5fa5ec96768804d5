import type { ConnectionTestView } from '../../../shared/ipc/views';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';

/** Marks beside each finding, for the eye only (the sentence says the same). */
const PASSED_MARK = '✓';
const FAILED_MARK = '✕';

/** "Passed on 6 Dec at 14:02" with every finding in a sentence; Gate's codes behind Details. */
export function ConnectionTestResult({ test }: { test: ConnectionTestView | null }) {
  const { say, sayAll } = useSay();
  if (!test) return <p className="test-none">{say('settings.test.none')}</p>;
  const details = test.findings.filter((finding) => finding.detail);
  return (
    <div className={`test-result ${test.ok ? 'test-ok' : 'test-bad'}`} role="status">
      <p className="test-summary">
        {say(test.ok ? 'settings.test.passed' : 'settings.test.failed', { at: test.at })}
      </p>
      {test.current ? null : <p className="test-stale">{say('settings.test.stale')}</p>}
      <ul>
        {test.findings.map((finding, index) => (
          <li key={index} className={finding.ok ? 'finding-ok' : 'finding-bad'}>
            <span aria-hidden="true">{finding.ok ? PASSED_MARK : FAILED_MARK}</span>
            {sayAll(finding.said)}
            {finding.hint ? <span className="finding-hint">{sayAll(finding.hint)}</span> : null}
          </li>
        ))}
      </ul>
      {details.length > 0 ? (
        <details className="details">
          <summary>{say('settings.test.details')}</summary>
          <ul className="evidence">
            {details.map((finding, index) => (
              <li key={index}>
                <code>{finding.detail}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

/**
 * Test connection: asks Gate about a payment that cannot exist (its answer proves the project
 * and the secret key) and, with a way in for payment results, whether they reach this counter.
 */
export function ConnectionTestPanel() {
  const { say } = useSay();
  const settings = useCounter((s) => s.settings);
  const testing = useCounter((s) => s.connectionTesting);
  const run = useCounter((s) => s.testConnection);
  if (!settings || settings.mode === 'demo') return null;
  return (
    <section className="connection-test" aria-label={say('settings.test.title')}>
      <h3>{say('settings.test.title')}</h3>
      <p className="section-intro">{say('settings.test.intro')}</p>
      {testing ? (
        <p role="status">{say('settings.test.running')}</p>
      ) : (
        <ConnectionTestResult test={settings.connectionTest} />
      )}
      <button type="button" disabled={testing} onClick={() => void run()}>
        {say('settings.test.run')}
      </button>
    </section>
  );
}
