import { said, type Said } from '../i18n/said';
import type { FieldProblem } from './field-problem';
import { isLoopbackHost, parseUrl } from './parsed-url';

/** The callback relay's fields of the settings. */
export interface RelayFieldValues {
  readonly relayNatsUrls: readonly string[];
  readonly relayCallbackUrl: string;
  readonly relayCaCertificate: string;
}

/** The relay's fields: a change to any of them is checked with the others. */
export const RELAY_FIELDS = [
  'relayNatsUrls',
  'relayCallbackUrl',
  'relayCaCertificate',
  'relayUser',
  'relayPassword',
] as const;

/**
 * What is wrong with the relay's fields, each on its field: both the servers and the callback
 * address or neither, servers reached over TLS (`tls://`) unless on this machine, the callback
 * address as the relay's operator gives it, and a CA certificate in PEM. Main reads the
 * certificate itself on top (it can; the windows cannot).
 */
export function relayProblems(fields: RelayFieldValues): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const servers = fields.relayNatsUrls.length > 0;
  const address = fields.relayCallbackUrl !== '';
  if (servers !== address)
    problems.push({
      field: servers ? 'relayCallbackUrl' : 'relayNatsUrls',
      said: said('settings.problem.relay.bothOrNone'),
    });
  const callback = callbackAddressProblem(fields.relayCallbackUrl);
  if (callback) problems.push({ field: 'relayCallbackUrl', said: callback });
  for (const text of fields.relayNatsUrls) {
    const problem = serverProblem(text);
    if (problem) problems.push({ field: 'relayNatsUrls', said: problem });
  }
  const schemes = new Set(fields.relayNatsUrls.map((text) => parseUrl(text)?.protocol));
  if (schemes.size > 1)
    problems.push({ field: 'relayNatsUrls', said: said('settings.problem.relay.natsMixed') });
  const pem = fields.relayCaCertificate.trim();
  if (pem !== '' && !/-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(pem))
    problems.push({ field: 'relayCaCertificate', said: said('settings.problem.relay.caNotPem') });
  return problems;
}

/** Why a NATS server address cannot be used, if it cannot. */
export function serverProblem(text: string): Said | undefined {
  const url = parseUrl(text);
  if (!url || url.hostname === '')
    return said('settings.problem.relay.natsInvalid', { address: text });
  if (url.protocol === 'tls:') return undefined;
  if (url.protocol === 'nats:')
    return isLoopbackHost(url.hostname)
      ? undefined
      : said('settings.problem.relay.natsPlain', { host: url.host });
  return said('settings.problem.relay.natsInvalid', { address: text });
}

/**
 * Why a callback address at the relay cannot be used ("" is none): it is the whole address the
 * relay's operator gives for one counter, `https://…/cb/STORE/COUNTER/TOKEN`. Main then reads
 * it strictly (src/protocol/relay-wire.ts) and refuses on this field with the same words.
 */
export function callbackAddressProblem(text: string): Said | undefined {
  if (text === '') return undefined;
  const url = parseUrl(text);
  const shaped =
    url !== undefined &&
    (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) &&
    url.search === '' &&
    url.hash === '' &&
    url.username === '' &&
    url.password === '' &&
    /\/cb\/[A-Za-z0-9_-]{1,32}\/[A-Za-z0-9_-]{1,32}\/[A-Za-z0-9_-]{32}$/.test(url.pathname);
  return shaped ? undefined : said('settings.problem.relay.callbackUrl');
}
