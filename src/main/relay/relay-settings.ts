import { X509Certificate } from 'node:crypto';
import { callbackPath, redirectPath, type CounterAddress } from '../../relay/protocol';

/** The relay's fields of the settings (settings.ts holds them; this file reads them). */
export interface RelayFields {
  readonly relayNatsUrls: readonly string[];
  readonly relayStoreId: string;
  readonly relayCounterId: string;
  readonly relayPublicUrl: string;
  /**
   * The certificate (PEM) of the CA that signed the broker's certificate, for a broker with the
   * merchant's own CA; empty: the system's trusted CAs. Public data, so not in the keychain.
   */
  readonly relayCaCertificate: string;
}

/** The fields that say where this counter is at the relay. */
export type RelayAddressFields = Omit<RelayFields, 'relayCaCertificate'>;

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * What is wrong with the relay fields, by field: all or none must be filled in, and the
 * broker is reached over TLS (`tls://`) unless it runs on this machine. Empty when fine.
 */
export function relaySettingsProblems(
  fields: RelayFields,
): Array<{ field: keyof RelayFields; message: string }> {
  const filled: Record<Exclude<keyof RelayFields, 'relayCaCertificate'>, boolean> = {
    relayNatsUrls: fields.relayNatsUrls.length > 0,
    relayStoreId: fields.relayStoreId !== '',
    relayCounterId: fields.relayCounterId !== '',
    relayPublicUrl: fields.relayPublicUrl !== '',
  };
  const some = Object.values(filled).some(Boolean);
  const missing = (Object.keys(filled) as Array<keyof typeof filled>).filter((key) => !filled[key]);
  const problems: Array<{ field: keyof RelayFields; message: string }> = [];
  if (some && missing.length > 0)
    problems.push({
      field: missing[0]!,
      message:
        'Fill in every callback relay field (NATS servers, store, counter, relay address), or clear them all.',
    });
  for (const text of fields.relayNatsUrls) {
    const problem = natsUrlProblem(text);
    if (problem) problems.push({ field: 'relayNatsUrls', message: problem });
  }
  const ca = caCertificateProblem(fields.relayCaCertificate);
  if (ca) problems.push({ field: 'relayCaCertificate', message: ca });
  return problems;
}

/** Why a broker CA certificate cannot be used, if it cannot ("" is none: the system's CAs). */
export function caCertificateProblem(pem: string): string | undefined {
  if (pem.trim() === '') return undefined;
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    return 'The broker CA certificate must be a PEM certificate (-----BEGIN CERTIFICATE----- …).';
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(pem);
  } catch {
    return 'The broker CA certificate cannot be read: paste the whole PEM file, BEGIN and END lines included.';
  }
  if (!certificate.ca)
    return `The certificate of ${certificate.subject.replace(/\n/g, ', ')} is not a CA certificate: give the CA that signed the broker's certificate.`;
  // No expiry check: this also runs when settings.json loads, and a CA that expires one day
  // must not stop the counter from starting (the broker connection then says why it fails).
  return undefined;
}

/** Why a NATS server address cannot be used, if it cannot. */
export function natsUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text}" is not an address such as tls://nats.example.com:4222.`;
  }
  if (url.protocol === 'tls:') return undefined;
  if (url.protocol === 'nats:' && LOOPBACK.has(url.hostname)) return undefined;
  if (url.protocol === 'nats:')
    return `Use tls:// for ${url.host}: plain nats:// only for a broker on this machine.`;
  return `"${text}" is not a NATS address (tls://host:port).`;
}

/** This counter's address at the relay, when a relay is set up. */
export function relayAddress(fields: RelayAddressFields): CounterAddress | undefined {
  if (
    fields.relayNatsUrls.length === 0 ||
    fields.relayStoreId === '' ||
    fields.relayCounterId === '' ||
    fields.relayPublicUrl === ''
  )
    return undefined;
  return { store: fields.relayStoreId, counter: fields.relayCounterId };
}

/** The merchant_callback_url of this counter at the relay, when a relay is set up. */
export function relayCallbackUrl(fields: RelayAddressFields): string | undefined {
  const address = relayAddress(fields);
  return address ? relayUrl(fields.relayPublicUrl, callbackPath(address)) : undefined;
}

/** The address the customer's phone opens for a hosted redirect. */
export function hostedRedirectUrl(fields: RelayAddressFields, token: string): string {
  return relayUrl(fields.relayPublicUrl, redirectPath(token));
}

function relayUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}
