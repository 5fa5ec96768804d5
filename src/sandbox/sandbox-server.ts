import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GATE_PATHS } from '../protocol/gate-paths';
import { parseJsonLossless } from '../protocol/signer/lossless-json';
import { createCallbackSender } from './callback-sender';
import { customerPage, notFoundPage, returnPage } from './customer-page';
import { FaultInjector } from './fault-injector';
import { GATE_CODES } from './gate-codes';
import { handleRefund, handleSale, handleStatus } from './gate-api';
import { readBody, redirect, sendHtml, sendJson, sendText } from './http-io';
import { inspectionRoute } from './inspection';
import { customerActs, customerUrl } from './payment-lifecycle';
import { chooseMethod, confirmPayment, showPaymentPage, type PageAnswer } from './payment-page';
import { PaymentStore } from './payment-store';
import { isLoopbackAddress, isPhoneRoute, isWildcard, listen, publicHost } from './phone-access';
import { qrPng } from './qr-image';
import { rejection } from './request-validation';
import { createScaledClock } from './scaled-clock';
import type { ApiAnswer, SandboxContext, SandboxSettings } from './sandbox-context';
import type { SandboxFaults, SandboxPayment, SandboxProject } from './sandbox-types';

/** How to run a sandbox. Durations are nominal seconds, multiplied by `timeScale`. */
export interface SandboxOptions {
  readonly projects: readonly SandboxProject[];
  /** Address to bind; 127.0.0.1 by default. `0.0.0.0` lets a phone on the LAN open the QR. */
  readonly host?: string;
  /**
   * Where phones on the network open the customer pages (the QR codes point there): one address
   * of this machine, listened on besides `host` with the same port, or `0.0.0.0` for every
   * interface. Requests that do not come in over loopback then get the customer pages only;
   * the Gate API and the inspection routes answer the counter on this machine alone.
   */
  readonly phoneHost?: string;
  /** Port to bind; 0 picks a free one. */
  readonly port?: number;
  /** Base URL put in QR codes; derived from host and port by default. */
  readonly publicUrl?: string;
  readonly timeScale?: number;
  readonly qrTimeoutSeconds?: number;
  readonly thresholdSeconds?: number;
  readonly statusNotFoundSeconds?: number;
  readonly faults?: SandboxFaults;
  readonly log?: (line: string) => void;
}

/** A running sandbox. */
export interface Sandbox {
  /** Base URL of the Gate API, e.g. http://127.0.0.1:8123. */
  readonly url: string;
  /** Base URL of the customer-facing pages (the QR codes point here). */
  readonly publicUrl: string;
  readonly port: number;
  /** Replaces the injected faults; `{}` clears them. */
  setFaults(faults: SandboxFaults): void;
  /** The sandbox's truth about a payment. */
  payment(projectId: number, paymentId: string): SandboxPayment | undefined;
  /** The customer page of a payment (what its QR holds). */
  customerUrl(payment: SandboxPayment): string;
  /** Waits until no callback delivery attempt is under way. */
  idle(): Promise<void>;
  /** Payments held, timers pending, and API requests received per endpoint. */
  stats(): {
    payments: number;
    timers: number;
    requests: Readonly<Record<'sale' | 'refund' | 'status', number>>;
  };
  /** Stops listening and cancels every timer. */
  close(): Promise<void>;
}

