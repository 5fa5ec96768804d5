import { EventEmitter } from 'node:events';
import type { ChannelHandlers } from '../../shared/ipc/contract';
import { attributionHandlers } from '../ipc/handlers/attribution-handlers';
import { historyHandlers } from '../ipc/handlers/history-handlers';
import { managerHandlers, managerStatusView } from '../ipc/handlers/manager-handlers';
import { createPrintingHandlers, printStatusView } from '../ipc/handlers/printing-handlers';
import { saleHandlers } from '../ipc/handlers/sale-handlers';
import { settingsHandlers } from '../ipc/handlers/settings-handlers';
import { headlessShellHandlers } from '../ipc/handlers/shell-handlers';
import { shiftHandlers, shiftStateView, type ShiftChannels } from '../ipc/handlers/shift-handlers';
import { toView } from '../journal/payment-record';
import { inBackground } from '../logging/in-background';
import { createLogger } from '../logging/logger';
import type { Counter, CounterConfig, CounterEvents } from './counter-config';
import { buildServices, type CounterServices } from './counter-services';
import { buildStaff, startStaff, type CounterStaff } from './counter-staff';
import { openStores, type CounterStores } from './counter-stores';
import { counterViews, type CounterViews } from './counter-views';
import { demoPayPage } from './demo-mode';

export type { Counter, CounterConfig, CounterEvents, CounterTuning } from './counter-config';

const log = createLogger('app');

/**
 * Builds and starts a counter, in phases: open its stores, build its services, turn their
 * signals into the windows' events, give every IPC channel its handler, then start listening,
 * dialling out and reconciling; closing goes back the other way. Runs under plain Node: the
 * Electron shell, the browser shell and the tests all start here.
 */
export async function createCounter(config: CounterConfig): Promise<Counter> {
  const stores = await openStores(config);
  const services = buildServices(config, stores);
  const staff = buildStaff(config, stores, services);
  const views = counterViews({
    mode: config.mode,
    shell: config.shell === 'electron' ? 'electron' : 'browser',
    version: config.version ?? '0.0.0',
    systemLocale: config.systemLocale ?? null,
    state: stores.state,
    connection: stores.connection,
    pin: stores.pin,
    ...services,
    ...(stores.demo
      ? { demoPayPage: demoPayPage(stores.demo.sandbox, () => stores.state.current.projectId) }
      : {}),
  });
  const events = forwardEvents(stores, services, views);
  // Who is signed in changes with the sale screen's signal (the shift service emits it).
  services.signals.on('session', () =>
    events.emit('shift:changed', shiftStateView(staff.shifts.current())),
  );
  const handlers = {
    ...handlersOf(config, stores, services, views, events, staff),
    ...shiftHandlers({
      shifts: staff.shifts,
      directory: staff.directory,
      session: services.managerSession,
      changed: () => services.signals.emit('session'),
    }),
  };
  await start(config, stores, services);
  await startStaff(config, stores, staff);
  return {
    handlers,
    events,
    mode: config.mode,
    ...(stores.demo?.sandbox ? { sandbox: stores.demo.sandbox } : {}),
    callbackUrl: () => services.endpoint.localUrl(),
    service: services.payments,
    journal: stores.journal,
    settings: () => stores.state.current,
    activePaymentId: () => services.session.activeId(),
    authorizeManager: (pin, action, staffId) =>
      services.managerSession.authorize(pin, action, staffId),
    printQueue: services.printQueue,
    staff,
    close: () => stop(stores, services),
  };
}

