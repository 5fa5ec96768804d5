import { useState } from 'react';
import type { Said } from '../../../shared/i18n/said';
import { saidOfError } from '../../../shared/i18n/said';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';

/**
 * Payment results the relay delivered that kept failing the secret key's check: most likely the
 * secret key on this counter is wrong. Once it is fixed, "Apply them again" takes them in.
 */
export function HeldBackResults() {
  const { say, sayAll } = useSay();
  const heldBack = useCounter((s) => s.settings?.relayHeldBack ?? []);
  const retry = useCounter((s) => s.retryHeldBack);
  const [outcome, setOutcome] = useState<Said | null>(null);
  const [busy, setBusy] = useState(false);
  if (heldBack.length === 0 && outcome === null) return null;
  const run = async () => {
    setBusy(true);
    try {
      const result = await retry();
      setOutcome(
        result.ok
          ? { id: 'settings.heldBack.result', values: { ...result.value } }
          : saidOfError(result.error),
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="held-back" role="region" aria-label={say('settings.heldBack.label')}>
      <h3>{say('settings.heldBack.title', { count: heldBack.length })}</h3>
      <p className="field-hint">{say('settings.heldBack.hint')}</p>
      <ul>
        {heldBack.slice(0, 20).map((entry) => (
          <li key={entry.id}>
            {say('settings.heldBack.item', {
              at: entry.receivedAt,
              reason: sayAll(entry.reason),
              size: entry.size,
              source: entry.source,
            })}
          </li>
        ))}
      </ul>
      <button type="button" disabled={busy || heldBack.length === 0} onClick={() => void run()}>
        {say('settings.heldBack.retry')}
      </button>
      {outcome ? <p role="status">{sayAll(outcome)}</p> : null}
    </div>
  );
}
