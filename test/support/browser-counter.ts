import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Counter } from '../../src/main/app/create-counter';
import type { WebShell } from '../../src/main/web-shell/web-shell';
import { launchChromium, serveCounter } from './browser-harness';
import { startDemoCounter } from './counter-harness';

/** A demo counter served to Chromium through the browser shell, for one E2E test at a time. */
export interface BrowserCounter {
  readonly browser: Browser;
  /** The running counter; throws before `start`. */
  readonly counter: Counter;
  /** The browser shell serving it; throws before `start`. */
  readonly shell: WebShell;
  /** Starts a demo counter (with `config`) and serves its UI. */
  start(config?: Parameters<typeof startDemoCounter>[0]): Promise<Counter>;
  /** Stops the shell and the counter, as a crash or a restart would; pages stay open. */
  stop(): Promise<void>;
  /**
   * The cashier window at 1280×800, failing the test on any page error, ready to type; `locale`
   * is the browser's language (navigator.language), which the cashier window follows.
   */
  openCashier(options?: { acceptDownloads?: boolean; locale?: string }): Promise<Page>;
  /** The customer display at 1280×800 (or `viewport`), in the language its setting says. */
  openDisplay(options?: {
    viewport?: { width: number; height: number };
    /** Called before the page loads: a test installs its clock here. */
    beforeLoad?: (page: Page) => Promise<void>;
  }): Promise<Page>;
  /** Closes `page` after the test. */
  track(page: Page): Page;
}

/**
 * Registers the hooks of a browser E2E suite: one Chromium for the suite; after each test, its
 * pages, shell and counter closed. Call once at the top of a `describe`.
 */
export function useBrowserCounter(): BrowserCounter {
  let browser: Browser | undefined;
  let counter: Counter | undefined;
  let shell: WebShell | undefined;
  const pages: Page[] = [];
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running: call start() first`);
    return value;
  };

  const ui: BrowserCounter = {
    get browser() {
      return need(browser, 'Chromium');
    },
    get counter() {
      return need(counter, 'the counter');
    },
    get shell() {
      return need(shell, 'the browser shell');
    },
    async start(config = {}) {
      counter = await startDemoCounter(config);
      shell = await serveCounter(counter);
      return counter;
    },
    async stop() {
      await shell?.close();
      await counter?.close();
      shell = undefined;
      counter = undefined;
    },
    async openCashier(options = {}) {
      const page = ui.track(
        await ui.browser.newPage({ viewport: { width: 1280, height: 800 }, ...options }),
      );
      page.on('pageerror', (error) => {
        throw error;
      });
      await page.goto(ui.shell.cashierUrl);
      await page.locator('#amount').waitFor();
      return page;
    },
    async openDisplay(options = {}) {
      const viewport = options.viewport ?? { width: 1280, height: 800 };
      const page = ui.track(await ui.browser.newPage({ viewport }));
      await options.beforeLoad?.(page);
      await page.goto(ui.shell.customerUrl);
      // Its name is in the display's own language (Simplified Chinese unless set otherwise).
      await page.locator('main.customer').waitFor();
      return page;
    },
    track(page) {
      pages.push(page);
      return page;
    },
  };

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    await ui.stop();
  });
  return ui;
}
