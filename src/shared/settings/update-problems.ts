import { settingsUpdateSchema, type SettingsUpdate } from '../ipc/contract';
import { said, type Said } from '../i18n/said';
import { CURRENCIES } from '../money';
import { ADDRESS_FIELDS, addressProblem, storeIpProblem } from './address-rules';
import { firstPerField, type FieldProblem } from './field-problem';
import { limitProblems } from './limit-rules';
import { RELAY_FIELDS, relayProblems, type RelayFieldValues } from './relay-rules';

/** What a field's value must look like, said once per field (the schema's own words are an engineer's). */
const FORMAT_PROBLEMS: Partial<Record<keyof SettingsUpdate, Said>> = {
  projectId: said('settings.problem.projectId'),
  secret: said('settings.problem.secret'),
  terminalId: said('settings.problem.terminalId'),
  merchantName: said('settings.problem.merchantName'),
  callbackPort: said('settings.problem.callbackPort'),
  callbackBindAddress: said('settings.problem.callbackBindAddress'),
  thresholdSeconds: said('settings.problem.seconds'),
  paymentPageLifetimeSeconds: said('settings.problem.seconds'),
  acceptedQrKinds: said('settings.problem.qrKinds'),
  storeIpAddress: said('settings.problem.storeIp.invalid', { address: '' }),
  gateUrl: said('settings.problem.address.invalid'),
  paymentPageUrl: said('settings.problem.address.invalid'),
  callbackPublicUrl: said('settings.problem.address.invalid'),
  customerReturnUrl: said('settings.problem.address.invalid'),
  successUrl: said('settings.problem.address.invalid'),
};

/** A schema issue's path as a field path; a limit's issue names its end when it can. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * Everything wrong with a change to the settings, each on its field, in plain words: the
 * shapes the IPC contract allows, https addresses, a public store address, limits within
 * Alipay's bounds, and the relay's fields together with the ones saved (`saved`). Only what
 * the change touches is checked: a stored value an older version wrote does not block saving
 * another section. Settings runs this before it asks for the PIN; main runs it again before
 * it saves, so both say the same.
 */
export function updateProblems(change: SettingsUpdate, saved: RelayFieldValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const parsed = settingsUpdateSchema.safeParse(change);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      const top = issue.path[0] as keyof SettingsUpdate | undefined;
      const known = top === undefined ? undefined : FORMAT_PROBLEMS[top];
      const message =
        top === 'storeIpAddress'
          ? said('settings.problem.storeIp.invalid', { address: String(change.storeIpAddress) })
          : top === 'amountLimits'
            ? said('settings.problem.limit.notAmount')
            : (known ?? said('settings.problem.notAccepted'));
      problems.push({ field: field === '' ? 'settings' : field, said: message });
    }
  if (RELAY_FIELDS.some((field) => change[field] !== undefined))
    problems.push(
      ...relayProblems({
        relayNatsUrls: change.relayNatsUrls ?? saved.relayNatsUrls,
        relayCallbackUrl: change.relayCallbackUrl ?? saved.relayCallbackUrl,
        relayCaCertificate: change.relayCaCertificate ?? saved.relayCaCertificate,
      }),
    );
  if (change.relayPassword !== undefined && change.relayUser === undefined)
    problems.push({ field: 'relayUser', said: said('settings.problem.relay.userMissing') });
  for (const field of ADDRESS_FIELDS) {
    const value = change[field];
    const problem = typeof value === 'string' ? addressProblem(value.trim()) : undefined;
    if (problem) problems.push({ field, said: problem });
  }
  const ip = change.storeIpAddress?.trim();
  if (ip) {
    const problem = storeIpProblem(ip);
    if (problem) problems.push({ field: 'storeIpAddress', said: problem });
  }
  for (const currency of CURRENCIES) {
    const limit = change.amountLimits?.[currency];
    if (limit) problems.push(...limitProblems(currency, limit));
  }
  return firstPerField(problems);
}
