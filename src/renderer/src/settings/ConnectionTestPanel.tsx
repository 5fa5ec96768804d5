import type { ConnectionTestView } from '../../../shared/ipc/views';
import { useCounter } from '../store';

/** "Tested 14:02: connected" with every finding, or that it must run again. */
export function ConnectionTestResult({ test }: { test: ConnectionTestView | null }) {
  if (!test) return <p className="test-none">Not tested yet.</p>;
  const time = new Date(test.at).toLocaleString('en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <div className={`test-result ${test.ok ? 'test-ok' : 'test-bad'}`} role="status">
      <p className="test-summary">
        {test.ok ? 'Passed' : 'Failed'} · {time}
        {test.current ? '' : ' · the Gate URL, project or secret changed since: test again'}
      </p>
      <ul>
        {test.findings.map((finding) => (
          <li key={finding.text} className={finding.ok ? 'finding-ok' : 'finding-bad'}>
            <span aria-hidden="true">{finding.ok ? '✓' : '✕'}</span> {finding.text}
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * Settings → Test connection: asks Gate about a payment that cannot exist (its answer proves
 * the project and secret) and, with a public callback URL, whether callbacks reach this PC.
 */
export function ConnectionTestPanel() {
  const settings = useCounter((s) => s.settings);
  const testing = useCounter((s) => s.connectionTesting);
  const run = useCounter((s) => s.testConnection);
  if (!settings || settings.mode === 'demo') return null;
  return (
    <section className="connection-test" aria-label="Test connection">
      <h2>Test connection</h2>
      <ConnectionTestResult test={settings.connectionTest} />
      <button type="button" disabled={testing} onClick={() => void run()}>
        {testing ? 'Testing…' : 'Test connection'}
      </button>
    </section>
  );
}
