import type { GateError, GateResult } from './gate-error';
import type { StatusAnswer } from './gate-client';
import { said, type Said } from '../../shared/i18n/said';
import { english } from '../i18n/wording';

/**
 * What one check of the setup found, for a merchant: one sentence (`said`), maybe a second
 * with what to do (`hint`), and the technical words (Gate's code, a network error) apart in
 * `detail`, which Settings shows only behind Details.
 */
export interface Finding {
  readonly ok: boolean;
  readonly kind: FindingKind;
  readonly said: Said;
  readonly hint?: Said;
  readonly detail?: string;
}

/** A finding in English, for the command line and the log. */
export function findingText(finding: Pick<Finding, 'said' | 'hint' | 'detail'>): string {
  const hint = finding.hint ? ` ${english(finding.hint)}` : '';
  const detail = finding.detail ? ` (${finding.detail})` : '';
  return `${english(finding.said)}${hint}${detail}`;
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

/** Which check a transport failure belongs to: the words name Gate, the callback address or the relay. */
export type CheckTarget = 'gate' | 'callbacks' | 'relay';

/**
 * Why a request from this PC did not get an HTTP answer, as a finding: DNS, TLS, refused,
 * unreachable or timeout, each named, with the proxy mentioned where one is set.
 */
export function transportFinding(
  error: Extract<GateError, { kind: 'network' | 'timeout' | 'unknown_outcome' }>,
  context: FindingContext,
  target: CheckTarget,
): Finding {
  const host = context.host;
  const hint = context.proxy
    ? said('settings.test.finding.proxyNote', { proxy: context.proxy, host })
    : undefined;
  const withHint = (finding: Omit<Finding, 'ok' | 'hint'>): Finding => ({
    ok: false,
    ...finding,
    ...(hint ? { hint } : {}),
  });
  if (error.kind === 'timeout')
    return withHint({
      kind: context.proxy ? 'proxy' : 'timeout',
      said: said('settings.test.finding.timeout', {
        target,
        host,
        seconds: Math.max(1, Math.round(context.timeoutMs / 1000)),
      }),
      detail: error.message,
    });
  const code = error.code ?? '';
  if (DNS_CODES.has(code))
    return withHint({
      kind: 'dns',
      said: said('settings.test.finding.dns', { target, host }),
      detail: code,
    });
  if (TLS_CODES.has(code) || code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_'))
    return withHint({
      kind: 'tls',
      said: said('settings.test.finding.tls', { host }),
      detail: code,
    });
  if (code === 'ECONNREFUSED')
    return withHint({
      kind: context.proxy ? 'proxy' : 'refused',
      said: said('settings.test.finding.connectionRefused', { host }),
      detail: code,
    });
  if (UNREACHABLE_CODES.has(code))
    return withHint({
      kind: context.proxy ? 'proxy' : 'unreachable',
      said: said('settings.test.finding.unreachable', { host }),
      detail: code,
    });
  return withHint({
    kind: 'unreachable',
    said: said('settings.test.finding.connectionFailed', { host }),
    detail: error.message,
  });
}

/** What an HTTP answer that is not Gate's means: a proxy's login, a refused address, or noise. */
function httpFinding(httpStatus: number | undefined, context: FindingContext): Finding {
  const detail = httpStatus ? `HTTP ${httpStatus}` : undefined;
  const base = { ok: false, ...(detail ? { detail } : {}) } as const;
  if (httpStatus === 407)
    return {
      ...base,
      kind: 'proxy',
      said: said('settings.test.finding.proxyLogin', { host: context.host }),
    };
  if (httpStatus === 403)
    return { ...base, kind: 'ip_not_allowed', said: said('settings.test.finding.ipNotAllowed') };
  return {
    ...base,
    kind: 'unreadable',
    said: said('settings.test.finding.notGate', { host: context.host }),
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
  const project = projectId;
  if (answer.ok)
    return {
      ok: true,
      kind: 'connected',
      said: said('settings.test.finding.connected', { project }),
      ...(answer.value.found ? {} : { detail: `${answer.value.code} ${answer.value.message}` }),
    };
  const error = answer.error;
  switch (error.kind) {
    case 'rejected': {
      const detail = `HTTP ${error.httpStatus}, ${error.code} ${error.message}`;
      if (error.code === '3261' || error.code === '3262')
        return {
          ok: false,
          kind: 'wrong_secret',
          said: said('settings.test.finding.wrongSecret', { project }),
          detail,
        };
      if (error.code === '2442')
        return {
          ok: false,
          kind: 'unknown_project',
          said: said('settings.test.finding.unknownProject', { project }),
          detail,
        };
      if (error.httpStatus === 403)
        return {
          ok: false,
          kind: 'ip_not_allowed',
          said: said('settings.test.finding.ipNotAllowed'),
          detail,
        };
      return { ok: false, kind: 'gate_error', said: said('settings.test.finding.refused'), detail };
    }
    case 'unverified':
      return {
        ok: false,
        kind: 'wrong_secret',
        said: said('settings.test.finding.answerUnverified', { project }),
        detail: error.message,
      };
    case 'network':
    case 'timeout':
      return transportFinding(error, context, 'gate');
    case 'unknown_outcome':
      if (error.httpStatus !== undefined && error.httpStatus >= 500)
        return {
          ok: false,
          kind: 'gate_error',
          said: said('settings.test.finding.gateTrouble'),
          detail: `HTTP ${error.httpStatus}`,
        };
      return transportFinding(error, context, 'gate');
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
