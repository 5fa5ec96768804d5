import { join } from 'node:path';
import { app, BrowserWindow, dialog, Menu, screen, session, shell } from 'electron';
import { createCounter, type Counter } from './app/create-counter';
import { followDisplays } from './displays/customer-display-follower';
import { createDriverPrinter } from './windows/driver-printer';
import { createDispatcher } from './ipc/dispatcher';
import { forwardEvents } from './ipc/event-forwarder';
import { registerElectronIpc } from './ipc/electron-ipc';
import { createRotatingFileSink } from './logging/file-sink';
import { createLogger, setLogSink, teeSinks } from './logging/logger';
import { createKeytarSecretStore } from './secrets/keytar-secret-store';
import { appMenuTemplate } from './shell/app-menu';
import { forgetCrashes, installCrashHandlers } from './shell/crash-policy';
import { debugSwitchesIn } from './shell/debug-switches';
import { afterDayClose, desktopHandlers } from './shell/desktop-handlers';
import { opensAtLogin } from './shell/login-item';
import { rendererLocation } from './shell/renderer-location';
import { journalActivity } from './updates/counter-activity';
import { bundledUpdater } from './updates/electron-updater-source';
import { UpdateController } from './updates/update-controller';
import { registerAppScheme, serveRenderer } from './windows/app-protocol';
import { createCashierWindow, createCustomerWindow } from './windows/counter-windows';
import { lockDevTools } from './windows/devtools-lock';
import { APP_ORIGIN, hardenSession } from './windows/window-security';

/*
 * The composition root of the Electron shell: the only file (with windows/, ipc/electron-ipc.ts
 * and updates/electron-updater-source.ts) that imports electron. What it wires runs under plain
 * Node and is tested there: createCounter(), the log file, the crash policy, updates, displays.
 */
const log = createLogger('main');
const demo = process.argv.includes('--demo') || process.env['ALIPAY_COUNTER_MODE'] === 'demo';
const dataDir = demo
  ? join(app.getPath('temp'), `alipay-counter-demo-${process.pid}`)
  : app.getPath('userData');
const logFile = join(dataDir, 'logs', 'main.log');
const stderr = (line: string) => process.stderr.write(`${line}\n`);
setLogSink(teeSinks(createRotatingFileSink(logFile), stderr));

installCrashHandlers(process, {
  log,
  historyFile: join(dataDir, 'crash-history.json'),
  relaunch: () => app.relaunch(),
  exit: (code) => app.exit(code),
  showFatal: (message) => dialog.showErrorBox('Alipay Counter stopped', message),
});

const hasSwitch = (name: string) => app.commandLine.hasSwitch(name);
const debugging = app.isPackaged ? debugSwitchesIn(process.argv, hasSwitch) : [];
if (debugging.length > 0) {
  log.error('refusing to start with debugging switches', { switches: debugging });
  dialog.showErrorBox('Alipay Counter', `Refusing to start with ${debugging.join(' ')}.`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  // Two counters on one journal and one callback port would fight: the second one quits.
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    if (app.isPackaged) lockDevTools(contents);
    // A crashed window comes back by itself; main and the journal were not affected.
    contents.on('render-process-gone', (_e, details) => {
      log.error('renderer gone', details);
      if (details.reason !== 'clean-exit' && !contents.isDestroyed()) contents.reload();
    });
  });
  app.on('child-process-gone', (_event, details) => log.error('child process gone', details));
  app.on('window-all-closed', () => app.quit());
  void app
    .whenReady()
    .then(start)
    .catch((error: Error) => {
      log.error('start-up failed', { error: error.stack ?? String(error) });
      dialog.showErrorBox('Alipay Counter cannot start', error.message);
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
    ...(demo ? {} : { secretStore: createKeytarSecretStore() }),
    printing: { driver: createDriverPrinter() },
  });
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
      checkPin: (pin, action) => counter.checkManagerPin(pin, action),
    }),
    'reports:close-day': afterDayClose(counter.handlers, () => updates.dayClosed()),
  };
  const preload = join(import.meta.dirname, '../preload/index.cjs');
  const cashier = createCashierWindow(preload, renderer);
  // The customer display gets its own preload: the sale on the counter, nothing else.
  const customer = createCustomerWindow(
    join(import.meta.dirname, '../preload/customer.cjs'),
    renderer,
  );
  const displaySenders = () => new Set(customer.isDestroyed() ? [] : [customer.webContents.id]);
  const unregister = registerElectronIpc(
    createDispatcher(handlers),
    renderer.trustedOrigins,
    displaySenders,
  );
  const displays = followDisplays(screen, customer, () => counter.settings().customerDisplayId);
  displays.place();
  const stopForwarding = forwardEvents(
    counter,
    () => (cashier.isDestroyed() ? [] : [cashier.webContents]),
    () => (customer.isDestroyed() ? [] : [customer.webContents]),
  );
  cashier.on('closed', () => {
    if (!customer.isDestroyed()) customer.close();
  });

  const applySettings = () => {
    const settings = counter.settings();
    updates.setChannel(settings.updateChannel);
    if (app.isPackaged)
      app.setLoginItemSettings({
        openAtLogin: opensAtLogin({
          mode: counter.mode,
          packaged: app.isPackaged,
          startAtLogin: settings.startAtLogin,
        }),
      });
  };
  applySettings();
  counter.events.on('settings:changed', () => {
    applySettings();
    displays.place();
  });
  updates.start();
  // Ten minutes without a crash: earlier crashes no longer count towards a crash loop.
  setTimeout(() => forgetCrashes(join(dataDir, 'crash-history.json')), 10 * 60_000).unref();

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    updates.stop();
    displays.stop();
    stopForwarding();
    unregister();
    void counter.close().finally(() => app.quit());
  });
}
