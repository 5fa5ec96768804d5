import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import type { ChannelHandlers } from '../../shared/ipc/contract';
import type { DisplayView, PaymentView, SessionView, SettingsView } from '../../shared/ipc/views';
import { Journal } from '../journal/journal';
import type { InboxLimits } from '../journal/callback-inbox';
import { backupBeforeMigration, discardEarlierBackups } from '../journal/journal-backup';
import { toView } from '../journal/payment-record';
import { inBackground } from '../logging/in-background';
import { createLogger } from '../logging/logger';
import { ManagerPin } from '../manager/manager-pin';
import type { ScryptCost } from '../manager/pin-hash';
import { CounterKeys } from '../secrets/counter-keys';
import type { PaymentService, SaleStep } from '../payments/payment-service';
import { createMoneyPath } from '../payments/money-path';
import type { PollSchedule } from '../payments/status-poll-schedule';
import { createMemorySecretStore, projectAccount, type SecretStore } from '../secrets/secret-store';
import {
  effectivePurchaseMode,
  DEFAULT_SETTINGS,
  SettingsFile,
  type Settings,
} from '../settings/settings';
import { CallbackEndpoint } from './callback-endpoint';
import { ConnectionTest } from './connection-test';
import { CounterHealth } from './counter-health';
import { KeychainWatch } from './keychain-watch';
import { createSettingsHandlers, type SettingsState } from './settings-handlers';
import { createHandlers } from './counter-handlers';
import { createManagerHandlers } from './manager-handlers';
import { headlessShellHandlers } from './shell-handlers';
import { CounterSession } from './counter-session';
import { DEMO_MANAGER_PIN, startDemo, type DemoOptions, type Sandbox } from './demo-mode';
import { GateConnection } from './gate-connection';
import type { PrintStatusView } from '../../shared/printing/print-views';
import { startAutoPrint } from '../printing/auto-print';
import { PrintQueue } from '../printing/print-queue';
import type { TransportOptions } from '../printing/transports';
import { createPrintingHandlers, printStatusView } from './printing-handlers';
import { hostRedirect } from '../relay/hosted-redirect';
import { HeldBackCallbacks } from '../relay/held-back-callbacks';
import { RelayLink, type RelayLinkDeps } from '../relay/relay-link';
import { relayCallbackUrl } from '../relay/relay-settings';

const log = createLogger('app');

/** How to build a counter. */
export interface CounterConfig {
  /** Folder of the journal and the settings file. */
  readonly dataDir: string;
  readonly mode: 'demo' | 'live';
  /** Where the project secret lives: the keytar store live; demo mode keeps it in memory. */
  readonly secretStore?: SecretStore;
  readonly shell?: 'electron' | 'browser' | 'headless';
  readonly version?: string;
  readonly demo?: DemoOptions;
  /** Settings to force over the stored ones (tests: fixed callback port, short threshold). */
  readonly settingsOverrides?: Partial<Settings>;
  readonly pollSchedule?: Partial<Omit<PollSchedule, 'thresholdMs'>>;
  readonly gateTimeoutMs?: number;
  /** How long after a sale Gate's "not found" still means "not yet" (default 60 s). */
  readonly notFoundGraceMs?: number;
  /** How long Test connection waits for Gate and for the callback probe (10 s by default). */
  readonly connectionTestTimeoutMs?: number;
  /** Status polling interval of Payment Page payments (5 s by default). */
  readonly paymentPagePollMs?: number;
  /** Limits of the callback inbox (unverified bodies kept, their age). */
  readonly inboxLimits?: InboxLimits;
  /** Unverified callbacks recorded per source address and minute (30). */
  readonly unverifiedPerMinute?: number;
  /** scrypt's cost for new manager PINs (2^17 by default; tests lower it to run fast). */
  readonly pinCost?: ScryptCost;
  /** Pauses between checks of an unavailable keychain (tests shorten them). */
  readonly keychainRetryMs?: readonly number[];
  /** Test seam: called at each step of a sale (crash tests stop the process there). */
  readonly onStep?: (step: SaleStep, paymentId: string) => void;
  /** Receipt printing: the Electron shell's driver printer; tests' shorter network timeouts. */
  readonly printing?: TransportOptions;
  /** The relay consumer's ack wait and retry pause, and a test seam after each intake. */
  readonly relay?: RelayLinkDeps['tuning'];
}

