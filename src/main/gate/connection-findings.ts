import type { GateError, GateResult } from './gate-error';
import type { StatusAnswer } from './gate-client';

/** What one check of the setup found, in words a merchant understands. */
export interface Finding {
  readonly ok: boolean;
  readonly kind: FindingKind;
  readonly text: string;
}

/** The closed set of things a connection test can find. */
export type FindingKind =
  | 'connected'
  | 'wrong_secret'
  | 'unknown_project'
  | 'dns'
  | 'tls'
  | 'proxy'
  | 'refused'
  | 'unreachable'
  | 'timeout'
  | 'ip_not_allowed'
  | 'gate_error'
  | 'unreadable'
  | 'callbacks_reached'
  | 'callbacks_unreachable'
  | 'no_callback_url'
  | 'relay_ok'
  | 'relay_unreachable'
  | 'relay_not_connected';

const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'EPROTO',
]);

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME']);
const UNREACHABLE_CODES = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'EHOSTDOWN', 'ENETDOWN']);

/** Where a request went and the environment it went from, for the words of a finding. */
export interface FindingContext {
  readonly host: string;
  readonly timeoutMs: number;
  /** A proxy set for this PC (HTTPS_PROXY ...), which the counter does not go through. */
  readonly proxy?: string;
}

/**
 * Why a request from this PC did not get an HTTP answer, as a finding: DNS, TLS, refused,
 * unreachable or timeout, each named, with the proxy mentioned where one is set.
 */
export function transportFinding(
  error: Extract<GateError, { kind: 'network' | 'timeout' | 'unknown_outcome' }>,
  context: FindingContext,
  what: string,
): Finding {
  const proxyNote = context.proxy
    ? ` This PC has a proxy set (${context.proxy}); the counter connects directly, so the network must let it reach ${context.host} without the proxy.`
    : '';
  if (error.kind === 'timeout')
    return {
      ok: false,
      kind: context.proxy ? 'proxy' : 'timeout',
      text: `${what}: ${context.host} did not answer within ${Math.round(context.timeoutMs / 1000)} s.${proxyNote}`,
    };
  const code = error.code ?? '';
  if (DNS_CODES.has(code))
    return {
      ok: false,
      kind: 'dns',
      text: `${what}: the name ${context.host} cannot be found (DNS, ${code}). Check the address and this PC's internet connection.`,
    };
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))
    return {
      ok: false,
      kind: 'tls',
      text: `${what}: the secure connection to ${context.host} failed (TLS, ${code}). A proxy, firewall or antivirus may be intercepting https, or this PC's clock is wrong.`,
    };
  if (code === 'ECONNREFUSED')
    return {
      ok: false,
      kind: context.proxy ? 'proxy' : 'refused',
      text: `${what}: ${context.host} refused the connection (${code}).${proxyNote}`,
    };
  if (UNREACHABLE_CODES.has(code))
    return {
      ok: false,
      kind: context.proxy ? 'proxy' : 'unreachable',
      text: `${what}: ${context.host} cannot be reached from this PC (${code}).${proxyNote}`,
    };
  return {
    ok: false,
    kind: 'unreachable',
    text: `${what}: the connection to ${context.host} failed: ${error.message}.${proxyNote}`,
  };
}

/** What an HTTP answer that is not Gate's means: a proxy's login, a refused address, or noise. */
function httpFinding(httpStatus: number | undefined, context: FindingContext): Finding {
  if (httpStatus === 407)
    return {
      ok: false,
      kind: 'proxy',
      text: `A proxy between this PC and ${context.host} asks for a login (HTTP 407); the counter cannot pass it.`,
    };
  if (httpStatus === 403)
    return {
      ok: false,
      kind: 'ip_not_allowed',
      text: `${context.host} refused this PC (HTTP 403 without a Gate error): ecommpay may allow only listed IP addresses. Ask them to allow the store's public address.`,
    };
  return {
    ok: false,
    kind: 'unreadable',
    text: `${context.host} answered${httpStatus ? ` HTTP ${httpStatus}` : ''} with something that is not a Gate answer: is the Gate URL right?`,
  };
}

/**
 * Reads the answer to a signed status request for an id Gate cannot know. "3061 Transaction
 * not found" means Gate checked the signature and the project and found nothing: connected.
 */
export function gateFinding(
  answer: GateResult<StatusAnswer>,
  projectId: number,
  context: FindingContext,
): Finding {
  if (answer.ok) {
    return {
      ok: true,
      kind: 'connected',
      text: answer.value.found
        ? `Connected: Gate accepted the signature of project ${projectId}.`
        : `Connected: Gate accepted the signature of project ${projectId} (it answered ${answer.value.code} "${answer.value.message}" for a test id, as expected).`,
    };
  }
  const error = answer.error;
  switch (error.kind) {
    case 'rejected':
      if (error.code === '3261' || error.code === '3262')
        return {
          ok: false,
          kind: 'wrong_secret',
          text: `Wrong secret key: Gate refused the signature (${error.code} ${error.message}). Copy the secret key of project ${projectId} again from ecommpay's Dashboard.`,
        };
      if (error.code === '2442')
        return {
          ok: false,
          kind: 'unknown_project',
          text: `Unknown project: Gate does not know project ${projectId} (${error.code} ${error.message}). Check the project id.`,
        };
      if (error.httpStatus === 403)
        return {
          ok: false,
          kind: 'ip_not_allowed',
          text: `Gate refused this PC (HTTP 403, ${error.code} ${error.message}): ask ecommpay to allow the store's public IP address.`,
        };
      return {
        ok: false,
        kind: 'gate_error',
        text: `Gate refused the test request: ${error.code} ${error.message}.`,
      };
    case 'unverified':
      return {
        ok: false,
        kind: 'wrong_secret',
        text: `Gate answered, but its answer fails the signature check: the secret key of project ${projectId} is most likely wrong.`,
      };
    case 'network':
    case 'timeout':
      return transportFinding(error, context, 'Gate unreachable');
    case 'unknown_outcome':
      if (error.httpStatus !== undefined && error.httpStatus >= 500)
        return {
          ok: false,
          kind: 'gate_error',
          text: `Gate answered HTTP ${error.httpStatus}: it has trouble of its own. Try again in a few minutes.`,
        };
      return transportFinding(error, context, 'Gate unreachable');
    case 'invalid_response':
      return httpFinding(error.httpStatus, context);
  }
}

/** Where a check went (the host of `url`), its deadline, and this PC's proxy if one is set. */
export function findingContext(url: string, timeoutMs: number): FindingContext {
  const proxy = proxyFromEnvironment();
  return { host: new URL(url).host, timeoutMs, ...(proxy ? { proxy } : {}) };
}

/**
 * The proxy this PC's environment names, if any (the counter does not use it), without a user
 * name or password: findings are shown on screen and kept in the journal.
 */
export function proxyFromEnvironment(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const proxy =
    env['HTTPS_PROXY'] || env['https_proxy'] || env['HTTP_PROXY'] || env['http_proxy'] || undefined;
  if (proxy === undefined) return undefined;
  // "user:pass@" before the host, with or without a scheme, whatever else the value holds.
  return proxy.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^/@]*@/i, '$1');
}
