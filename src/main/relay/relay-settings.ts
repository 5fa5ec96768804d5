import { X509Certificate } from 'node:crypto';
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
    relayCallbackUrl: fields.relayCallbackUrl !== '',
  };
  const some = Object.values(filled).some(Boolean);
  const missing = (Object.keys(filled) as Array<keyof typeof filled>).filter((key) => !filled[key]);
  const problems: Array<{ field: keyof RelayFields; message: string }> = [];
  if (some && missing.length > 0)
    problems.push({
      field: missing[0]!,
      message:
        'Fill in both callback relay fields (NATS servers and callback URL), or clear them all.',
    });
  const urlProblem = callbackUrlProblem(fields.relayCallbackUrl);
  if (urlProblem) problems.push({ field: 'relayCallbackUrl', message: urlProblem });
  for (const text of fields.relayNatsUrls) {
    const problem = natsUrlProblem(text);
    if (problem) problems.push({ field: 'relayNatsUrls', message: problem });
  }
  const schemes = new Set(
    fields.relayNatsUrls.filter((url) => URL.canParse(url)).map((url) => new URL(url).protocol),
  );
  if (schemes.size > 1)
    problems.push({
      field: 'relayNatsUrls',
      message: 'Use tls:// for every NATS server, or nats:// for every one (only on this machine).',
    });
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

/** Why a callback URL cannot be used, if it cannot ("" is none: no relay). */
export function callbackUrlProblem(text: string): string | undefined {
  if (text === '') return undefined;
  if (!parseRelayCallbackUrl(text))
    return 'Paste the whole callback URL the relay gave for this counter (https://…/cb/STORE/COUNTER/TOKEN, from "alipay-counter relay token STORE/COUNTER --url …").';
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