/** Events for the windows, already as views. */
export interface CounterEvents {
  'payments:updated': [PaymentView];
  'payments:late': [PaymentView];
  'session:changed': [SessionView];
  'settings:changed': [SettingsView];
  'display:changed': [DisplayView];
  'printing:changed': [PrintStatusView];
}

/** A running counter: the IPC handlers, the events, and a way to stop. */
export interface Counter {
  readonly handlers: ChannelHandlers;
  readonly events: EventEmitter<CounterEvents>;
  readonly mode: 'demo' | 'live';
  /** The embedded sandbox in demo mode. */
  readonly sandbox?: Sandbox;
  /** Where the callback listener listens. */
  callbackUrl(): string | undefined;
  readonly service: PaymentService;
  readonly journal: Journal;
  /** The stored settings as they are now. */
  settings(): Settings;
  /** The payment on the counter's screens, if any. */
  activePaymentId(): string | undefined;
  /** Checks the manager PIN (with its lockout) for an action named in the audit log. */
  checkManagerPin(pin: string, action: string): ReturnType<ManagerPin['check']>;
  /** The receipt printer's queue (issue 12). */
  readonly printQueue: PrintQueue;
  close(): Promise<void>;
}

/**
 * Wires journal, settings, secrets, Gate client, callback listener and payment service. Runs under
 * plain Node: the Electron shell, the browser shell, the CLI and the tests all start here.
 */
