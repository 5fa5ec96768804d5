import type { z } from 'zod';
import { parseJsonLossless, sign, verify } from '../../protocol/signer';
import { createJsonPoster, type JsonPoster, type TransportFailure } from './http-transport';
import type { GateError, GateResult } from './gate-error';
import {
  ackSchema,
  rejectionSchema,
  statusFoundSchema,
  type GateAck,
  type GateStatus,
} from './gate-schemas';
import {
  refundBody,
  saleBody,
  statusBody,
  type RefundRequest,
  type SaleRequest,
} from './request-bodies';
import { GATE_PATHS } from '../../protocol/gate-paths';
import { TRANSACTION_NOT_FOUND } from './gate-paths';
import { withoutNulls } from './without-nulls';

/** How to reach one ecommpay project. */
export interface GateClientConfig {
  /** Gate base URL, e.g. https://api.ecommpay.com or a sandbox on 127.0.0.1. */
  readonly baseUrl: string;
  readonly projectId: number;
  /** The project's secret key; read from the keychain by main, never logged. */
  readonly secret: string;
  /** Deadline of one HTTP request. */
  readonly timeoutMs?: number;
  /** Extra attempts of a status request after a transport failure or 5xx (never for sale/refund). */
  readonly statusRetries?: number;
  /** Pause before the first status retry; doubles each time. */
  readonly statusRetryDelayMs?: number;
}

/** What a status request found. */
export type StatusAnswer =
  | { readonly found: false; readonly code: string; readonly message: string }
  | { readonly found: true; readonly status: GateStatus };

