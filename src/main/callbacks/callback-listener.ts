import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseCallback, type ParsedCallback } from '../gate/callback-parser';

/** A callback as it arrived, verified or not: everything is handed over to be recorded. */
export interface ReceivedCallback {
  readonly rawText: string;
  readonly receivedAt: Date;
  readonly remoteAddress: string;
  readonly parsed: ParsedCallback;
}

/** How to run the listener. */
export interface CallbackListenerOptions {
  /** Address to bind (DESIGN §5: 127.0.0.1 unless the merchant routes Gate to this machine). */
  readonly host?: string;
  readonly port?: number;
  /** Path Gate posts to; other paths get 404. */
  readonly path?: string;
  /** Largest body accepted; Gate callbacks are a few KB. */
  readonly maxBodyBytes?: number;
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
  close(): Promise<void>;
}

const DEFAULT_MAX_BODY = 64 * 1024;

/**
 * Listens for Gate callbacks (DESIGN §5) over node:http: 400 for malformed JSON or a bad or
 * missing signature, 413 for an oversized body, 200 once the callback is handed over and
 * recorded. A validly signed callback of a shape we do not handle is answered 200, so Gate stops
 * retrying something we will never act on.
 */
export async function startCallbackListener(
  options: CallbackListenerOptions,
): Promise<CallbackListener> {
  const path = options.path ?? '/callback';
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const server = http.createServer((req, res) => {
    const answer = (status: number, message: string) => {
      const body = JSON.stringify({ message });
      res.writeHead(status, {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        connection: status === 413 ? 'close' : 'keep-alive',
      });
      res.end(body);
    };
    const url = new URL(req.url ?? '/', 'http://listener');
    if (url.pathname !== path) return answer(404, 'not found');
    if (req.method !== 'POST') return answer(405, 'POST only');
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBody) {
      answer(413, `body larger than ${maxBody} bytes`);
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBody) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) return answer(413, `body larger than ${maxBody} bytes`);
      const rawText = Buffer.concat(chunks).toString('utf8');
      const parsed = parseCallback(rawText, options.secret());
      const received: ReceivedCallback = {
        rawText,
        receivedAt: new Date(),
        remoteAddress: req.socket.remoteAddress ?? '',
        parsed,
      };
      Promise.resolve()
        .then(() => options.onCallback(received))
        .then(
          () => {
            if (parsed.ok || parsed.problem === 'unsupported_shape') answer(200, 'OK');
            // Recorded, not applied: Gate delivers it again once the secret is back.
            else if (parsed.problem === 'no_secret') answer(503, parsed.message);
            else answer(400, parsed.message);
          },
          () => answer(500, 'not recorded, deliver again'),
        );
    });
  });
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
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
