import { join } from 'node:path';
import { app, BrowserWindow, crashReporter, dialog, Menu, screen, session, shell } from 'electron';
import { createCounter, type Counter } from './app/create-counter';
import {
  isSandboxPhonePage,
  sandboxHostArgument,
  sandboxHostOptions,
  sandboxReachLine,
} from './app/demo-mode';
import { CustomerDisplayKeeper } from './displays/customer-display-keeper';
import { createDispatcher } from './ipc/dispatcher';
import { inBackground } from './logging/in-background';
import { forwardEvents } from './ipc/event-forwarder';
import { registerElectronIpc } from './ipc/electron-ipc';
import { createRotatingFileSink } from './logging/file-sink';
import { createLogger, setLogSink, teeSinks } from './logging/logger';
import { createDriverPrinter } from './printing/driver-page-printer';
import { createKeytarSecretStore } from './secrets/keytar-secret-store';
import { claimAppIdentity, PRODUCT_NAME } from './shell/app-identity';
import { appMenuTemplate } from './shell/app-menu';
import { crashDumpFolder, newestDumpSince, startCrashDumps } from './shell/crash-dumps';
import {
  forgetCrashes,
  handleFatalError,
  installCrashHandlers,
  type CrashDeps,
} from './shell/crash-policy';
import { debugSwitchesIn } from './shell/debug-switches';
import { afterDayClose, desktopHandlers } from './shell/desktop-handlers';
import { fatalMessage } from './shell/fatal-message';
import { applyLoginItem, opensAtLogin } from './shell/login-item';
import { childGoneLevel, RendererCrashPolicy } from './shell/process-gone';
import { installQuitSequence } from './shell/quit-sequence';
import { rendererLocation } from './shell/renderer-location';
import { RunMarker } from './shell/run-marker';
import { journalActivity } from './updates/counter-activity';
import { bundledUpdater } from './updates/electron-updater-source';
import { UpdateController } from './updates/update-controller';
import { registerAppScheme, serveRenderer } from './windows/app-protocol';
import { createCashierWindow, createCustomerWindow } from './windows/counter-windows';
import { lockDevTools } from './windows/devtools-lock';
import { openSlipWindow } from './windows/driver-printer';
import { APP_ORIGIN, hardenSession } from './windows/window-security';

/*
 * The composition root of the Electron shell: the only file (with windows/, ipc/electron-ipc.ts
 * and updates/electron-updater-source.ts) that imports electron. What it wires runs under plain
 * Node and is tested there: createCounter(), the log file, the crash policy, updates, displays,
 * quitting, the login item, driver printing.
 */
const log = createLogger('main');
const demo = process.argv.includes('--demo') || process.env['ALIPAY_COUNTER_MODE'] === 'demo';
const dataDir = demo
  ? join(app.getPath('temp'), `alipay-counter-demo-${process.pid}`)
  : app.getPath('userData');
const logFile = join(dataDir, 'logs', 'main.log');
const stderr = (line: string) => process.stderr.write(`${line}\n`);
setLogSink(teeSinks(createRotatingFileSink(logFile), stderr));

// Before any window: the taskbar and the installer's shortcuts must see one app.
claimAppIdentity(app, process.platform);
// Before ready, as Crashpad requires: a native crash of any process leaves a dump here.
const dumpFolder = crashDumpFolder(dataDir);
startCrashDumps(
  {
    setCrashDumpsPath: (folder) => app.setPath('crashDumps', folder),
    start: (options) => crashReporter.start(options),
  },
  dumpFolder,
);

const runMarker = new RunMarker(join(dataDir, 'running.json'));
const showFatal = fatalMessage(
  process.env,
  (title, message) => dialog.showErrorBox(title, message),
  (line) => process.stderr.write(line),
);
const crashDeps: CrashDeps = {
  log,
  historyFile: join(dataDir, 'crash-history.json'),
  relaunch: () => app.relaunch(),
  exit: (code) => {
    runMarker.end();
    app.exit(code);
  },
  showFatal: (message) => showFatal('Alipay Counter stopped', message),
};
installCrashHandlers(process, crashDeps);

const hasSwitch = (name: string) => app.commandLine.hasSwitch(name);
const debugging = app.isPackaged ? debugSwitchesIn(process.argv, hasSwitch) : [];
if (debugging.length > 0) {
  log.error('refusing to start with debugging switches', { switches: debugging });
  showFatal('Alipay Counter', `Refusing to start with ${debugging.join(' ')}.`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // Two counters on one journal and one callback port would fight: the second one quits.
  app.quit();
} else {
  const previous = runMarker.begin();
  if (previous)
    log.warn('the previous run ended without quitting', {
      startedAt: new Date(previous.startedAt).toISOString(),
      crashDump: newestDumpSince(dumpFolder, previous.startedAt) ?? 'none (killed, or power lost)',
    });
  registerAppScheme();
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  const rendererCrashes = new RendererCrashPolicy();
  app.on('web-contents-created', (_event, contents) => {
    if (app.isPackaged) lockDevTools(contents);
    contents.on('render-process-gone', (_e, details) => {
      const action = rendererCrashes.onGone(details.reason);
      log.error('renderer gone', { ...details, action });
      if (action === 'reload' && !contents.isDestroyed()) contents.reload();
      if (action === 'relaunch')
        handleFatalError(new Error(`a window's renderer ended (${details.reason})`), crashDeps);
    });
  });
  app.on('child-process-gone', (_event, details) =>
    log[childGoneLevel(details.reason)]('child process gone', details),
  );
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: Error) => {
      log.error('start-up failed', { error: error.stack ?? String(error) });
      showFatal('Alipay Counter cannot start', error.message);
      runMarker.end();
      app.exit(1);
    });
}

