import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { answerJson } from '../protocol/json-answer';
import { RELAY_INBOX_PREFIX, type CounterAddress } from '../protocol/relay-wire';
import { ingestCallback } from './callback-ingress';
import { CounterTokens } from './counter-tokens';
import { goneRedirectPage, hostedRedirectPage } from './hosted-redirects';
import type { Page } from './redirect-page';
import { RelayConfigError, type RelayConfig } from './relay-config';
import {
  DEFAULT_MAX_PER_COUNTER,
  DEFAULT_MAX_STREAM_BYTES,
  ensureStreams,
  MAX_MESSAGE_BYTES,
} from './relay-streams';
import { SourceGuard } from './source-guard';

/** How to run a relay: its configuration, its keys, the broker's credentials, where to log. */
export interface RelayOptions
  extends
    Partial<Omit<RelayConfig, 'nats' | 'port' | 'counters'>>,
    Pick<RelayConfig, 'nats' | 'port' | 'counters'> {
  /** The relay key counters' tokens derive from (`RELAY_KEY`, never an argument). */
  readonly key: string;
  /** The key before the last change (`RELAY_KEY_PREVIOUS`): its tokens still work meanwhile. */
  readonly previousKey?: string;
  /** The broker's user and password (from the environment, never the command line). */
  readonly user?: string;
  readonly password?: string;
  readonly log?: (line: string) => void;
  /** Test seam: runs after JetStream acknowledged a callback, before Gate is answered. */
  readonly onStored?: (subject: string) => void;
  /** Test tuning: how long a caller may take to send its headers (5 s). */
  readonly headersTimeoutMs?: number;
  readonly now?: () => number;
}

