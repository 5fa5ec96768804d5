import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { ingestCallback, type IngressAnswer } from './callback-ingress';
import { hostedRedirectPage } from './hosted-redirects';
import type { CounterAddress } from './protocol';
import { RelayConfigError, type RelayConfig } from './relay-config';
import { ensureStreams, HEADER_ALLOWANCE_BYTES, MAX_BODY_BYTES } from './relay-streams';

/** How to run a relay: its configuration, the broker's credentials, and where to log. */
export interface RelayOptions extends Omit<RelayConfig, 'host' | 'replicas'> {
  readonly host?: string;
  readonly replicas?: number;
  /** The broker's user and password (from the environment, never the command line). */
  readonly user?: string;
  readonly password?: string;
  readonly log?: (line: string) => void;
  /** Test seam: runs after JetStream acknowledged a callback, before Gate is answered. */
  readonly onStored?: (subject: string) => void;
}

/** A running relay. */
export interface Relay {
  /** Where it listens, e.g. http://127.0.0.1:8095. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Starts the callback relay: a stateless HTTP front (`POST /cb/<store>/<counter>` for Gate,
 * `GET /r/<token>` for customers' phones, `GET /health` for a load balancer) over the JetStream
 * streams it creates where missing. Throws when the broker cannot be reached or is set up in a
 * way that would lose callbacks.
 */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const log = options.log ?? (() => {});
  const nc = await connect({
    servers: options.nats,
    name: 'alipay-counter-relay',
    ...(options.user !== undefined ? { user: options.user, pass: options.password ?? '' } : {}),
    // The merchant's own CA replaces the system's list for the broker connection only.
    ...(options.ca !== undefined ? { tls: { ca: readCaFile(options.ca) } } : {}),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
  });
  try {
    const maxPayload = nc.info?.max_payload ?? 0;
    if (maxPayload < MAX_BODY_BYTES + HEADER_ALLOWANCE_BYTES)
      throw new Error(
        `the NATS server takes messages of at most ${maxPayload} bytes; callbacks need ${MAX_BODY_BYTES + HEADER_ALLOWANCE_BYTES} (set max_payload: 2MB in its configuration)`,
      );
    const jsm = await jetstreamManager(nc);
    for (const check of await ensureStreams(jsm, options.replicas ?? 1)) {
      log(`stream ${check.name}: ${check.created ? 'created' : 'in place'}`);
      if (check.note) log(`warning: ${check.note}`);
    }
    const js = jetstream(nc);
    void watchConnection(nc, log);
    const known = new Map(options.counters.map((c) => [`${c.store}/${c.counter}`, c]));
    const server = http.createServer((req, res) => {
      void route(req, res).catch((error: Error) => {
        log(`request failed: ${error.message}`);
        send(res, req, 500, { message: 'relay error' }, false);
      });
    });

    async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
      const path = new URL(req.url ?? '/', 'http://relay').pathname;
      const callback = /^\/cb\/([^/]+)\/([^/]+)$/.exec(path);
      if (callback) {
        if (req.method !== 'POST') return send(res, req, 405, { message: 'POST only' }, false);
        const address: CounterAddress | undefined = known.get(`${callback[1]}/${callback[2]}`);
        if (!address) return send(res, req, 404, { message: 'unknown store or counter' }, false);
        const answer: IngressAnswer = await ingestCallback(req, address, js, options.onStored);
        if (answer.status !== 200) log(`callback for ${path}: ${answer.status} ${answer.message}`);
        return send(res, req, answer.status, { message: answer.message }, answer.bodyRead);
      }
      const redirect = /^\/r\/([^/]+)$/.exec(path);
      if (redirect && req.method === 'GET') {
        const page = await hostedRedirectPage(redirect[1]!, jsm);
        res.writeHead(page.status, {
          ...page.headers,
          'content-length': Buffer.byteLength(page.html),
        });
        res.end(page.html);
        return;
      }
      if (path === '/health' && req.method === 'GET') {
        const up = !nc.isClosed() && nc.info !== undefined && !reconnecting;
        return send(res, req, up ? 200 : 503, { message: up ? 'OK' : 'broker unreachable' }, true);
      }
      send(res, req, 404, { message: 'not found' }, false);
    }

    let reconnecting = false;
    async function watchConnection(connection: NatsConnection, write: (line: string) => void) {
      for await (const status of connection.status()) {
        if (status.type === 'disconnect') {
          reconnecting = true;
          write('broker connection lost: reconnecting');
        } else if (status.type === 'reconnect') {
          reconnecting = false;
          write('broker connection back');
        }
      }
    }

    server.headersTimeout = 10_000;
    server.requestTimeout = 30_000;
    server.keepAliveTimeout = 5_000;
    server.maxConnections = 1024;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const host = options.host ?? '127.0.0.1';
    const shown =
      host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
    return {
      url: `http://${shown}:${port}`,
      port,
      async close() {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await nc.drain().catch(() => nc.close());
      },
    };
  } catch (error) {
    await nc.close();
    throw error;
  }
}

/** Sends a small JSON answer; a body left unread closes the connection instead of draining it. */
function send(
  res: http.ServerResponse,
  req: http.IncomingMessage,
  status: number,
  body: Record<string, string>,
  bodyRead: boolean,
): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    connection: bodyRead ? 'keep-alive' : 'close',
  });
  res.end(text);
  if (!bodyRead) res.once('finish', () => req.destroy());
}

/** The PEM of the brokers' CA (`--ca`, `"ca"`), read once; a RelayConfigError says why not. */
function readCaFile(path: string): string {
  let pem: string;
  try {
    pem = readFileSync(path, 'utf8');
  } catch (error) {
    throw new RelayConfigError(`ca: cannot read ${path}: ${(error as NodeJS.ErrnoException).code}`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----'))
    throw new RelayConfigError(`ca: ${path} is not a PEM certificate`);
  return pem;
}