async function start(): Promise<void> {
  const template = appMenuTemplate(process.platform);
  Menu.setApplicationMenu(template ? Menu.buildFromTemplate(template) : null);
  const renderer = rendererLocation({
    packaged: app.isPackaged,
    devServerUrl: process.env['ELECTRON_RENDERER_URL'],
    appOrigin: APP_ORIGIN,
  });
  if (renderer.url.startsWith(APP_ORIGIN)) serveRenderer(join(import.meta.dirname, '../renderer'));
  hardenSession(session.defaultSession);

  const counter: Counter = await createCounter({
    dataDir,
    mode: demo ? 'demo' : 'live',
    shell: 'electron',
    version: app.getVersion(),
    systemLocale: app.getLocale(),
    ...(demo
      ? { demo: { sandbox: sandboxHostOptions(sandboxHostArgument(process.argv)) } }
      : { secretStore: createKeytarSecretStore() }),
    printing: { driver: createDriverPrinter(openSlipWindow) },
  });
  if (counter.sandbox) process.stdout.write(`${sandboxReachLine(counter.sandbox)}\n`);
  const updates = new UpdateController({
    updater: bundledUpdater(process.resourcesPath, app.isPackaged),
    activity: journalActivity(counter.journal, counter.activePaymentId),
    log: createLogger('updates'),
    channel: counter.settings().updateChannel,
  });
  const handlers = {
    ...counter.handlers,
    ...desktopHandlers({
      version: app.getVersion(),
      dataFolder: dataDir,
      logFile,
      crashDumpFolder: dumpFolder,
      updates,
      openFolder: (path) => shell.openPath(path),
      displays: () => {
        const primary = screen.getPrimaryDisplay().id;
        return screen.getAllDisplays().map((d) => ({
          id: d.id,
          label: d.label || `Display ${d.id}`,
          primary: d.id === primary,
          width: d.bounds.width,
          height: d.bounds.height,
        }));
      },
      checkPin: (pin, action, staffId) => counter.authorizeManager(pin, action, staffId),
    }),
    'reports:close-day': afterDayClose(counter.handlers, () => updates.dayClosed()),
  };
  // Demo mode's "Pay as the customer" opens the sandbox's phone page in the system's browser.
  const sandbox = counter.sandbox;
  const cashier = createCashierWindow(
    join(import.meta.dirname, '../preload/index.cjs'),
    renderer,
    log,
    (url) => {
      if (sandbox && isSandboxPhonePage(sandbox, url))
        inBackground(shell.openExternal(url), log, "opening the customer's page");
    },
  );
  // The customer display gets its own preload: the sale on the counter, nothing else.
  const customerPreload = join(import.meta.dirname, '../preload/customer.cjs');
  const customer = new CustomerDisplayKeeper({
    screen,
    chosenId: () => counter.settings().customerDisplayId,
    open: (style, bounds) => createCustomerWindow(customerPreload, renderer, style, bounds, log),
    log: createLogger('displays'),
  });
  customer.start();
  const customerContents = () => {
    const window = customer.current();
    return window ? [window.webContents] : [];
  };
  const unregister = registerElectronIpc(
    createDispatcher(handlers),
    renderer.trustedOrigins,
    () => new Set(customerContents().map((contents) => contents.id)),
  );
  const stopForwarding = forwardEvents(
    counter,
    () => (cashier.isDestroyed() ? [] : [cashier.webContents]),
    customerContents,
  );
  cashier.on('closed', () => customer.close());

  const loginItem = {
    api: app,
    name: PRODUCT_NAME,
    memoryFile: join(dataDir, 'login-item.json'),
    log,
  };
  let startAtLogin: boolean | undefined;
  const applySettings = () => {
    const settings = counter.settings();
    updates.setChannel(settings.updateChannel);
    // Demo mode and a checkout never touch the login item (a live counter's, or bare Electron).
    const wanted = opensAtLogin({
      mode: counter.mode,
      packaged: app.isPackaged,
      startAtLogin: settings.startAtLogin,
    });
    if (counter.mode === 'live' && app.isPackaged && wanted !== startAtLogin)
      applyLoginItem(loginItem, wanted, startAtLogin === undefined ? 'start' : 'setting changed');
    startAtLogin = wanted;
  };
  applySettings();
  counter.events.on('settings:changed', () => {
    applySettings();
    customer.place();
  });
  updates.start();
  // Ten minutes without a crash: earlier crashes no longer count towards a crash loop.
  setTimeout(() => forgetCrashes(join(dataDir, 'crash-history.json')), 10 * 60_000).unref();

  installQuitSequence(app, {
    stop: () => {
      runMarker.end();
      updates.stop();
      customer.close();
      stopForwarding();
      unregister();
    },
    close: () => counter.close(),
    log,
  });
}
