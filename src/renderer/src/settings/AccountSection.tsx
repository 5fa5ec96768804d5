import type { RequestOf } from '../../../shared/ipc/contract';
import { TECHNICAL_DEFAULTS } from '../../../shared/settings/technical-defaults';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { ConnectionTestPanel } from './ConnectionTestPanel';
import { Advanced, TextField } from './Field';
import { SectionForm } from './SectionForm';
import type { SectionProps } from './section-props';
import { SECTION_NAMES } from './settings-sections';
import { useSectionForm } from './use-section-form';

const FIELDS = ['projectId', 'secret', 'gateUrl'];

/**
 * Settings → ecommpay account: the project id and its secret key (write-only: the window only
 * learns whether one is saved), Gate's address under Advanced, and Test connection. In demo
 * mode the account is the built-in sandbox's and nothing here can change.
 */
export function AccountSection({
  withTest = true,
  ...props
}: SectionProps & { withTest?: boolean }) {
  const { say } = useSay();
  const settings = useCounter((s) => s.settings);
  const form = useSectionForm('account', FIELDS, props, () => ({
    projectId: settings?.projectId == null ? '' : String(settings.projectId),
    secret: '',
    gateUrl: settings?.gateUrl ?? '',
  }));
  if (!settings) return null;
  if (settings.mode === 'demo')
    return (
      <section className="settings-form section-form" aria-label={say(SECTION_NAMES.account)}>
        <h2>{say(SECTION_NAMES.account)}</h2>
        <p className="section-intro">{say('settings.demoNote')}</p>
      </section>
    );
  const { values } = form;

  const submit = () => {
    const update: RequestOf<'settings:update'> = { gateUrl: values.gateUrl.trim() };
    const projectId = values.projectId.trim();
    if (projectId !== '') update.projectId = /^\d+$/.test(projectId) ? Number(projectId) : NaN;
    if (values.secret !== '') update.secret = values.secret;
    form.save(update, [], () => {
      form.setValues((now) => ({ ...now, secret: '' }));
    });
  };

  return (
    <>
      <SectionForm {...form.frame} onSubmit={submit}>
        <TextField
          {...form.bind('projectId')}
          label={say('settings.account.projectId')}
          hint={say('settings.account.projectId.hint')}
          inputMode="numeric"
        />
        <TextField
          {...form.bind('secret')}
          type="password"
          label={say('settings.account.secret')}
          hint={say('settings.account.secret.hint')}
          placeholder={say(
            settings.secretConfigured ? 'settings.field.savedReplace' : 'settings.field.notSet',
          )}
        />
        <Advanced>
          <TextField
            {...form.bind('gateUrl')}
            label={say('settings.account.gateUrl')}
            hint={say('settings.account.gateUrl.hint')}
            usual={TECHNICAL_DEFAULTS.gateUrl}
            inputMode="url"
          />
        </Advanced>
      </SectionForm>
      {withTest ? <ConnectionTestPanel /> : null}
    </>
  );
}
