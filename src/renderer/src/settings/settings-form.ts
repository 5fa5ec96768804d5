import type { RequestOf } from '../../../shared/ipc/contract';
import type { SettingsView } from '../../../shared/ipc/views';

/** The Settings form as typed: numbers as text until saved, the secret write-only. */
export type SettingsForm = Omit<
  SettingsView,
  | 'mode'
  | 'secretConfigured'
  | 'ready'
  | 'problems'
  | 'projectId'
  | 'effectivePurchaseMode'
  | 'connectionTest'
  | 'pinSet'
  | 'setupDone'
  | 'relayNatsUrls'
  | 'relayCallbackUrl'
  | 'relayCaCertificate'
  | 'relayCredentialsConfigured'
  | 'relayHeldBack'
> & {
  projectId: string;
  secret: string;
};

/** The form for the settings main holds now (the secret field starts empty). */
export function formOf(view: SettingsView): SettingsForm {
  const {
    mode: _m,
    secretConfigured: _c,
    ready: _r,
    problems: _p,
    projectId,
    effectivePurchaseMode: _e,
    connectionTest: _t,
    pinSet: _s,
    setupDone: _d,
    // The relay has its own section and form (RelaySection).
    relayNatsUrls: _rn,
    relayCallbackUrl: _ru,
    relayCaCertificate: _ca,
    relayCredentialsConfigured: _rk,
    relayHeldBack: _rh,
    ...rest
  } = view;
  return { ...rest, projectId: projectId === null ? '' : String(projectId), secret: '' };
}

/**
 * What Save sends: everything the form shows, except in demo mode the sandbox's own fields
 * (Gate, project, secret, pages and store address), and the secret only when one was typed.
 */
export function updateOf(form: SettingsForm, demo: boolean): RequestOf<'settings:update'> {
  const update: RequestOf<'settings:update'> = {
    terminalId: form.terminalId,
    defaultCurrency: form.defaultCurrency,
    callbackBindAddress: form.callbackBindAddress,
    callbackPort: Number(form.callbackPort),
    callbackPublicUrl: form.callbackPublicUrl.trim(),
    acceptedQrKinds: form.acceptedQrKinds,
    thresholdSeconds: Number(form.thresholdSeconds),
    language: form.language,
    merchantName: form.merchantName,
    purchaseMode: form.purchaseMode,
    paymentPageLifetimeSeconds: Number(form.paymentPageLifetimeSeconds),
  };
  if (!demo) {
    update.gateUrl = form.gateUrl.trim();
    update.paymentPageUrl = form.paymentPageUrl.trim();
    update.customerReturnUrl = form.customerReturnUrl.trim();
    update.successUrl = form.successUrl.trim();
    update.storeIpAddress = form.storeIpAddress.trim();
    if (form.projectId.trim() !== '') update.projectId = Number(form.projectId.trim());
    if (form.secret !== '') update.secret = form.secret;
  }
  return update;
}
