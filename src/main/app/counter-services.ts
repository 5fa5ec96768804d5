import { EventEmitter } from 'node:events';
import { said } from '../../shared/i18n/said';
import { CallbackEndpoint } from '../callbacks/callback-endpoint';
import { CallbackSink } from '../callbacks/callback-sink';
import { CounterDesk } from '../counter/counter-desk';
import { CounterHealth } from '../counter/counter-health';
import { CounterSession } from '../counter/counter-session';
import { ManagerActions } from '../manager/manager-actions';
import { ManagerSession } from '../manager/manager-session';
import { identifyManager } from '../staff/identify-manager';
import { createMoneyPath } from '../payments/money-path';
import type { PaymentService } from '../payments/payment-service';
import type { RefundService } from '../payments/refund-service';
import { startAutoPrint } from '../printing/auto-print';
import { PrintQueue } from '../printing/print-queue';
import { hostRedirect, oncePerRedirect } from '../relay/hosted-redirect';
import { HeldBackCallbacks } from '../relay/held-back-callbacks';
import { RelayLink } from '../relay/relay-link';
import { relayCallbackUrl } from '../relay/relay-settings';
import { createLogger } from '../logging/logger';
import { KeychainWatch } from '../secrets/keychain-watch';
import { effectivePurchaseMode } from '../settings/settings';
import { ConnectionTest } from '../setup/connection-test';
import { CounterReadiness } from '../setup/counter-readiness';
import { SettingsChanges } from '../setup/settings-changes';
import type { CounterConfig } from './counter-config';
import type { CounterStores } from './counter-stores';

const log = createLogger('app');

/** What the screens must hear of, raised by the services and turned into views by the counter. */
export interface CounterSignals {
  /** The cashier's screen changed: the sale on it, banners, the relay's link. */
  session: [];
  /** The settings, or what depends on them, changed. */
  settings: [];
}

/** The counter's services, built from its stores. */
export interface CounterServices {
  readonly signals: EventEmitter<CounterSignals>;
  readonly health: CounterHealth;
  readonly session: CounterSession;
  readonly sink: CallbackSink;
  readonly endpoint: CallbackEndpoint;
  readonly heldBack: HeldBackCallbacks;
  readonly relay: RelayLink;
  readonly connectionTest: ConnectionTest;
  readonly readiness: CounterReadiness;
  readonly payments: PaymentService;
  readonly refunds: RefundService;
  readonly desk: CounterDesk;
  readonly changes: SettingsChanges;
  readonly actions: ManagerActions;
  /** The manager session: Reports, Settings and manager actions without a second PIN. */
  readonly managerSession: ManagerSession;
  readonly printQueue: PrintQueue;
  readonly stopAutoPrint: () => void;
  readonly keychainWatch: KeychainWatch;
}

/**
 * Builds the services in the order each needs the last: what they report to (signals, banners),
 * the doors callbacks come in by (connected to the payment service once it exists), the
 * readiness checks, the money path, what the cashier and the manager do, and printing. Nothing
 * here listens, dials out or polls yet: the counter starts them.
 */
