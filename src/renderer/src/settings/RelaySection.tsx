import { useId, useState } from 'react';
import { timeOfDay } from '../../../shared/time-of-day';
import { useCounter } from '../store';
import { TextField } from './TextField';

/**
 * Settings → Callback relay (issue 13): the NATS servers this counter dials out to, its store
 * and counter ids at the relay, the relay's public address, and the broker credentials, which
 * go to the keychain (the screen only ever learns whether they are set).
 */
export function RelaySection() {
  const settings = useCounter((s) => s.settings);
  const relay = useCounter((s) => s.session?.relay ?? null);
  const settingsError = useCounter((s) => s.settingsError);
  const save = useCounter((s) => s.submitSettings);
  const caHintId = useId();
  const [form, setForm] = useState(() => ({
    servers: settings?.relayNatsUrls.join(', ') ?? '',
    store: settings?.relayStoreId ?? '',
    counter: settings?.relayCounterId ?? '',
    publicUrl: settings?.relayPublicUrl ?? '',
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
      relayStoreId: form.store.trim(),
      relayCounterId: form.counter.trim(),
      relayPublicUrl: form.publicUrl.trim(),
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
          <TextField label="Store id" value={form.store} onChange={field('store')} />
          <TextField label="Counter id" value={form.counter} onChange={field('counter')} />
          <TextField
            label="Relay address"
            hint="the relay's public https address, which ecommpay posts to"
            value={form.publicUrl}
            onChange={field('publicUrl')}
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
    </section>
  );
}
