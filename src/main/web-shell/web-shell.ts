import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Counter, CounterEvents } from '../app/create-counter';
import type { ChannelHandlers } from '../../shared/ipc/contract';
import { err } from '../../shared/result';
import { isLoopbackUrl } from '../settings/settings';
import { equalInConstantTime } from '../../protocol/signer';
import { createDispatcher } from '../ipc/dispatcher';
import { inBackground } from '../logging/in-background';
import { createLogger } from '../logging/logger';
import { readRendererFile } from '../static/renderer-files';
import { NO_ACCESS_CSS, noAccessPage } from './no-access-page';

const log = createLogger('web-shell');

/** The CSP of every page: the same strict policy as the Electron windows, plus the WebSocket. */
export const WEB_SHELL_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** How to start the browser shell. */
export interface WebShellOptions {
  readonly counter: Counter;
  /** The built renderer (out/renderer). */
  readonly rendererDir: string;
  /** The browser bridge, compiled to one ES module. */
  readonly bridgeScript: string;
  readonly port?: number;
  /**
   * Tests of a live counter's screens (its first run): a live counter is served only while its
   * Gate and Payment Page are a sandbox on this machine, and can never be pointed elsewhere.
   */
  readonly liveAgainstLocalSandbox?: boolean;
}

/** A running browser shell. */
export interface WebShell {
  readonly cashierUrl: string;
  readonly customerUrl: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * Serves the built renderer on 127.0.0.1 and carries `window.counter` over a WebSocket to the
 * same dispatcher the Electron IPC uses. It exists only for the sandbox: it refuses
 * a counter in live mode, binds to loopback only, and needs a random token on the page's link
 * and on the WebSocket (a link without it gets a page saying where the right link is printed).
 */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const handlers =
    options.counter.mode === 'demo'
      ? options.counter.handlers
      : await localSandboxOnly(options.counter, options.liveAgainstLocalSandbox === true);
  const token = randomBytes(24).toString('hex');
  const dispatch = createDispatcher(handlers);
  const indexHtml = (await readFile(join(options.rendererDir, 'index.html'), 'utf8')).replace(
    '<script type="module"',
    '<script type="module" src="/web-bridge.js"></script>\n    <script type="module"',
  );

  const server = http.createServer((req, res) => {
    void serveFile(req, res).catch(() => {
      res.writeHead(500).end();
    });
  });
  const serveFile = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const requested = new URL(req.url ?? '/', 'http://shell');
    const path = decodeURIComponent(requested.pathname);
    const headers = {
      'content-security-policy': WEB_SHELL_CSP,
      'x-content-type-options': 'nosniff',
      'cache-control': 'no-store',
    };
    const html = 'text/html; charset=utf-8';
    if (path === '/' || path === '/index.html') {
      // Without the right key the counter's screens could not charge: say so instead.
      const given = requested.searchParams.get('token') ?? '';
      if (!equalInConstantTime(token, given))
        return void res
          .writeHead(403, { ...headers, 'content-type': html, vary: 'accept-language' })
          .end(noAccessPage(given === '' ? 'missing' : 'wrong', req.headers['accept-language']));
      return void res.writeHead(200, { ...headers, 'content-type': html }).end(indexHtml);
    }
    if (path === '/no-access.css')
      return void res
        .writeHead(200, { ...headers, 'content-type': 'text/css; charset=utf-8' })
        .end(NO_ACCESS_CSS);
    if (path === '/web-bridge.js')
      return void res
        .writeHead(200, { ...headers, 'content-type': 'text/javascript; charset=utf-8' })
        .end(options.bridgeScript);
    const file = await readRendererFile(options.rendererDir, path);
    if (!file) return void res.writeHead(404).end();
    res.writeHead(200, { ...headers, 'content-type': file.contentType }).end(file.body);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const given = url.searchParams.get('token') ?? '';
    if (
      url.pathname !== '/ws' ||
      !equalInConstantTime(token, given) ||
      req.headers.origin !== origin
    ) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (raw) => {
        let message: { id?: unknown; channel?: unknown; payload?: unknown };
        try {
          message = JSON.parse(String(raw)) as typeof message;
        } catch {
          return;
        }
        if (typeof message.id !== 'number') return;
        inBackground(
          dispatch(message.channel, message.payload).then((result) =>
            ws.send(JSON.stringify({ id: message.id, result })),
          ),
          log,
          'answering the browser shell',
        );
      });
    });
  });

  const forward = <E extends keyof CounterEvents>(event: E) => {
    const listener = (...args: CounterEvents[E]) => {
      const text = JSON.stringify({ event, data: args[0] });
      for (const ws of sockets) ws.send(text);
    };
    options.counter.events.on(event, listener as never);
    return () => options.counter.events.off(event, listener as never);
  };
  const unforward = (
    [
      'payments:updated',
      'payments:late',
      'session:changed',
      'settings:changed',
      'display:changed',
      'printing:changed',
      'manager:changed',
      'shift:changed',
    ] as const
  ).map(forward);

  const cashierUrl = `${origin}/?token=${token}`;
  log.info('browser shell listening', { origin });
  return {
    cashierUrl,
    customerUrl: `${cashierUrl}#customer`,
    port,
    async close() {
      unforward.forEach((off) => off());
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * The handlers of a live counter whose Gate is a sandbox on this machine, kept that way: a
 * change of the Gate or Payment Page URL to anywhere else is refused. Anything else throws.
 */
async function localSandboxOnly(counter: Counter, allowed: boolean): Promise<ChannelHandlers> {
  const refusal =
    'the browser shell runs only in demo mode, against the Gate sandbox, never against a live Gate';
  if (!allowed) throw new Error(refusal);
  const settings = await counter.handlers['settings:get']({});
  if (
    !settings.ok ||
    !isLoopbackUrl(settings.value.gateUrl) ||
    !isLoopbackUrl(settings.value.paymentPageUrl)
  )
    throw new Error(refusal);
  return {
    ...counter.handlers,
    'settings:update': async (update) => {
      const away = [update.gateUrl, update.paymentPageUrl].some(
        (url) => url !== undefined && !isLoopbackUrl(url),
      );
      if (away)
        return err('INVALID_STATE', `The browser shell never talks to a live Gate: ${refusal}.`);
      return counter.handlers['settings:update'](update);
    },
  };
}