/** Starts a Gate sandbox and resolves once it listens. */
export async function createSandbox(options: SandboxOptions): Promise<Sandbox> {
  if (options.projects.length === 0) throw new Error('the sandbox needs at least one project');
  const projects = new Map(options.projects.map((p) => [p.id, p]));
  const clock = createScaledClock(options.timeScale ?? 1);
  const faults = new FaultInjector();
  faults.set(options.faults ?? {});
  const sender = createCallbackSender(
    clock,
    () => faults.current(),
    () => faults.consumeDrop(),
  );
  const settings: { -readonly [K in keyof SandboxSettings]: SandboxSettings[K] } = {
    publicUrl: '',
    qrTimeoutSeconds: options.qrTimeoutSeconds ?? 600,
    thresholdSeconds: options.thresholdSeconds ?? 3600,
    statusNotFoundSeconds: options.statusNotFoundSeconds ?? 0,
  };
  const ctx: SandboxContext = {
    projects,
    store: new PaymentStore(),
    clock,
    sender,
    settings,
    faults: () => faults.current(),
    log: options.log ?? (() => {}),
  };

  const requests = { sale: 0, refund: 0, status: 0 };
  const handle: http.RequestListener = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    const fromNetwork =
      options.phoneHost !== undefined && !isLoopbackAddress(req.socket.localAddress);
    if (fromNetwork && !isPhoneRoute(req.method ?? 'GET', path))
      return sendText(res, 404, 'not found');
    route(ctx, faults, requests, req, res).catch((error: unknown) => {
      ctx.log(`sandbox error: ${(error as Error).stack ?? String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { status: 'error', ...GATE_CODES.internalError });
      else res.destroy();
    });
  };
  const server = http.createServer(handle);
  const phoneHost = options.phoneHost;
  // Every interface for phones is one listener: a second one on loopback's port would clash.
  const host =
    phoneHost !== undefined && isWildcard(phoneHost) ? phoneHost : (options.host ?? '127.0.0.1');
  await listen(server, options.port ?? 0, host);
  const port = (server.address() as AddressInfo).port;
  const url = `http://${isWildcard(host) ? '127.0.0.1' : host}:${port}`;
  const servers = [server];
  if (phoneHost !== undefined && !isWildcard(phoneHost)) {
    const phones = http.createServer(handle);
    await listen(phones, port, phoneHost).catch(async (error: unknown) => {
      await new Promise((resolve) => server.close(resolve));
      throw error;
    });
    servers.push(phones);
  }
  settings.publicUrl = (
    options.publicUrl ?? `http://${publicHost(phoneHost ?? host)}:${port}`
  ).replace(/\/+$/, '');

  return {
    url,
    publicUrl: settings.publicUrl,
    port,
    setFaults: (f) => faults.set(f),
    payment: (projectId, paymentId) => ctx.store.get(projectId, paymentId),
    customerUrl: (payment) => customerUrl(ctx, payment),
    idle: () => sender.idle(),
    stats: () => ({ payments: ctx.store.size, timers: clock.pending(), requests: { ...requests } }),
    async close() {
      clock.stopAll();
      for (const each of servers) {
        each.closeAllConnections();
        await new Promise<void>((resolve) => each.close(() => resolve()));
      }
      await sender.idle();
    },
  };
}

const API_ROUTES = {
  [GATE_PATHS.sale]: { endpoint: 'sale', handle: handleSale },
  [GATE_PATHS.refund]: { endpoint: 'refund', handle: handleRefund },
  [GATE_PATHS.status]: { endpoint: 'status', handle: handleStatus },
} as const;

async function route(
  ctx: SandboxContext,
  faults: FaultInjector,
  requests: Record<'sale' | 'refund' | 'status', number>,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const path = url.pathname;
  const method = req.method ?? 'GET';

  const api = API_ROUTES[path as keyof typeof API_ROUTES];
  if (api && method === 'POST') {
    requests[api.endpoint]++;
    return gateApi(ctx, faults, api, req, res);
  }

  if (path === '/payment' && method === 'GET')
    return sendPage(res, showPaymentPage(ctx, url.search.slice(1)));
  if (path === '/payment/method' && method === 'POST')
    return sendPage(res, chooseMethod(ctx, await readForm(req)));
  if (path === '/payment/pay' && method === 'POST')
    return sendPage(res, confirmPayment(ctx, await readForm(req)));

  const customer = /^\/customer\/([0-9a-f]{32})$/.exec(path);
  if (customer) return customerRoute(ctx, customer[1]!, method, req, res);

  const qr = /^\/qr\/([0-9a-f]{32})\.png$/.exec(path);
  if (qr && method === 'GET') {
    const payment = ctx.store.byCustomerToken(qr[1]!);
    if (!payment) return sendText(res, 404, 'unknown QR code');
    const png = await qrPng(customerUrl(ctx, payment));
    res.writeHead(200, {
      'content-type': 'image/png',
      'content-length': png.length,
      'cache-control': 'no-store',
    });
    res.end(png);
    return;
  }

  if (path === '/return' && method === 'GET') return sendHtml(res, 200, returnPage());
  if (path.startsWith('/sandbox/')) return inspectionRoute(ctx, faults, path, method, req, res);
  if (path === '/' && method === 'GET') {
    return sendText(
      res,
      200,
      `ecommpay Gate sandbox for Alipay. Projects: ${[...ctx.projects.keys()].join(', ')}.\n`,
    );
  }
  sendText(res, 404, 'not found');
}

async function gateApi(
  ctx: SandboxContext,
  faults: FaultInjector,
  api: (typeof API_ROUTES)[keyof typeof API_ROUTES],
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const fault = faults.takeRequestFault(api.endpoint);
  if (fault?.action === 'cut_before') return void req.socket.destroy();
  if (fault?.action === '5xx_before') return sendText(res, 503, 'Service Unavailable');
  const text = await readBody(req);
  let answer: ApiAnswer;
  // Gate's API takes JSON only; what is sent as a form or text is refused (unconfirmed: docs/sandbox-fidelity.md).
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    answer = rejection(GATE_CODES.invalidJson, 'the Content-Type must be application/json');
  else if (text === undefined) answer = rejection(GATE_CODES.invalidJson, 'the body is too large');
  else {
    let body: unknown;
    try {
      body = parseJsonLossless(text);
    } catch {
      body = undefined;
    }
    answer = body === undefined ? rejection(GATE_CODES.invalidJson) : api.handle(ctx, body);
  }
  if (fault?.action === 'cut_after') return void req.socket.destroy();
  if (fault?.action === '5xx_after') return sendText(res, 502, 'Bad Gateway');
  if (fault?.action === 'slow')
    await new Promise((resolve) => setTimeout(resolve, fault.ms ?? 1000));
  sendJson(res, answer.httpStatus, answer.body);
}

async function customerRoute(
  ctx: SandboxContext,
  token: string,
  method: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const payment = ctx.store.byCustomerToken(token);
  if (!payment) return sendHtml(res, 404, notFoundPage());
  if (method === 'GET') return sendHtml(res, 200, customerPage(payment));
  if (method !== 'POST') return sendText(res, 405, 'method not allowed');
  const form = await readForm(req);
  const action = form.get('action');
  // The `redirect_post` form arriving from the customer's phone (a page hosted by the callback
  // relay): the provider's page, where the customer then pays.
  if (action === null && form.get('order_no') === payment.token)
    return sendHtml(res, 200, customerPage(payment));
  if (action !== 'success' && action !== 'decline')
    return sendText(res, 400, 'action must be success or decline');
  const lastName = form.get('last_name')?.trim();
  if (payment.source === 'payment_page' && !lastName)
    return sendHtml(res, 400, customerPage(payment));
  const outcome = customerActs(ctx, payment, action, lastName);
  if (outcome === 'expired') return sendHtml(res, 410, customerPage(payment));
  if (outcome === 'already_final' || outcome === 'needs_clarification')
    return sendHtml(res, 409, customerPage(payment));
  redirect(res, `/customer/${token}`);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req)) ?? '');
}

function sendPage(res: ServerResponse, answer: PageAnswer): void {
  if ('redirect' in answer) redirect(res, answer.redirect);
  else sendHtml(res, answer.status, answer.html);
}
