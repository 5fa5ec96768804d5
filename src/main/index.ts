import { join } from 'node:path';
import { app, BrowserWindow, dialog, session } from 'electron';
import { createCounter, type Counter } from './app/create-counter';
import { createDriverPrinter } from './windows/driver-printer';
import { createDispatcher } from './ipc/dispatcher';
import { forwardEvents } from './ipc/event-forwarder';
import { registerElectronIpc } from './ipc/electron-ipc';
import { createLogger } from './logging/logger';
import { createKeytarSecretStore } from './secrets/keytar-secret-store';
import { registerAppScheme, serveRenderer } from './windows/app-protocol';
import {
  createCashierWindow,
  createCustomerWindow,
  type RendererLocation,
} from './windows/counter-windows';
import { APP_ORIGIN, hardenSession } from './windows/window-security';

/*
 * The composition root of the Electron shell: the only file (with windows/ and ipc/) that
 * imports electron. Everything it starts is createCounter(), which runs under plain Node too.
 */
const log = createLogger('main');
const demo = process.argv.includes('--demo') || process.env['ALIPAY_COUNTER_MODE'] === 'demo';

process.on('uncaughtException', (error) =>
  log.error('uncaught exception', { error: error.stack ?? String(error) }),
);
process.on('unhandledRejection', (reason) =>
  log.error('unhandled rejection', { reason: String(reason) }),
);

if (!app.requestSingleInstanceLock()) {
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
  app.on('render-process-gone', (_event, _contents, details) =>
    log.error('renderer gone', details),
  );
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
  const rendererDir = join(import.meta.dirname, '../renderer');
  const devServer = process.env['ELECTRON_RENDERER_URL'];
  const renderer: RendererLocation = devServer
    ? { url: devServer, trustedOrigins: [new URL(devServer).origin] }
    : { url: `${APP_ORIGIN}/index.html`, trustedOrigins: [APP_ORIGIN] };
  if (!devServer) serveRenderer(rendererDir);
  hardenSession(session.defaultSession);

  const counter: Counter = await createCounter({
    dataDir: demo
      ? join(app.getPath('temp'), `alipay-counter-demo-${process.pid}`)
      : app.getPath('userData'),
    mode: demo ? 'demo' : 'live',
    shell: 'electron',
    version: app.getVersion(),
    ...(demo ? {} : { secretStore: createKeytarSecretStore() }),
    printing: { driver: createDriverPrinter() },
  });
  const unregister = registerElectronIpc(
    createDispatcher(counter.handlers),
    renderer.trustedOrigins,
  );
  const preload = join(import.meta.dirname, '../preload/index.cjs');
  const cashier = createCashierWindow(preload, renderer);
  const customer = createCustomerWindow(preload, renderer);
  const stopForwarding = forwardEvents(counter, () =>
    [cashier, customer].filter((w) => !w.isDestroyed()).map((w) => w.webContents),
  );
  cashier.on('closed', () => {
    if (!customer.isDestroyed()) customer.close();
  });

  let closing = false;
  app.on('before-quit', (event) => {
    if (closing) return;
    closing = true;
    event.preventDefault();
    stopForwarding();
    unregister();
    void counter.close().finally(() => app.quit());
  });
}