export function buildServices(config: CounterConfig, stores: CounterStores): CounterServices {
  const { state, journal, connection, pin, secrets } = stores;
  const demo = config.mode === 'demo';
  const signals = new EventEmitter<CounterSignals>();
  const sessionChanged = () => signals.emit('session');
  const health = new CounterHealth(sessionChanged);
  const session = new CounterSession(journal);
  const secret = () => connection.callbackSecret();

  // The doors callbacks come in by.
  const sink = new CallbackSink();
  const endpoint = new CallbackEndpoint(secret, sink.deliver);
  const heldBack = new HeldBackCallbacks(journal.relayQuarantine, {
    secret,
    onCallback: sink.deliver,
    banners: health,
    changed: () => {
      sessionChanged();
      signals.emit('settings');
    },
  });
  const relay = new RelayLink({
    store: secrets,
    secret,
    onCallback: sink.deliver,
    quarantine: (body, source) => heldBack.keep(body, source),
    banners: health,
    changed: sessionChanged,
    ...(config.relay ? { tuning: config.relay } : {}),
  });

  // Whether the counter may take payments.
  const connectionTest = new ConnectionTest(
    journal,
    connection,
    endpoint,
    config.connectionTestTimeoutMs,
    Date.now,
    () => ({ status: relay.status(), problem: relay.problem() }),
  );
  const readiness = new CounterReadiness({ mode: config.mode, state, connection, connectionTest });

  // The money path. With a callback relay set up, Gate posts this counter's callbacks there.
  const { payments, refunds } = createMoneyPath({
    journal,
    gate: () => connection.gate(),
    statusGate: () => connection.statusGate(),
    settings: () => state.current,
    canCharge: () => readiness.canCharge(),
    canRefund: () => readiness.canRefund(),
    callbackUrl: () => relayCallbackUrl(state.current) ?? endpoint.urlForGate(state.current, demo),
    purchaseMode: () => effectivePurchaseMode(state.current, demo),
    paymentPageLink: (params) => connection.paymentPageLink(state.current.paymentPageUrl, params),
    hostRedirect: oncePerRedirect((redirect, qrTimeoutSeconds) => {
      const link = relay.connected();
      return hostRedirect(
        redirect,
        qrTimeoutSeconds,
        state.current,
        link ? (token, form) => link.publishRedirect(token, form) : undefined,
      );
    }),
    isOnScreen: (id) => session.activeId() === id,
    onAnswerHealth: (answer) =>
      answer.ok ? health.clear('gate_signature') : health.set('gate_signature', answer.message),
    ...(config.pollSchedule ? { pollSchedule: config.pollSchedule } : {}),
    ...(config.onStep ? { onStep: config.onStep } : {}),
    ...(config.notFoundGraceMs !== undefined ? { notFoundGraceMs: config.notFoundGraceMs } : {}),
    ...(config.paymentPagePollMs !== undefined
      ? { paymentPagePollMs: config.paymentPagePollMs }
      : {}),
    ...(config.unverifiedPerMinute !== undefined
      ? { unverifiedPerMinute: config.unverifiedPerMinute }
      : {}),
  });
  sink.connect((received) => payments.receiveCallback(received));

  // What the cashier and the manager do.
  const desk = new CounterDesk({ payments, session, changed: sessionChanged });
  const managerSession = new ManagerSession({
    identify: identifyManager({ staff: journal.people.staff, pins: stores.staffPins, legacy: pin }),
    audit: (actor, action, detail) => journal.audit(actor, action, null, detail),
    ...(config.managerIdleMs !== undefined ? { idleMs: config.managerIdleMs } : {}),
  });
  const changes = new SettingsChanges({
    mode: config.mode,
    state,
    connection,
    endpoint,
    pin,
    authorize: (typed, action, staffId) => managerSession.authorize(typed, action, staffId),
    hasStaff: () => journal.people.staff.any(),
    journal,
    storeRelayCredentials: (credentials) => relay.storeCredentials(credentials),
  });
  const actions = new ManagerActions({
    journal,
    pin,
    session: managerSession,
    refunds,
    secretMatches: (candidate) => connection.secretMatches(candidate),
    now: Date.now,
  });

  // Receipt printing hangs off the services' events; a printer can never hold up a sale.
  const settings = () => state.current;
  const printQueue = new PrintQueue({
    journal,
    settings,
    systemLocale: config.systemLocale ?? null,
    ...(config.printing ? { transport: config.printing } : {}),
  });
  const stopAutoPrint = startAutoPrint({
    queue: printQueue,
    journal,
    settings,
    payments: payments.events,
    refunds: refunds.events,
  });

  // A locked or unavailable keychain: say so, keep checking, and carry on once it answers.
  const keychainWatch = new KeychainWatch({
    recheck: async () => {
      await connection.reload(state.current);
      stores.keychain = await stores.keys.load();
      journal.setAuditKey(stores.keys.auditKey());
      const gate = connection.keychainStatus();
      return gate.available ? stores.keychain : gate;
    },
    // The system's own words about its keychain go to the log; the banner says what it means.
    down: (message) => {
      log.warn('the keychain cannot be opened', { message });
      health.set('keychain', said('cashier.banner.keychain'));
    },
    up: () => {
      health.clear('keychain');
      // Keyed: its HMAC covers the entries written while the key was out of reach.
      journal.audit('system', 'keychain available again', null);
      payments.reconcileNow();
      refunds.reconcileNow();
      signals.emit('settings');
    },
    ...(config.keychainRetryMs ? { retryMs: config.keychainRetryMs } : {}),
  });

  return {
    signals,
    health,
    session,
    sink,
    endpoint,
    heldBack,
    relay,
    connectionTest,
    readiness,
    payments,
    refunds,
    desk,
    changes,
    actions,
    managerSession,
    printQueue,
    stopAutoPrint,
    keychainWatch,
  };
}
