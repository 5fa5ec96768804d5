import { join } from 'node:path';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CSP } from '../../src/main/windows/window-security';
import { ensureRendererBuilt, scanQr } from '../support/browser-harness';
import { electronBinary, ROOT, shellSkipReason, suiteTitle } from './electron-harness';

const skip = shellSkipReason();
const title = suiteTitle('Electron shell (Playwright _electron, unpackaged, demo mode)', skip);
const binary = electronBinary();

describe.skipIf(skip !== undefined)(title, () => {
  let app: ElectronApplication;
  let cashier: Page;

  beforeAll(async () => {
    ensureRendererBuilt();
    app = await electron.launch({
      executablePath: binary!,
      args: [join(ROOT, 'out/main/index.js'), '--demo'],
      cwd: ROOT,
    });
    cashier = await app.firstWindow();
    await cashier.getByLabel('Amount').waitFor();
  }, 60_000);
  afterAll(() => app?.close());

  it('opens two windows, each sandboxed, isolated, without Node', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => {
        // Not in the typings of every Electron version, hence the cast.
        const contents = w.webContents as unknown as {
          getLastWebPreferences(): Record<string, unknown> | null;
        };
        const p = contents.getLastWebPreferences();
        return {
          contextIsolation: p?.['contextIsolation'],
          sandbox: p?.['sandbox'],
          nodeIntegration: p?.['nodeIntegration'],
          webviewTag: p?.['webviewTag'],
        };
      }),
    );
    expect(prefs).toHaveLength(2);
    for (const p of prefs)
      expect(p).toEqual({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
      });
  });

  it('exposes window.counter and nothing else from the preload', async () => {
    const surface = await cashier.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      return {
        counter: Object.keys(w['counter'] as object).sort(),
        require: typeof w['require'],
        process: typeof w['process'],
        ipc: typeof w['ipcRenderer'],
      };
    });
    expect(surface).toEqual({
      counter: [
        'cancel',
        'charge',
        'closeDay',
        'exportHistoryCsv',
        'exportReportCsv',
        'checkForUpdates',
        'getAbout',
        'getAppInfo',
        'getCurrentReport',
        'getManagerStatus',
        'getPayment',
        'dismissPrintFailure',
        'getPaymentDetail',
        'getPrintStatus',
        'getSession',
        'getSettings',
        'keepLatePayment',
        'listDisplays',
        'listReports',
        'newSale',
        'onLatePayment',
        'onPaymentUpdated',
        'onPrintStatusChanged',
        'onSessionChanged',
        'onSettingsChanged',
        'openLogsFolder',
        'refund',
        'restartToUpdate',
        'previewSlip',
        'printReceipt',
        'printReport',
        'retryAsLink',
        'retryPrint',
        'savePdf',
        'searchHistory',
        'setManagerPin',
        'testConnection',
        'testPrint',
        'updateSettings',
      ].sort(),
      require: 'undefined',
      process: 'undefined',
      ipc: 'undefined',
    });
  });

  it('round-trips through IPC, and refuses bad input with INVALID_INPUT', async () => {
    const info = await cashier.evaluate(() =>
      (
        globalThis as unknown as { counter: { getAppInfo(): Promise<unknown> } }
      ).counter.getAppInfo(),
    );
    expect(info).toMatchObject({ ok: true, value: { shell: 'electron', mode: 'demo' } });
    const refused = await cashier.evaluate(() =>
      (
        globalThis as unknown as { counter: { charge(x: unknown): Promise<unknown> } }
      ).counter.charge({ amount: 5 }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('driver printers print through webContents.print: one not installed fails, naming it', async () => {
    const result = await cashier.evaluate(() =>
      (
        globalThis as unknown as { counter: { testPrint(x: unknown): Promise<unknown> } }
      ).counter.testPrint({
        printer: {
          kind: 'driver',
          address: 'No Such Printer 12',
          paperWidth: 80,
          codePage: 'gb18030',
          autoPrintCustomer: false,
          autoPrintMerchant: false,
        },
      }),
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        state: 'failed',
        reason: expect.stringMatching(/^No printer called "No Such Printer 12" is installed/),
      },
    });
  });

  it('blocks navigation away and window.open', async () => {
    await cashier.evaluate(() =>
      (globalThis as unknown as { open(u: string): unknown }).open('https://example.com'),
    );
    await cashier.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href =
        'https://example.com';
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(app.windows()).toHaveLength(2);
    expect(cashier.url()).toMatch(/^app:\/\/counter\//);
  });

  it('sends the CSP header with every response of the UI', async () => {
    const headers: Array<[string, string | undefined]> = [];
    cashier.on('response', (response) => {
      void response
        .allHeaders()
        .then((h) => headers.push([response.url(), h['content-security-policy']]));
    });
    await cashier.reload();
    await cashier.getByLabel('Amount').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(headers.length).toBeGreaterThan(1);
    for (const [url, csp] of headers) expect([url, csp]).toEqual([url, APP_CSP]);
  });

  it('denies permission requests (notifications, camera)', async () => {
    const answers = await cashier.evaluate(async () => {
      const g = globalThis as unknown as {
        Notification: { requestPermission(): Promise<string> };
        navigator: { mediaDevices: { getUserMedia(c: object): Promise<unknown> } };
      };
      const notification = await g.Notification.requestPermission();
      const camera = await g.navigator.mediaDevices
        .getUserMedia({ video: true })
        .then(() => 'granted')
        .catch((e: Error) => e.name);
      return { notification, camera };
    });
    expect(answers.notification).toBe('denied');
    expect(answers.camera).not.toBe('granted');
  });

  it('has no View menu: no reload, no DevTools', async () => {
    const roles = await app.evaluate(({ Menu }) => {
      const menu = Menu.getApplicationMenu();
      const walk = (items: Electron.MenuItem[]): string[] =>
        items.flatMap((i) => [
          String(i.role ?? i.label),
          ...(i.submenu ? walk(i.submenu.items) : []),
        ]);
      return menu ? walk(menu.items) : [];
    });
    expect(roles.map((r) => r.toLowerCase())).not.toContain('toggledevtools');
    expect(roles.map((r) => r.toLowerCase())).not.toContain('reload');
  });

  it('the customer display covers a second display, borderless and not in native full screen', async (context) => {
    // Real displays only: a display invented in the test is unknown to the window manager,
    // which then places the window as it likes. Runners have one display.
    const displays = await app.evaluate(({ screen }) => {
      const primary = screen.getPrimaryDisplay().id;
      return screen.getAllDisplays().map((d) => ({ primary: d.id === primary, bounds: d.bounds }));
    });
    if (displays.length < 2) {
      context.skip(`this machine has ${displays.length} display; the customer's needs a second`);
      return;
    }
    const customer = await app.evaluate(({ BrowserWindow }) => {
      const window = BrowserWindow.getAllWindows().find((w) => w.getTitle().includes('Customer'))!;
      return { bounds: window.getBounds(), fullScreen: window.isFullScreen() };
    });
    expect(customer.fullScreen).toBe(false);
    expect(displays.filter((d) => !d.primary).map((d) => d.bounds)).toContainEqual(customer.bounds);
  });

  it('a closed customer display opens again while the counter runs', async () => {
    const reopened = await app.evaluate(async ({ BrowserWindow }) => {
      const customer = () =>
        BrowserWindow.getAllWindows().find((w) => w.getTitle().includes('Customer'));
      const before = customer()!.id;
      customer()!.close();
      for (let i = 0; i < 50 && (customer()?.id ?? before) === before; i++)
        await new Promise((resolve) => setTimeout(resolve, 100));
      return { before, after: customer()?.id };
    });
    expect(reopened.after).toBeDefined();
    expect(reopened.after).not.toBe(reopened.before);
    await app
      .windows()
      .find((w) => w.url().endsWith('#customer'))
      ?.waitForLoadState();
    await expect
      .poll(() => app.windows().filter((w) => w.url().endsWith('#customer')).length)
      .toBe(1);
  });

  it("the customer display's preload exposes its view of the sale and nothing of the cashier's", async () => {
    const display = app.windows().find((w) => w.url().endsWith('#customer'))!;
    const surface = await display.evaluate(() => {
      const w = globalThis as unknown as Record<string, unknown>;
      return {
        counter: typeof w['counter'],
        counterDisplay: Object.keys(w['counterDisplay'] as object).sort(),
      };
    });
    expect(surface).toEqual({
      counter: 'undefined',
      counterDisplay: ['getDisplay', 'onDisplayChanged'],
    });
  });

  it('a whole demo sale through real IPC: Charge, the customer pays, both windows say Paid', async () => {
    const display = app.windows().find((w) => w.url().endsWith('#customer'))!;
    await cashier.getByLabel('Amount').fill('12.00');
    await cashier.getByRole('button', { name: /^Charge/ }).click();
    const url = await scanQr(cashier);
    const pressed = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ action: 'success', last_name: 'Sandbox' }).toString(),
      redirect: 'manual',
    });
    expect(pressed.status).toBe(303);
    await cashier.getByRole('heading', { name: 'Paid' }).waitFor({ timeout: 20_000 });
    await display
      .getByText(/支付成功|Paid/)
      .first()
      .waitFor({ timeout: 20_000 });
  });
});
