import { ok } from '../../shared/result';
import { startCallbackListener, type CallbackListener } from '../callbacks/callback-listener';
import { buildPaymentPageUrl, createGateClient, type GateClient } from '../gate';
import { Journal } from '../journal/journal';
import { createMoneyPath, type MoneyPath } from '../payments/money-path';
import type { PollSchedule } from '../payments/status-poll-schedule';
import type { PurchaseMode } from '../journal/payment-record';
import { COMMAND_LINE_STAFF, signInCommandLine } from '../staff/command-line-staff';
import { DEFAULT_SETTINGS, type Settings } from '../settings/settings';

/** How to open a desk: a Gate, a project and its secret, and how sales are taken. */
export interface PaymentDeskOptions {
  readonly gateUrl: string;
  readonly projectId: number;
  /** The project secret (from the environment): it stays in this process. */
  readonly secret: string;
  /** How long a Gate request may take. */
  readonly timeoutMs: number;
  /** Where the callback listener binds (loopback, any free port, by default). */
  readonly listen?: { readonly host?: string; readonly port?: number };
  /**
   * The URL Gate should post callbacks to: given (a tunnel), the listener itself (a Gate on this
   * machine), or none (a real Gate cannot reach loopback: results come by status polling).
   */
  readonly callbackUrl?: (listenerUrl: string) => string | undefined;
  /** The settings sales and refunds are sent with (return page, store IP, Payment Page). */
  readonly settings: Partial<Settings>;
  readonly purchaseMode: PurchaseMode;
  readonly pollSchedule?: Partial<Omit<PollSchedule, 'thresholdMs'>>;
  readonly paymentPagePollMs?: number;
  readonly notFoundGraceMs?: number;
  /** Who takes the desk's sales and refunds (the command line's --staff; "Command line"). */
  readonly staff?: string;
}

/** The money path of the app, on a journal of its own, for one person at a terminal. */
export interface PaymentDesk extends MoneyPath {
  readonly journal: Journal;
  /** Gate itself, for questions the money path does not ask (what Gate knows of a payment). */
  readonly gate: GateClient;
  readonly listener: CallbackListener;
  /** What Gate is told to post callbacks to, if anything. */
  readonly callbackUrl: string | undefined;
  /** The staff member the desk's payments and refunds are recorded as taken by. */
  readonly staff: string;
  close(): Promise<void>;
}

/**
 * Opens the app's money path without the app: the same payment and refund services, state
 * machine, callback intake and status reconciliation, on an in-memory journal, with a callback
 * listener of its own. The command line's `sale`, `refund` and `status` run on it, so a Gate
 * answer means the same there as at the counter.
 */
export async function openPaymentDesk(options: PaymentDeskOptions): Promise<PaymentDesk> {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    gateUrl: options.gateUrl,
    projectId: options.projectId,
    ...options.settings,
  };
  const client = createGateClient({
    baseUrl: options.gateUrl,
    projectId: options.projectId,
    secret: options.secret,
    timeoutMs: options.timeoutMs,
  });
  const journal = new Journal(':memory:');
  const staff = signInCommandLine(journal, options.staff ?? COMMAND_LINE_STAFF);
  // Known once the listener is up, which is before any sale can ask for it.
  const route: { callbackUrl?: string } = {};
  const { payments, refunds } = createMoneyPath({
    journal,
    gate: () => ok(client),
    settings: () => settings,
    callbackUrl: () => route.callbackUrl,
    // Whoever runs a sale here waits for it: a success is never "late".
    isOnScreen: () => true,
    purchaseMode: () => options.purchaseMode,
    paymentPageLink: (params) =>
      buildPaymentPageUrl({ baseUrl: settings.paymentPageUrl, params, secret: options.secret }),
    ...(options.pollSchedule ? { pollSchedule: options.pollSchedule } : {}),
    ...(options.paymentPagePollMs !== undefined
      ? { paymentPagePollMs: options.paymentPagePollMs }
      : {}),
    ...(options.notFoundGraceMs !== undefined ? { notFoundGraceMs: options.notFoundGraceMs } : {}),
  });
  const listener = await startCallbackListener({
    host: options.listen?.host ?? '127.0.0.1',
    port: options.listen?.port ?? 0,
    secret: () => options.secret,
    onCallback: (received) => payments.receiveCallback(received),
  }).catch((error: unknown) => {
    client.close();
    journal.close();
    throw error;
  });
  const callbackUrl = options.callbackUrl?.(listener.callbackUrl);
  if (callbackUrl) route.callbackUrl = callbackUrl;
  return {
    payments,
    refunds,
    journal,
    gate: client,
    listener,
    callbackUrl,
    staff,
    async close() {
      payments.stop();
      refunds.stop();
      await listener.close();
      client.close();
      journal.close();
    },
  };
}
