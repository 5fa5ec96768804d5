import { useId, useState } from 'react';
import { timeOfDay } from '../../../shared/time-of-day';
import { useCounter } from '../store';
import { TextField } from './TextField';

/**
 * Settings → Callback relay: the NATS servers this counter dials out to, its callback URL at
 * the relay (with its secret token), and the broker credentials, which go to the keychain (the
 * screen only ever learns whether they are set); callbacks held back for a failed signature.
 */
export function RelaySection() {
  const settings = useCounter((s) => s.settings);
  const relay = useCounter((s) => s.session?.relay ?? null);
  const settingsError = useCounter((s) => s.settingsError);
  const save = useCounter((s) => s.submitSettings);
  const caHintId = useId();
  const [form, setForm] = useState(() => ({
    servers: settings?.relayNatsUrls.join(', ') ?? '',
    callbackUrl: settings?.relayCallbackUrl ?? '',
    caCertificate: settings?.relayCaCertificate ?? '',
    user: '',
    password: '',
  }));
  if (!settings) return null;
  const field = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save({
      relayNatsUrls: form.servers
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      relayCallbackUrl: form.callbackUrl.trim(),
      relayCaCertificate: form.caCertificate.trim(),
      ...(form.user !== '' ? { relayUser: form.user, relayPassword: form.password } : {}),
    });
    setForm({ ...form, user: '', password: '' });
  };

  const state =
    relay === null
      ? 'Off: callbacks come to this PC directly, or the counter takes Payment Page links.'
      : relay.state === 'connected'
        ? `Connected since ${timeOfDay(relay.since)}.`
        : relay.state === 'reconnecting'
          ? `Reconnecting since ${timeOfDay(relay.since)}: sales are confirmed by status polling meanwhile.`
          : `Connecting since ${timeOfDay(relay.since)}…`;

  return (
    <section className="relay-settings" aria-label="Callback relay">
      <h2>Callback relay</h2>
      <p className="hint">
        For counters behind a shop&apos;s router: ecommpay posts callbacks to the relay, and this
        counter collects them from the relay&apos;s NATS servers. Leave every field empty to switch
        it off.
      </p>
      <p className={`relay-state relay-${relay?.state ?? 'off'}`} role="status">
        {state}
      </p>
      <form onSubmit={submit} className="settings-form">
        <fieldset>
          <legend>Relay</legend>
          <TextField
            label="NATS servers"
            hint="tls://host:4222, comma-separated"
            value={form.servers}
            onChange={field('servers')}
          />
          <TextField
            label="Callback URL"
            hint="this counter's whole address at the relay, https://…/cb/STORE/COUNTER/TOKEN, as the relay's operator gives it"
            value={form.callbackUrl}
            onChange={field('callbackUrl')}
          />
          <TextField
            label="Relay user"
            value={form.user}
            placeholder={
              settings.relayCredentialsConfigured ? 'configured (type to replace)' : 'not set'
            }
            onChange={field('user')}
          />
          <TextField
            label="Relay password"
            type="password"
            value={form.password}
            onChange={field('password')}
          />
          <label className="wide">
            Broker CA certificate
            <textarea
              rows={4}
              value={form.caCertificate}
              placeholder="-----BEGIN CERTIFICATE-----"
              spellCheck={false}
              aria-describedby={caHintId}
              onChange={(e) => field('caCertificate')(e.target.value)}
            />
            <span className="field-hint" id={caHintId}>
              only for a broker whose certificate comes from your own CA: paste that CA&apos;s PEM
              file; empty: the CAs this PC trusts
            </span>
          </label>
        </fieldset>
        {settingsError ? <p className="settings-error">{settingsError}</p> : null}
        <div className="settings-actions">
          <button type="submit" className="primary">
            Apply relay settings
          </button>
        </div>
      </form>
      <HeldBackCallbacks />
    </section>
  );
}

/**
 * Callbacks the relay delivered whose signature kept failing: most likely the secret key on
 * this counter is wrong. Once it is fixed, Apply them again takes them in.
 */
function HeldBackCallbacks() {
  const heldBack = useCounter((s) => s.settings?.relayHeldBack ?? []);
  const retry = useCounter((s) => s.retryHeldBack);
  const [outcome, setOutcome] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (heldBack.length === 0 && outcome === null) return null;
  const run = async () => {
    setBusy(true);
    try {
      const result = await retry();
      setOutcome(
        result.ok
          ? `${result.value.applied} taken in; ${result.value.left} still fail the signature check.`
          : result.error.message,
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="held-back" role="region" aria-label="Callbacks held back">
      <h3>Callbacks held back: {heldBack.length}</h3>
      <p className="hint">
        These callbacks came through the relay but failed the signature check every time: check the
        project&apos;s secret key (Settings → ecommpay), then apply them again.
      </p>
      <ul>
        {heldBack.slice(0, 20).map((entry) => (
          <li key={entry.id}>
            {new Date(entry.receivedAt).toLocaleString()} · {entry.source} · {entry.size} bytes
          </li>
        ))}
      </ul>
      <button type="button" disabled={busy || heldBack.length === 0} onClick={() => void run()}>
        Apply them again
      </button>
      {outcome ? <p role="status">{outcome}</p> : null}
    </div>
  );
}
