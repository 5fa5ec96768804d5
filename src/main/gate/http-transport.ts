import http from 'node:http';
import https from 'node:https';
import { settleOnce } from '../../shared/settle-once';

/** What came back over HTTP, before any interpretation. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** Why no answer came back. `sent` tells whether the request may have reached the server. */
export type TransportFailure =
  | { readonly kind: 'timeout'; readonly sent: boolean; readonly message: string }
  | {
      readonly kind: 'broken';
      readonly sent: boolean;
      readonly message: string;
      /** The system's error code (ENOTFOUND, ECONNREFUSED, CERT_HAS_EXPIRED ...). */
      readonly code?: string;
    }
  | { readonly kind: 'too_large'; readonly message: string };

/** An HTTP answer or a transport failure. */
export type TransportResult =
  | { readonly ok: true; readonly answer: HttpAnswer }
  | { readonly ok: false; readonly failure: TransportFailure };

/** Options of one JSON POST. */
export interface PostOptions {
  readonly timeoutMs: number;
  readonly maxResponseBytes?: number;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Posts JSON with keep-alive connections; one instance per Gate client. */
export interface JsonPoster {
  post(url: URL, body: string, options: PostOptions): Promise<TransportResult>;
  close(): void;
}

const DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024;

/**
 * Creates a poster over node:http/https. It tells "never connected" (safe: nothing was sent)
 * from "connected, then broke or timed out" (the server may have acted), which decides whether
 * a payment's outcome is unknown.
 */
export function createJsonPoster(): JsonPoster {
  const agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
  };
  return {
    post: (url, body, options) => postJson(agents, url, body, options),
    close() {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  };
}

const SOCKET_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host not found',
  EAI_AGAIN: 'host name lookup failed',
  ECONNRESET: 'connection reset',
  EPIPE: 'connection closed while sending',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** "connection refused (ECONNREFUSED)" rather than Node's longer message. */
function describeSocketError(error: NodeJS.ErrnoException): string {
  const known = error.code ? SOCKET_ERRORS[error.code] : undefined;
  if (known) return `${known} (${error.code})`;
  return error.message === 'socket hang up' ? 'connection closed without an answer' : error.message;
}

function postJson(
  agents: { 'http:': http.Agent; 'https:': https.Agent },
  url: URL,
  body: string,
  options: PostOptions,
): Promise<TransportResult> {
  const protocol = url.protocol === 'https:' ? 'https:' : 'http:';
  const requestFn = protocol === 'https:' ? https.request : http.request;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  return new Promise((resolve) => {
    let sent = false;
    const finish = settleOnce<TransportResult>(resolve, () => clearTimeout(timer));
    const payload = Buffer.from(body, 'utf8');
    const req = requestFn(url, {
      method: 'POST',
      agent: agents[protocol],
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        'content-length': String(payload.length),
        ...options.headers,
      },
    });
    const timer = setTimeout(() => {
      finish({
        ok: false,
        failure: { kind: 'timeout', sent, message: `no answer after ${options.timeoutMs} ms` },
      });
      req.destroy();
    }, options.timeoutMs);

    req.on('socket', (socket) => {
      // A reused keep-alive socket is already connected: the bytes may reach the server.
      if (!socket.connecting) sent = true;
      else socket.once(protocol === 'https:' ? 'secureConnect' : 'connect', () => (sent = true));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      finish({
        ok: false,
        failure: {
          kind: 'broken',
          sent,
          message: describeSocketError(error),
          ...(error.code ? { code: error.code } : {}),
        },
      });
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          finish({
            ok: false,
            failure: { kind: 'too_large', message: `answer larger than ${maxBytes} bytes` },
          });
          res.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        finish({
          ok: true,
          answer: { status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') },
        });
      });
      res.on('error', (error) => {
        finish({
          ok: false,
          failure: { kind: 'broken', sent: true, message: `answer cut off: ${error.message}` },
        });
      });
      res.on('close', () => {
        if (!res.complete)
          finish({ ok: false, failure: { kind: 'broken', sent: true, message: 'answer cut off' } });
      });
    });
    req.end(payload);
  });
}