/** A running relay. */
export interface Relay {
  /** Where it listens, e.g. http://127.0.0.1:8095. */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** One answer for every request that names no counter it may use: learn nothing from it. */
const NOT_FOUND = { message: 'not found' };

/**
 * Starts the callback relay: a stateless HTTP front over the JetStream streams it creates where
 * missing. `POST /cb/<store>/<counter>/<token>` takes Gate's callbacks for a listed counter
 * whose token (derived from the relay key) is right; `GET /r/<store>/<counter>/<token>` serves a
 * counter's hosted redirect page; `GET /health` answers a load balancer. Anything else, a wrong
 * token or an unlisted counter alike, gets the same 404, and 429 once its source failed too
 * often. Throws when the broker cannot be reached or is set up in a way that would lose callbacks.
 */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const log = options.log ?? (() => {});
  const tokens = new CounterTokens(options.key, options.previousKey);
  const tls = options.nats.some((url) => url.startsWith('tls://'));
  const nc = await connect({
    servers: options.nats,
    name: 'alipay-counter-relay',
    inboxPrefix: RELAY_INBOX_PREFIX,
    ...(options.user !== undefined ? { user: options.user, pass: options.password ?? '' } : {}),
    // tls:// means TLS: with this option set, nats.js refuses a server that does not offer it
    // before anything (the password included) is sent. The merchant's own CA, when given,
    // replaces the system's list for the broker connection only.
    ...(tls ? { tls: options.ca !== undefined ? { ca: readCaFile(options.ca) } : {} } : {}),
    maxReconnectAttempts: -1,
    reconnectTimeWait: 1000,
  });
  try {
    const maxPayload = nc.info?.max_payload ?? 0;
    if (maxPayload < MAX_MESSAGE_BYTES)
      throw new Error(
        `the NATS server takes messages of at most ${maxPayload} bytes; callbacks need ${MAX_MESSAGE_BYTES} (nats-server's default, 1 MB, is enough)`,
      );
    const jsm = await jetstreamManager(nc);
    const limits = {
      maxStreamBytes: options.maxStreamBytes ?? DEFAULT_LIMITS.maxStreamBytes,
      maxPerCounter: options.maxPerCounter ?? DEFAULT_LIMITS.maxPerCounter,
    };
    for (const check of await ensureStreams(
      jsm,
      options.replicas ?? 1,
      limits,
      options.updateStreams,
    )) {
      log(
        `stream ${check.name}: ${check.created ? 'created' : check.updated ? 'limits brought in line' : 'in place'}`,
      );
      for (const note of check.notes) log(`warning: ${note}`);
      if (!check.created && !check.updated && check.notes.length > 0)
        log(`warning: start with --update-streams to bring stream ${check.name} to these limits`);
    }
    const js = jetstream(nc);
    void watchConnection(nc, log);
    const known = new Set(options.counters.map((c) => `${c.store}/${c.counter}`));
    const guard = new SourceGuard({
      maxConnectionsPerSource: options.maxConnectionsPerSource ?? 64,
      ...(options.trustedProxyHeader ? { trustedProxyHeader: options.trustedProxyHeader } : {}),
      ...(options.now ? { now: options.now } : {}),
    });
    /** The counter a path names, when it is listed and the caller holds its token. */
    const counterOf = (store: string, counter: string, token: string) => {
      const address: CounterAddress = { store, counter };
      // The token is checked whether or not the counter is listed, so that the time taken
      // does not tell which counters exist.
      const proven = tokens.accepts(address, token);
      return proven && known.has(`${store}/${counter}`) ? address : undefined;
    };
    const server = http.createServer(
      // Node checks its timeouts this often (30 s by default): half-open sockets go within a second
      // of their deadline instead of piling up.
      { connectionsCheckingInterval: 1000 },
      (req, res) => {
        route(req, res).catch((error: Error) => {
          log(`request failed: ${error.message}`);
          answerJson(req, res, 500, { message: 'relay error' }, false);
        });
      },
    );
    guard.watch(server);

    async function route(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
      const path = new URL(req.url ?? '/', 'http://relay').pathname;
      const source = guard.sourceOf(req);
      const refuse = () =>
        guard.failed(source)
          ? answerJson(req, res, 429, { message: 'too many requests' }, false)
          : answerJson(req, res, 404, NOT_FOUND, false);
      const callback = /^\/cb\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
      if (callback) {
        const address = counterOf(callback[1]!, callback[2]!, callback[3]!);
        if (!address) return refuse();
        if (req.method !== 'POST')
          return answerJson(req, res, 405, { message: 'POST only' }, false);
        const answer = await ingestCallback(req, address, source, js, options.onStored);
        if (answer.status !== 200)
          log(
            `callback for ${address.store}/${address.counter}: ${answer.status} ${answer.message}${answer.problem ? ` (${answer.problem})` : ''}`,
          );
        return answerJson(req, res, answer.status, { message: answer.message }, answer.bodyRead);
      }
      const redirect = /^\/r\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(path);
      if (redirect && req.method === 'GET') {
        const store = redirect[1]!;
        const counter = redirect[2]!;
        const listed = known.has(`${store}/${counter}`);
        const page = listed
          ? await hostedRedirectPage(
              { store, counter },
              redirect[3]!,
              jsm,
              (options.now ?? Date.now)(),
            )
          : goneRedirectPage();
        // Guessing tokens spends the source's budget like a wrong callback path does.
        if (page.status === 404 && guard.failed(source))
          return answerJson(req, res, 429, { message: 'too many requests' }, false);
        return sendPage(res, page);
      }
      if (path === '/health' && req.method === 'GET') {
        const up = !nc.isClosed() && nc.info !== undefined && !reconnecting;
        return answerJson(
          req,
          res,
          up ? 200 : 503,
          { message: up ? 'OK' : 'broker unreachable' },
          true,
        );
      }
      refuse();
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

    // Gate sends a few kilobytes at once: a caller that takes longer is cut off.
    server.headersTimeout = options.headersTimeoutMs ?? 5_000;
    server.requestTimeout = 15_000;
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

const DEFAULT_LIMITS = {
  maxStreamBytes: DEFAULT_MAX_STREAM_BYTES,
  maxPerCounter: DEFAULT_MAX_PER_COUNTER,
};

/** Sends an HTML page with its own headers. */
function sendPage(res: http.ServerResponse, page: Page): void {
  res.writeHead(page.status, { ...page.headers, 'content-length': Buffer.byteLength(page.html) });
  res.end(page.html);
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