/** The Gate API calls of the Alipay method. */
export interface GateClient {
  /** Sends a purchase. Never retried: a retry could charge twice. */
  sale(request: SaleRequest): Promise<GateResult<GateAck>>;
  /** Sends a refund. Never retried: its merchant_refund_id guards a deliberate retry. */
  refund(request: RefundRequest): Promise<GateResult<GateAck>>;
  /** Asks a payment's status; retried on transport failures since it changes nothing. */
  status(paymentId: string): Promise<GateResult<StatusAnswer>>;
  /** Closes kept-alive connections. */
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/** Creates a Gate client for one project. */
export function createGateClient(config: GateClientConfig): GateClient {
  const poster = createJsonPoster();
  const base = new URL(config.baseUrl);
  const timeoutMs = config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const retries = config.statusRetries ?? 2;
  const retryDelayMs = config.statusRetryDelayMs ?? 250;

  const call = (path: string, unsigned: Record<string, unknown>) =>
    signedPost(poster, new URL(path, base), unsigned, config.secret, timeoutMs);

  return {
    async sale(request) {
      const answer = await call(GATE_PATHS.sale, saleBody(config.projectId, request));
      return answer.ok ? interpretAck(answer.value) : answer;
    },
    async refund(request) {
      const answer = await call(GATE_PATHS.refund, refundBody(config.projectId, request));
      return answer.ok ? interpretAck(answer.value) : answer;
    },
    async status(paymentId) {
      let delay = retryDelayMs;
      for (let attempt = 0; ; attempt++) {
        const answer = await call(GATE_PATHS.status, statusBody(config.projectId, paymentId));
        const result = answer.ok ? interpretStatus(answer.value, config.secret) : answer;
        if (result.ok || attempt >= retries || !worthRetrying(result.error)) return result;
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay *= 2;
      }
    },
    close: () => poster.close(),
  };
}

interface RawAnswer {
  readonly httpStatus: number;
  readonly text: string;
}

/** Signs the body into `general.signature` and posts it. */
async function signedPost(
  poster: JsonPoster,
  url: URL,
  unsigned: Record<string, unknown>,
  secret: string,
  timeoutMs: number,
): Promise<GateResult<RawAnswer>> {
  const signature = sign(unsigned, secret);
  const general = { ...(unsigned['general'] as Record<string, unknown>), signature };
  const body = JSON.stringify({ ...unsigned, general });
  const result = await poster.post(url, body, { timeoutMs });
  if (!result.ok) return { ok: false, error: fromTransport(result.failure, url) };
  return { ok: true, value: { httpStatus: result.answer.status, text: result.answer.body } };
}

function fromTransport(failure: TransportFailure, url: URL): GateError {
  switch (failure.kind) {
    case 'timeout':
      return { kind: 'timeout', message: failure.message };
    case 'broken': {
      const code = failure.code ? { code: failure.code } : {};
      return failure.sent
        ? {
            kind: 'unknown_outcome',
            message: `connection to ${url.host} broke: ${failure.message}`,
            ...code,
          }
        : { kind: 'network', message: `${url.host}: ${failure.message}`, ...code };
    }
    case 'too_large':
      return { kind: 'invalid_response', message: failure.message };
  }
}

/** Parses JSON text; undefined when it is not JSON. */
function parseBody(text: string): unknown {
  try {
    return parseJsonLossless(text);
  } catch {
    return undefined;
  }
}

/**
 * Reads a rejection from any answer: `{status:"error", code, message}` or `errors[0]`.
 * Undefined when the answer carries no Gate error code.
 */
function rejectionFrom(httpStatus: number, body: unknown): GateError | undefined {
  const parsed = rejectionSchema.safeParse(withoutNulls(body));
  if (!parsed.success) return undefined;
  const first = parsed.data.errors?.[0];
  const code = parsed.data.code ?? first?.code;
  if (code === undefined) return undefined;
  const message = parsed.data.message ?? first?.message ?? 'no message';
  const field = first?.field;
  return { kind: 'rejected', httpStatus, code, message, ...(field ? { field } : {}) };
}

function schemaProblem(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'unexpected shape';
}

/** Sale and refund answers: 200 + ack, or a rejection; anything else leaves the outcome open. */
function interpretAck({ httpStatus, text }: RawAnswer): GateResult<GateAck> {
  const body = parseBody(text);
  if (httpStatus === 200) {
    const ack = ackSchema.safeParse(withoutNulls(body));
    if (ack.success) return { ok: true, value: ack.data };
    const rejection = rejectionFrom(httpStatus, body);
    if (rejection && (body as { status?: unknown }).status === 'error')
      return { ok: false, error: rejection };
    return {
      ok: false,
      error: {
        kind: 'invalid_response',
        httpStatus,
        message: body === undefined ? 'not JSON' : schemaProblem(ack.error),
      },
    };
  }
  // A 5xx may come after Gate stored the request, even with an error body ("501 Internal
  // error", "601 Try again"): the outcome is open and the status answer settles it.
  if (httpStatus >= 500) {
    const said = rejectionFrom(httpStatus, body);
    return {
      ok: false,
      error: {
        kind: 'unknown_outcome',
        httpStatus,
        message:
          said?.kind === 'rejected'
            ? `HTTP ${httpStatus} ${said.code} ${said.message}`
            : `HTTP ${httpStatus} without a Gate error`,
      },
    };
  }
  const rejection = rejectionFrom(httpStatus, body);
  if (rejection) return { ok: false, error: rejection };
  return {
    ok: false,
    error: {
      kind: 'invalid_response',
      httpStatus,
      message: `HTTP ${httpStatus} without a Gate error`,
    },
  };
}

/** Status answers: a signed payment, "3061 not found", a rejection, or untrusted. */
function interpretStatus(
  { httpStatus, text }: RawAnswer,
  secret: string,
): GateResult<StatusAnswer> {
  const body = parseBody(text);
  const rejection = rejectionFrom(httpStatus, body);
  if (rejection?.kind === 'rejected' && rejection.code === TRANSACTION_NOT_FOUND) {
    return { ok: true, value: { found: false, code: rejection.code, message: rejection.message } };
  }
  if (httpStatus !== 200) {
    if (rejection) return { ok: false, error: rejection };
    return {
      ok: false,
      error: {
        kind: httpStatus >= 500 ? 'unknown_outcome' : 'invalid_response',
        httpStatus,
        message: `HTTP ${httpStatus}`,
      },
    };
  }
  if (body === undefined)
    return { ok: false, error: { kind: 'invalid_response', httpStatus, message: 'not JSON' } };
  // A status answer settles money: only a correctly signed one is believed.
  const check = verify(body, secret);
  if (!check.valid) {
    return {
      ok: false,
      error: { kind: 'unverified', httpStatus, message: `status signature: ${check.reason}` },
    };
  }
  const parsed = statusFoundSchema.safeParse(withoutNulls(body));
  if (!parsed.success) {
    if (rejection) return { ok: false, error: rejection };
    return {
      ok: false,
      error: { kind: 'invalid_response', httpStatus, message: schemaProblem(parsed.error) },
    };
  }
  return { ok: true, value: { found: true, status: parsed.data } };
}

function worthRetrying(error: GateError): boolean {
  return error.kind === 'network' || error.kind === 'timeout' || error.kind === 'unknown_outcome';
}
