import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRendererBuilt } from '../support/browser-harness';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The Electron binary, if this machine has one (it cannot be downloaded on the build machines here). */
function electronBinary(): string | undefined {
  const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();
const title = binary
  ? 'Electron shell (Playwright _electron)'
  : 'Electron shell: skipped, no Electron binary on this machine (its release host is unreachable; see README)';

if (!binary) console.log(title);

describe.skipIf(!binary)(title, () => {
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
        'listReports',
        'newSale',
        'onLatePayment',
        'onPaymentUpdated',
        'onPrintStatusChanged',
        'onSessionChanged',
        'onSettingsChanged',
        'previewSlip',
        'printReceipt',
        'printReport',
        'refund',
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
});