/** The services' signals and changes, as the events the windows are sent (views only). */
function forwardEvents(
  stores: CounterStores,
  services: CounterServices,
  views: CounterViews,
): EventEmitter<CounterEvents> {
  const events = new EventEmitter<CounterEvents>();
  const { payments, refunds, session, signals, printQueue } = services;
  const sessionChanged = () => {
    events.emit('session:changed', views.session());
    events.emit('display:changed', views.display());
  };
  signals.on('session', sessionChanged);
  signals.on('settings', () => events.emit('settings:changed', views.settings()));
  payments.events.on('updated', (record) => {
    events.emit('payments:updated', toView(record));
    if (record.id === session.activeId() || record.lateAlert !== null) sessionChanged();
  });
  payments.events.on('late', (record) => events.emit('payments:late', toView(record)));
  refunds.events.on('updated', (refund) => {
    const record = stores.journal.get(refund.paymentId);
    if (record) events.emit('payments:updated', toView(record));
  });
  printQueue.events.on('changed', () =>
    events.emit('printing:changed', printStatusView(printQueue)),
  );
  services.managerSession.onChange((open) =>
    events.emit(
      'manager:changed',
      managerStatusView(stores.pin.status(), open, stores.journal.people.staff.any()),
    ),
  );
  return events;
}

/** Every IPC channel's handler: each parses nothing more, calls one service, maps the answer. */
function handlersOf(
  config: CounterConfig,
  stores: CounterStores,
  services: CounterServices,
  views: CounterViews,
  events: EventEmitter<CounterEvents>,
  staff: CounterStaff,
): Omit<ChannelHandlers, ShiftChannels> {
  const { journal, state } = stores;
  const manager = managerHandlers({
    actions: services.actions,
    pin: stores.pin,
    session: services.managerSession,
    hasStaff: () => journal.people.staff.any(),
    dataDir: config.dataDir,
  });
  return {
    ...headlessShellHandlers(config.version ?? '0.0.0'),
    ...saleHandlers({
      desk: services.desk,
      sell: staff.actions,
      payments: services.payments,
      views,
    }),
    ...settingsHandlers({
      state,
      changes: services.changes,
      connectionTest: services.connectionTest,
      heldBack: services.heldBack,
      views,
      changed: () => {
        // New settings (a replaced secret, say) deserve a fresh look at Gate's signatures.
        services.health.clear('gate_signature');
        inBackground(services.relay.apply(state.current), log, 'applying the relay settings');
        events.emit('settings:changed', views.settings());
        events.emit('display:changed', views.display());
      },
    }),
    ...manager,
    ...attributionHandlers({
      staff,
      journal,
      session: services.managerSession,
      manager,
      secretKey: services.actions,
      now: Date.now,
    }),
    ...historyHandlers({
      journal,
      settings: () => state.current,
      session: services.managerSession,
      now: Date.now,
    }),
    ...createPrintingHandlers({
      queue: services.printQueue,
      journal,
      settings: () => state.current,
      now: Date.now,
    }),
  };
}

/**
 * Starts what the counter runs: the callback listener, the relay's consumer, the print queue's
 * and payments' recovery, and the keychain watch when the keychain did not answer.
 */
async function start(
  config: CounterConfig,
  stores: CounterStores,
  services: CounterServices,
): Promise<void> {
  const { state, journal, connection } = stores;
  await services.endpoint.apply(state.current);
  const keychainNow = connection.keychainStatus().available
    ? stores.keychain
    : connection.keychainStatus();
  if (config.mode === 'live' && !keychainNow.available)
    services.keychainWatch.unavailable(keychainNow.message);
  await services.relay.apply(state.current);
  journal.audit('system', 'app started', null, {
    mode: config.mode,
    shell: config.shell ?? 'headless',
  });
  const cutSlips = services.printQueue.recover();
  const recovered = services.payments.recover();
  services.refunds.recover();
  log.info('counter started', {
    mode: config.mode,
    recovered: recovered.length,
    cutSlips,
    callback: services.endpoint.localUrl(),
  });
  stores.discardBackups();
}

/** Stops the counter in the reverse order: callbacks under way finish before the journal closes. */
async function stop(stores: CounterStores, services: CounterServices): Promise<void> {
  services.keychainWatch.stop();
  services.managerSession.stop();
  services.payments.stop();
  services.refunds.stop();
  services.stopAutoPrint();
  await services.printQueue.stop();
  await services.relay.close();
  await services.endpoint.close();
  stores.connection.close();
  stores.journal.audit('system', 'app stopped', null);
  stores.journal.close();
  await stores.demo?.sandbox?.close();
}
