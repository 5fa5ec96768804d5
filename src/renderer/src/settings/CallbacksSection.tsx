import type { RequestOf } from '../../../shared/ipc/contract';
import { TECHNICAL_DEFAULTS } from '../../../shared/settings/technical-defaults';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { Advanced, TextField } from './Field';
import { HeldBackResults } from './HeldBackResults';
import { wholeNumber } from './numbers';
import { RelayState } from './RelayState';
import { SectionForm } from './SectionForm';
import type { SectionProps } from './section-props';
import { useSectionForm } from './use-section-form';

const FIELDS = [
  'callbackPublicUrl',
  'callbackBindAddress',
  'callbackPort',
  'relayCallbackUrl',
  'relayNatsUrls',
  'relayUser',
  'relayPassword',
  'relayCaCertificate',
];

/** How a PEM certificate starts: the same in every language. */
const PEM_FIRST_LINE = '-----BEGIN CERTIFICATE-----';

/** "tls://a:4222, tls://b:4222" as a list of servers. */
function serverList(text: string): string[] {
  return text
    .split(',')
    .map((server) => server.trim())
    .filter((server) => server !== '');
}

/**
 * Settings → Callbacks and relay: how ecommpay's word on each payment reaches this counter, by
 * a public address (a tunnel or reverse proxy) or the callback relay. Where the counter listens,
 * the relay's servers, its login and CA certificate are under Advanced; the login goes to the
 * keychain and is never shown again.
 */
export function CallbacksSection(props: SectionProps) {
  const { say } = useSay();
  const settings = useCounter((s) => s.settings);
  const form = useSectionForm('callbacks', FIELDS, props, () => ({
    callbackPublicUrl: settings?.callbackPublicUrl ?? '',
    callbackBindAddress: settings?.callbackBindAddress ?? '',
    callbackPort: String(settings?.callbackPort ?? ''),
    relayCallbackUrl: settings?.relayCallbackUrl ?? '',
    relayNatsUrls: settings?.relayNatsUrls.join(', ') ?? '',
    relayUser: '',
    relayPassword: '',
    relayCaCertificate: settings?.relayCaCertificate ?? '',
  }));
  if (!settings) return null;
  const { values } = form;

  const submit = () => {
    const update: RequestOf<'settings:update'> = {
      callbackPublicUrl: values.callbackPublicUrl.trim(),
      callbackBindAddress: values.callbackBindAddress.trim(),
      callbackPort: wholeNumber(values.callbackPort),
    };
    const servers = serverList(values.relayNatsUrls);
    const relayChanged =
      servers.join(',') !== settings.relayNatsUrls.join(',') ||
      values.relayCallbackUrl.trim() !== settings.relayCallbackUrl ||
      values.relayCaCertificate.trim() !== settings.relayCaCertificate.trim() ||
      values.relayUser !== '' ||
      values.relayPassword !== '';
    if (relayChanged) {
      update.relayNatsUrls = servers;
      update.relayCallbackUrl = values.relayCallbackUrl.trim();
      update.relayCaCertificate = values.relayCaCertificate.trim();
      if (values.relayUser !== '') update.relayUser = values.relayUser;
      if (values.relayPassword !== '') update.relayPassword = values.relayPassword;
    }
    form.save(update, [], () => {
      form.setValues((now) => ({ ...now, relayUser: '', relayPassword: '' }));
    });
  };

  return (
    <>
      <SectionForm {...form.frame} intro={say('settings.callbacks.intro')} onSubmit={submit}>
        <TextField
          {...form.bind('callbackPublicUrl')}
          label={say('settings.callbacks.publicUrl')}
          hint={say('settings.callbacks.publicUrl.hint')}
          inputMode="url"
        />
        <h3 className="subsection">{say('settings.relay.title')}</h3>
        <p className="section-intro">{say('settings.relay.intro')}</p>
        <TextField
          {...form.bind('relayCallbackUrl')}
          label={say('settings.relay.callbackUrl')}
          hint={say('settings.relay.callbackUrl.hint')}
          inputMode="url"
        />
        <RelayState />
        <Advanced>
          <TextField
            {...form.bind('callbackBindAddress')}
            label={say('settings.callbacks.bindAddress')}
            hint={say('settings.callbacks.bindAddress.hint')}
            usual={TECHNICAL_DEFAULTS.callbackBindAddress}
          />
          <TextField
            {...form.bind('callbackPort')}
            label={say('settings.callbacks.port')}
            hint={say('settings.callbacks.port.hint')}
            usual={String(TECHNICAL_DEFAULTS.callbackPort)}
            inputMode="numeric"
          />
          <TextField
            {...form.bind('relayNatsUrls')}
            label={say('settings.relay.servers')}
            hint={say('settings.relay.servers.hint')}
            usual={say('settings.default.none')}
          />
          <TextField
            {...form.bind('relayUser')}
            label={say('settings.relay.user')}
            placeholder={say(
              settings.relayCredentialsConfigured
                ? 'settings.field.savedReplace'
                : 'settings.field.notSet',
            )}
          />
          <TextField
            {...form.bind('relayPassword')}
            type="password"
            label={say('settings.relay.password')}
          />
          <TextField
            {...form.bind('relayCaCertificate')}
            rows={4}
            label={say('settings.relay.ca')}
            hint={say('settings.relay.ca.hint')}
            usual={say('settings.default.systemCas')}
            placeholder={PEM_FIRST_LINE}
          />
        </Advanced>
      </SectionForm>
      <HeldBackResults />
    </>
  );
}
