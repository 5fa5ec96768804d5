import { X509Certificate } from 'node:crypto';
import { said, type Said } from '../../shared/i18n/said';
import { firstPerField, type FieldProblem } from '../../shared/settings/field-problem';
import { relayProblems } from '../../shared/settings/relay-rules';
import {
  parseRelayCallbackUrl,
  redirectPath,
  type CounterAddress,
  type RelayCallbackUrl,
} from '../../protocol/relay-wire';

/** The relay's fields of the settings (settings.ts holds them; this file reads them). */
export interface RelayFields {
  readonly relayNatsUrls: readonly string[];
  /**
   * This counter's callback URL at the relay, as `alipay-counter relay token` prints it:
   * the relay's public address, the counter's store and counter ids, and its secret token.
   */
  readonly relayCallbackUrl: string;
  /**
   * The certificate (PEM) of the CA that signed the broker's certificate, for a broker with the
   * merchant's own CA; empty: the system's trusted CAs. Public data, so not in the keychain.
   */
  readonly relayCaCertificate: string;
}

/** The fields that say where this counter is at the relay. */
export type RelayAddressFields = Omit<RelayFields, 'relayCaCertificate'>;

/**
 * What is wrong with the relay fields, each on its field: the rules the Settings screen checks
 * too (src/shared/settings/relay-rules.ts), then what only main can read: the callback URL
 * parsed strictly as the relay's wire defines it, and the CA certificate itself. Empty when fine.
 */
export function relaySettingsProblems(fields: RelayFields): FieldProblem[] {
  const problems = relayProblems(fields);
  if (fields.relayCallbackUrl !== '' && !parseRelayCallbackUrl(fields.relayCallbackUrl))
    problems.push({ field: 'relayCallbackUrl', said: said('settings.problem.relay.callbackUrl') });
  const ca = caCertificateProblem(fields.relayCaCertificate);
  if (ca) problems.push({ field: 'relayCaCertificate', said: ca });
  return firstPerField(problems);
}

/** Why a broker CA certificate cannot be used, if it cannot ("" is none: the system's CAs). */
export function caCertificateProblem(pem: string): Said | undefined {
  if (pem.trim() === '') return undefined;
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) return said('settings.problem.relay.caNotPem');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return said('settings.problem.relay.caUnreadable');
  }
  if (!certificate.ca)
    return said('settings.problem.relay.caNotCa', {
      subject: certificate.subject.replace(/\n/g, ', '),
    });
  // No expiry check: this also runs when settings.json loads, and a CA that expires one day
  // must not stop the counter from starting (the broker connection then says why it fails).
  return undefined;
}

/** This counter at the relay (address, public base, token), when a relay is set up. */
export function relayTarget(fields: RelayAddressFields): RelayCallbackUrl | undefined {
  if (fields.relayNatsUrls.length === 0) return undefined;
  return parseRelayCallbackUrl(fields.relayCallbackUrl);
}

/** This counter's address at the relay, when a relay is set up. */
export function relayAddress(fields: RelayAddressFields): CounterAddress | undefined {
  return relayTarget(fields)?.address;
}

/** The merchant_callback_url of this counter at the relay, when a relay is set up. */
export function relayCallbackUrl(fields: RelayAddressFields): string | undefined {
  return relayTarget(fields) ? fields.relayCallbackUrl : undefined;
}

/**
 * The callback URL as people may see it (findings, logs): the token cut to its first four
 * characters, enough to tell two apart, too little to post with.
 */
export function shownCallbackUrl(fields: RelayAddressFields): string | undefined {
  const target = relayTarget(fields);
  return target
    ? `${target.base}/cb/${target.address.store}/${target.address.counter}/${target.token.slice(0, 4)}…`
    : undefined;
}

/** The relay's public address (for /health), when a relay is set up. */
export function relayBaseUrl(fields: RelayAddressFields): string | undefined {
  return relayTarget(fields)?.base;
}

/** The address the customer's phone opens for a hosted redirect of this counter. */
export function hostedRedirectUrl(fields: RelayAddressFields, token: string): string | undefined {
  const target = relayTarget(fields);
  return target ? target.base + redirectPath(target.address, token) : undefined;
}