export async function createCounter(config: CounterConfig): Promise<Counter> {
  const demoSetup = config.mode === 'demo' ? await startDemo(config.demo) : undefined;
  const store =
    demoSetup !== undefined
      ? createMemorySecretStore({
          [projectAccount(demoSetup.settings.projectId!)]: demoSetup.secret,
        })
      : config.secretStore;
  if (!store) throw new Error('live mode needs a secret store (the OS keychain)');
  const demo = config.mode === 'demo';

  const settingsFile = new SettingsFile(join(config.dataDir, 'settings.json'));
  const state: SettingsState = {
    current: {
      ...(demoSetup?.settings ?? settingsFile.load(DEFAULT_SETTINGS)),
      ...config.settingsOverrides,
    },
    file: settingsFile,
  };
  const journalPath = join(config.dataDir, 'journal.sqlite');
  const backups = await backupBeforeMigration(journalPath);
  if (backups.made) log.info('journal backed up before its migration', { backup: backups.made });
  const journal = new Journal(journalPath, config.inboxLimits);
  const settings = () => state.current;
  const connection = new GateConnection(store, config.gateTimeoutMs);
  await connection.reload(state.current);
  const session = new CounterSession(journal);
  const events = new EventEmitter<CounterEvents>();
  const health = new CounterHealth(() => sessionChanged());
  const keys = new CounterKeys(store, journal.auditTrail);
  let keychain = await keys.load();
  journal.setAuditKey(keys.auditKey());
  const pin = new ManagerPin(journal, keys, {
    mode: config.mode,
    ...(config.pinCost ? { cost: config.pinCost } : {}),
  });
  await pin.sealOlderRecord();
  // With a callback relay set up, Gate posts this counter's callbacks to the relay.
  const callbackUrlForGate = () =>
    relayCallbackUrl(state.current) ?? endpoint.urlForGate(state.current, demo);
  // Demo mode needs no setup: its manager PIN starts as 2468 (README).
  if (demo && !pin.status().set) await pin.set(DEMO_MANAGER_PIN, undefined, 'system');

  // The services, the endpoint and the settings refer to each other only through closures
  // called later.
  const { payments: service, refunds } = createMoneyPath({
    canRefund: () => settingsHandlers.canRefund(),
    purchaseMode: () => effectivePurchaseMode(state.current, demo),
    paymentPageLink: (params) => connection.paymentPageLink(state.current.paymentPageUrl, params),
    ...(config.paymentPagePollMs !== undefined
      ? { paymentPagePollMs: config.paymentPagePollMs }
      : {}),
    journal,
    gate: () => connection.gate(),
    statusGate: () => connection.statusGate(),
    settings,
    canCharge: () => settingsHandlers.canCharge(),
    callbackUrl: callbackUrlForGate,
    hostRedirect: (redirect, qrTimeoutSeconds) => {
      const link = relay.connected();
      return hostRedirect(
        redirect,
        qrTimeoutSeconds,
        state.current,
        link ? (token, form) => link.publishRedirect(token, form) : undefined,
      );
    },
    isOnScreen: (id) => session.activeId() === id,
    ...(config.unverifiedPerMinute !== undefined
      ? { unverifiedPerMinute: config.unverifiedPerMinute }
      : {}),
    onAnswerHealth: (answer) =>
      answer.ok ? health.clear('gate_signature') : health.set('gate_signature', answer.message),
    ...(config.pollSchedule ? { pollSchedule: config.pollSchedule } : {}),
    ...(config.onStep ? { onStep: config.onStep } : {}),
    ...(config.notFoundGraceMs !== undefined ? { notFoundGraceMs: config.notFoundGraceMs } : {}),
  });
  const endpoint = new CallbackEndpoint(
    () => connection.callbackSecret(),
    (received) => service.receiveCallback(received),
  );
  await endpoint.apply(state.current);
  const heldBack = new HeldBackCallbacks(journal.relayQuarantine, {
    secret: () => connection.callbackSecret(),
    onCallback: (received) => service.receiveCallback(received),
    banners: health,
    changed: () => {
      sessionChanged();
      events.emit('settings:changed', settingsHandlers.view());
    },
  });
  const relay = new RelayLink({
    store,
    secret: () => connection.callbackSecret(),
    onCallback: (received) => service.receiveCallback(received),
    quarantine: (body, source) => heldBack.keep(body, source),
    banners: health,
    changed: () => sessionChanged(),
    ...(config.relay ? { tuning: config.relay } : {}),
  });
  const settingsHandlers = createSettingsHandlers({
    mode: config.mode,
    state,
    connection,
    endpoint,
    pin,
    journal,
    connectionTest: new ConnectionTest(
      journal,
      connection,
      endpoint,
      config.connectionTestTimeoutMs,
      Date.now,
      () => ({ status: relay.status(), problem: relay.problem() }),
    ),
    storeRelayCredentials: (credentials) => relay.storeCredentials(credentials),
    relayCredentialsConfigured: () => relay.credentialsConfigured(),
    relayHeldBack: () => heldBack.list(),
    settingsChanged: (view) => {
      // New settings (a replaced secret, say) deserve a fresh look at Gate's signatures.
      health.clear('gate_signature');
      inBackground(relay.apply(state.current), log, 'applying the relay settings');
      events.emit('settings:changed', view);
      events.emit('display:changed', displayView());
    },
  });

  const sessionView = (): SessionView => {
    const activeId = session.activeId();
    const active = activeId ? service.get(activeId) : undefined;
    return {
      active: active ? toView(active) : null,
      lateAlerts: service.openLateAlerts().map(toView),
      banners: health.list(),
      relay: relay.status() ?? null,
    };
  };
  const displayView = (): DisplayView => {
    const activeId = session.activeId();
    const active = activeId ? service.get(activeId) : undefined;
    return { active: active ? toView(active) : null, merchantName: state.current.merchantName };
  };
  function sessionChanged() {
    events.emit('session:changed', sessionView());
    events.emit('display:changed', displayView());
  }

  service.events.on('updated', (record) => {
    events.emit('payments:updated', toView(record));
    if (record.id === session.activeId() || record.lateAlert !== null) sessionChanged();
  });
  service.events.on('late', (record) => events.emit('payments:late', toView(record)));
  refunds.events.on('updated', (refund) => {
    const record = service.get(refund.paymentId);
    if (record) events.emit('payments:updated', toView(record));
  });

  // Receipt printing hangs off the services' events; a printer can never hold up a sale.
  const printQueue = new PrintQueue({
    journal,
    settings,
    ...(config.printing ? { transport: config.printing } : {}),
  });
  const stopAutoPrint = startAutoPrint({
    queue: printQueue,
    journal,
    settings,
    payments: service.events,
    refunds: refunds.events,
  });
  printQueue.events.on('changed', () =>
    events.emit('printing:changed', printStatusView(printQueue)),
  );

  const handlers: ChannelHandlers = {
    ...headlessShellHandlers(config.version ?? '0.0.0'),
    ...createHandlers({
      service,
      session,
      sessionView,
      displayView,
      settingsView: settingsHandlers.view,
      updateSettings: settingsHandlers.update,
      testConnection: settingsHandlers.testConnection,
      retryHeldBack: () => heldBack.retry(),
      appInfo: () => ({
        version: config.version ?? '0.0.0',
        mode: config.mode,
        shell: config.shell === 'electron' ? 'electron' : 'browser',
        keychain: connection.keychainStatus(),
      }),
      sessionChanged,
    }),
    ...createManagerHandlers({
      journal,
      refunds,
      pin,
      settings,
      dataDir: config.dataDir,
      now: Date.now,
      secretMatches: (secret) => connection.secretMatches(secret),
      paymentChanged: (paymentId) => {
        const record = service.get(paymentId);
        if (record) events.emit('payments:updated', toView(record));
        sessionChanged();
      },
    }),
    ...createPrintingHandlers({
      queue: printQueue,
      journal,
      settings,
      now: Date.now,
    }),
  };

  // A locked or unavailable keychain: say so, keep checking, and carry on once it answers.
  const watch = new KeychainWatch({
    recheck: async () => {
      await connection.reload(state.current);
      keychain = await keys.load();
      journal.setAuditKey(keys.auditKey());
      const gate = connection.keychainStatus();
      return gate.available ? keychain : gate;
    },
    down: (message) =>
      health.set(
        'keychain',
        `${message} Open payments are not checked with Gate until it works again; the counter keeps trying.`,
      ),
    up: () => {
      health.clear('keychain');
      // Keyed: its HMAC covers the entries written while the key was out of reach.
      journal.audit('system', 'keychain available again', null);
      service.reconcileNow();
      refunds.reconcileNow();
      events.emit('settings:changed', settingsHandlers.view());
    },
    ...(config.keychainRetryMs ? { retryMs: config.keychainRetryMs } : {}),
  });
  const keychainNow = connection.keychainStatus().available
    ? keychain
    : connection.keychainStatus();
  if (!demo && !keychainNow.available) watch.unavailable(keychainNow.message);

  // Started once the session view exists: the relay reports its state from the first moment.
  await relay.apply(state.current);
  journal.audit('system', 'app started', null, {
    mode: config.mode,
    shell: config.shell ?? 'headless',
  });
  const cutSlips = printQueue.recover();
  const recovered = service.recover();
  refunds.recover();
  log.info('counter started', {
    mode: config.mode,
    recovered: recovered.length,
    cutSlips,
    callback: endpoint.localUrl(),
  });
  discardEarlierBackups(backups);

  return {
    handlers,
    events,
    mode: config.mode,
    ...(demoSetup?.sandbox ? { sandbox: demoSetup.sandbox } : {}),
    callbackUrl: () => endpoint.localUrl(),
    service,
    journal,
    settings,
    activePaymentId: () => session.activeId(),
    checkManagerPin: (pinValue, action) => pin.check(pinValue, action),
    printQueue,
    async close() {
      watch.stop();
      service.stop();
      refunds.stop();
      stopAutoPrint();
      await printQueue.stop();
      // Callbacks under way finish (journaled and acked) before the journal closes.
      await relay.close();
      await endpoint.close();
      connection.close();
      journal.audit('system', 'app stopped', null);
      journal.close();
      await demoSetup?.sandbox?.close();
    },
  };
}
