import type { RequestOf } from '../../../shared/ipc/contract';
import {
  QR_KINDS,
  TECHNICAL_DEFAULTS,
  type QrKind,
} from '../../../shared/settings/technical-defaults';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import { Advanced, ChecksField, SelectField, TextField } from './Field';
import { wholeNumber } from './numbers';
import { SectionForm } from './SectionForm';
import type { SectionProps } from './section-props';
import { useSectionForm } from './use-section-form';

type PurchaseMode = 'auto' | 'gate_qr' | 'payment_page';

const FIELDS = [
  'customerReturnUrl',
  'successUrl',
  'purchaseMode',
  'paymentPageUrl',
  'paymentPageLifetimeSeconds',
  'thresholdSeconds',
  'acceptedQrKinds',
];

/**
 * Settings → Customer page: where the customer's phone goes after Alipay, and how customers
 * pay (the Alipay QR or a Payment Page link). The Payment Page's address, the link's lifetime,
 * when unfinished payments end and the QR forms accepted are under Advanced.
 */
export function CustomerPageSection(props: SectionProps) {
  const { say } = useSay();
  const settings = useCounter((s) => s.settings);
  const form = useSectionForm('customerPage', FIELDS, props, () => ({
    customerReturnUrl: settings?.customerReturnUrl ?? '',
    successUrl: settings?.successUrl ?? '',
    purchaseMode: settings?.purchaseMode ?? ('auto' as PurchaseMode),
    paymentPageUrl: settings?.paymentPageUrl ?? '',
    paymentPageLifetimeSeconds: String(settings?.paymentPageLifetimeSeconds ?? ''),
    thresholdSeconds: String(settings?.thresholdSeconds ?? ''),
    acceptedQrKinds: [...(settings?.acceptedQrKinds ?? QR_KINDS)] as QrKind[],
  }));
  if (!settings) return null;
  const demo = settings.mode === 'demo';
  const { values, change } = form;

  const submit = () => {
    const update: RequestOf<'settings:update'> = {
      purchaseMode: values.purchaseMode,
      paymentPageLifetimeSeconds: wholeNumber(values.paymentPageLifetimeSeconds),
      thresholdSeconds: wholeNumber(values.thresholdSeconds),
      acceptedQrKinds: values.acceptedQrKinds,
    };
    if (!demo) {
      update.customerReturnUrl = values.customerReturnUrl.trim();
      update.successUrl = values.successUrl.trim();
      update.paymentPageUrl = values.paymentPageUrl.trim();
    }
    form.save(update);
  };

  return (
    <SectionForm
      {...form.frame}
      intro={demo ? say('settings.demoNote') : undefined}
      onSubmit={submit}
    >
      <TextField
        {...form.bind('customerReturnUrl')}
        label={say('settings.customer.returnUrl')}
        hint={say('settings.customer.returnUrl.hint')}
        inputMode="url"
        disabled={demo}
      />
      <TextField
        {...form.bind('successUrl')}
        label={say('settings.customer.successUrl')}
        hint={say('settings.customer.successUrl.hint')}
        inputMode="url"
        disabled={demo}
      />
      <SelectField
        name="purchaseMode"
        label={say('settings.customer.purchaseMode')}
        hint={say('settings.customer.purchaseMode.hint')}
        value={values.purchaseMode}
        error={form.errorOf('purchaseMode')}
        onChange={(value) => change('purchaseMode')(value as PurchaseMode)}
      >
        <option value="auto">
          {say('settings.customer.mode.auto', { mode: settings.effectivePurchaseMode })}
        </option>
        <option value="gate_qr">{say('settings.customer.mode.gateQr')}</option>
        <option value="payment_page">{say('settings.customer.mode.paymentPage')}</option>
      </SelectField>
      <Advanced>
        <TextField
          {...form.bind('paymentPageUrl')}
          label={say('settings.customer.paymentPageUrl')}
          usual={TECHNICAL_DEFAULTS.paymentPageUrl}
          inputMode="url"
          disabled={demo}
        />
        <TextField
          {...form.bind('paymentPageLifetimeSeconds')}
          label={say('settings.customer.linkLifetime')}
          usual={String(TECHNICAL_DEFAULTS.paymentPageLifetimeSeconds)}
          inputMode="numeric"
        />
        <TextField
          {...form.bind('thresholdSeconds')}
          label={say('settings.customer.threshold')}
          hint={say('settings.customer.threshold.hint')}
          usual={String(TECHNICAL_DEFAULTS.thresholdSeconds)}
          inputMode="numeric"
        />
        <ChecksField
          name="acceptedQrKinds"
          label={say('settings.customer.qrKinds')}
          hint={say('settings.customer.qrKinds.hint')}
          usual={QR_KINDS.map((kind) => say('settings.customer.qrKind', { kind })).join(', ')}
          options={QR_KINDS.map((kind) => ({
            value: kind,
            label: say('settings.customer.qrKind', { kind }),
          }))}
          checked={values.acceptedQrKinds}
          error={form.errorOf('acceptedQrKinds')}
          onChange={(kinds) => change('acceptedQrKinds')(kinds as QrKind[])}
        />
      </Advanced>
    </SectionForm>
  );
}
