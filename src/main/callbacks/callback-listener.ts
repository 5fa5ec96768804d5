import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ParsedCallback } from '../gate/callback-parser';
import { intakeCallback, type IntakeOutcome } from './callback-intake';
import { ProbeBook } from './probe-book';
// One capped body reader for both doors a callback comes in by (this listener, the relay).
import { answerJson } from '../../protocol/json-answer';
import { readRawBody } from '../../protocol/raw-body';
import { MAX_CALLBACK_BYTES } from '../../protocol/callback-body';

/** A callback as it arrived, verified or not: everything is handed over to be recorded. */
export interface ReceivedCallback {
  readonly rawText: string;
  readonly receivedAt: Date;
  readonly remoteAddress: string;
  readonly parsed: ParsedCallback;
}

/** How to run the listener. */
export interface CallbackListenerOptions {
  /** Address to bind (127.0.0.1 unless the merchant routes Gate to this machine). */
  readonly host?: string;
  readonly port?: number;
  /** Path Gate posts to; other paths get 404. */
  readonly path?: string;
  /** Largest body accepted (MAX_CALLBACK_BYTES unless a test says otherwise). */
  readonly maxBodyBytes?: number;
  /** Most connections open at once; more are refused by the socket layer. */
  readonly maxConnections?: number;
  /** Time allowed for a request's headers, and for the whole request. */
  readonly headersTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  /** The project secret, read when a callback arrives (it can change in settings). */
  readonly secret: () => string | undefined;
  /**
   * Receives every callback, valid or not. Throwing makes the listener answer 500, so that Gate
   * delivers it again: a callback is acknowledged only once it is safely recorded.
   */
  readonly onCallback: (callback: ReceivedCallback) => void | Promise<void>;
}

/** A running callback listener. */
export interface CallbackListener {
  /** Base URL it listens on, e.g. http://127.0.0.1:8091. */
  readonly url: string;
  /** The full callback URL on this listener (`url` + path). */
  readonly callbackUrl: string;
  readonly port: number;
  /**
   * Expects one probe request (`POST <path>?counter_probe=<nonce>`) within `timeoutMs`: it
   * resolves true when the probe reached this listener. Used by the connection test to learn
   * whether the public callback URL leads here.
   */
  expectProbe(nonce: string, timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** How long closing waits for callbacks being answered. */
const CLOSE_GRACE_MS = 1000;

/** The query parameter of a connection-test probe (Gate's callbacks never carry a query). */
export const PROBE_PARAMETER = 'counter_probe';

/** The HTTP answer to each intake outcome: Gate retries anything but a 200. */
const INTAKE_ANSWERS: Record<IntakeOutcome, [number, string]> = {
  accepted: [200, 'OK'],
  // Recorded, not applied: Gate delivers it again once the secret is back.
  retry: [503, 'try again later'],
  invalid_signature: [400, 'invalid signature'],
  bad_request: [400, 'bad request'],
  not_recorded: [500, 'not recorded, deliver again'],
};
const DEFAULT_MAX_CONNECTIONS = 64;

/**
 * Listens for Gate callbacks over node:http: 400 for malformed JSON or a bad or
 * missing signature, 413 for an oversized body (cut off as it streams in), 415 for a body that
 * is not `application/json`, 200 once the callback is handed over and recorded. A validly
 * signed callback of a shape we do not handle is answered 200, so Gate stops retrying something
 * we will never act on. Callers that are not verified learn nothing of the parser: their answer
 * says "bad request" or "invalid signature", no more.
 */
export async function startCallbackListener(
  options: CallbackListenerOptions,
): Promise<CallbackListener> {
  const path = options.path ?? '/callback';
  const maxBody = options.maxBodyBytes ?? MAX_CALLBACK_BYTES;
  const probes = new ProbeBook();
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  // Node checks its timeouts every `connectionsCheckingInterval` (30 s by default): often
  // enough here that a stalled client is cut off close to its deadline.
  const server = http.createServer(
    { connectionsCheckingInterval: Math.min(1000, headersTimeout) },
    (req, res) => {
      // The body was read whole for these; for any other answer it was not, and the connection
      // is closed rather than left to drain an unread body.
      let bodyRead = false;
      const answer = (status: number, message: string, extra: Record<string, unknown> = {}) =>
        answerJson(req, res, status, { message, ...extra }, bodyRead);
      const url = new URL(req.url ?? '/', 'http://listener');
      if (url.pathname !== path) return answer(404, 'not found');
      if (req.method !== 'POST') return answer(405, 'POST only');
      const probe = url.searchParams.get(PROBE_PARAMETER);
      if (probe !== null && probes.arrived(probe)) return answer(200, 'OK', { probe });
      // Only JSON: a web page on this PC cannot post JSON here without a CORS preflight, which
      // this listener never grants (it answers OPTIONS with 405).
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (type !== 'application/json') return answer(415, 'bad request');
      readRawBody(req, maxBody)
        .then(async (body) => {
          // Too large: answered at once, and the rest of the body is never read.
          if (body.kind === 'too_large') return answer(413, 'bad request');
          if (body.kind === 'broken') return;
          bodyRead = true;
          const outcome = await intakeCallback(
            body.bytes,
            req.socket.remoteAddress ?? '',
            options.secret(),
            options.onCallback,
          );
          answer(...INTAKE_ANSWERS[outcome]);
        })
        // A fault of ours: not recorded, so Gate must deliver it again.
        .catch(() => answer(...INTAKE_ANSWERS.not_recorded));
    },
  );
  server.maxConnections = options.maxConnections ?? DEFAULT_MAX_CONNECTIONS;
  server.headersTimeout = headersTimeout;
  server.requestTimeout = options.requestTimeoutMs ?? 30_000;
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  const shownHost =
    host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  const url = `http://${shownHost}:${port}`;
  return {
    url,
    callbackUrl: url + path,
    port,
    expectProbe: (nonce, timeoutMs) => probes.expect(nonce, timeoutMs),
    async close() {
      probes.clear();
      // A callback being answered gets its answer (else Gate delivers it again); idle and slow
      // connections are cut at once, and whatever is left after a moment too.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cut = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearTimeout(cut);
    },
  };
}
