import type { Browser, Page } from 'playwright-core';
import { createCounter } from '../../src/main/app/create-counter';
import { DEMO_MANAGER_PIN } from '../../src/main/app/demo-mode';
import { createMemorySecretStore } from '../../src/main/secrets/secret-store';
import { createSandbox } from '../../src/sandbox';
import {
  CUSTOMER_LOCALES,
  type CustomerLocale,
  type DisplayLocale,
} from '../../src/shared/i18n/locales';
import { serveCounter } from './browser-harness';
import { tourStaff } from './staff-tour';
import {
  FAST_PIN,
  pressOnSandbox,
  startDemoCounter,
  tempDataDir,
  TEST_SECRET,
  waitForPayment,
} from './counter-harness';

/** The browser locale that gets each of the counter's languages from `navigator.language`. */
export const BROWSER_LOCALES: Readonly<Record<DisplayLocale, string>> = {
  en: 'en-GB',
  'zh-Hans': 'zh-CN',
  'zh-Hant': 'zh-TW',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
  it: 'it-IT',
  'en-XA': 'en-XA',
};

function isCustomerLocale(locale: DisplayLocale): locale is CustomerLocale {
  return (CUSTOMER_LOCALES as readonly string[]).includes(locale);
}

/** Called on each screen of the tour, once it is drawn; `name` is file-name safe. */
export type VisitScreen = (name: string, page: Page) => Promise<void>;

export const CASHIER_VIEWPORT = { width: 1280, height: 800 };
const DISPLAY_VIEWPORT = { width: 1024, height: 600 };

/** The header's sections, in the order the header draws them (no words: any language). */
const NAV = { counter: 0, history: 1, reports: 2, settings: 3 } as const;

export async function openIn(
  browser: Browser,
  locale: DisplayLocale,
  url: string,
  viewport: { width: number; height: number },
): Promise<Page> {
  const page = await browser.newPage({ viewport, locale: BROWSER_LOCALES[locale] });
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(url);
  return page;
}

/** Waits (10 s at most) until `check` answers true; the tour runs outside tests too. */
export async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the app has drawn in `locale` (IntlRoot sets `<html lang>` once it has). */
export async function drawnIn(page: Page, locale: DisplayLocale): Promise<void> {
  await until(
    `the page in ${locale}`,
    async () => (await page.locator('html').getAttribute('lang')) === locale,
  );
}

/**
 * Opens a header section; where it asks for the manager PIN first, shows that dialog to `visit`
 * as `<section>-pin` and enters the demo's PIN.
 */
async function openSection(
  page: Page,
  section: keyof typeof NAV,
  visit: VisitScreen,
): Promise<void> {
  const button = page.locator('header nav button').nth(NAV[section]);
  await button.click();
  const dialog = page.getByRole('dialog');
  const opened = async () => (await button.getAttribute('aria-pressed')) === 'true';
  await until(`${section} or its PIN`, async () => (await dialog.count()) > 0 || (await opened()));
  if ((await dialog.count()) > 0) {
    await visit(`${section}-pin`, page);
    await dialog.locator('input').first().fill(DEMO_MANAGER_PIN);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await until(`${section} after the PIN`, opened);
  }
}

/** Charges `amount` from the keyboard and waits for the QR; returns the sale's id. */
async function chargeByKeyboard(page: Page, counter: Counter, amount: string): Promise<string> {
  await page.locator('input').first().waitFor();
  await page.keyboard.type(amount);
  await page.keyboard.press('Enter');
  await page.locator('img.qr').waitFor();
  const session = await counter.handlers['session:get']({});
  return session.ok ? (session.value.active?.id ?? '') : '';
}

type Counter = Awaited<ReturnType<typeof startDemoCounter>>;

/**
 * The cashier's and the manager's screens of a demo counter in one language, as a person moves
 * through them: ready, a sale waiting, paid, declined, History, Reports, each Settings section.
 */
export async function tourCashier(
  browser: Browser,
  locale: DisplayLocale,
  visit: VisitScreen,
): Promise<void> {
  const counter = await startDemoCounter();
  const shell = await serveCounter(counter);
  const page = await openIn(browser, locale, shell.cashierUrl, CASHIER_VIEWPORT);
  try {
    await drawnIn(page, locale);
    await page.locator('input').first().waitFor();
    await visit('cashier-ready', page);

    const paid = await chargeByKeyboard(page, counter, '12');
    await page.locator('.demo-pay a').waitFor();
    await visit('cashier-waiting', page);
    await pressOnSandbox(counter.sandbox!, paid, 'success');
    await waitForPayment(counter, paid, (p) => p.state === 'succeeded');
    await page.locator('img.qr').waitFor({ state: 'detached' });
    await visit('cashier-paid', page);

    await counter.handlers['session:new-sale']({});
    const declined = await chargeByKeyboard(page, counter, '13');
    await pressOnSandbox(counter.sandbox!, declined, 'decline');
    await waitForPayment(counter, declined, (p) => p.state === 'declined');
    await page.locator('img.qr').waitFor({ state: 'detached' });
    await visit('cashier-declined', page);
    await counter.handlers['session:new-sale']({});

    // Esc on the waiting screen cancels the sale.
    const cancelled = await chargeByKeyboard(page, counter, '14');
    await page.keyboard.press('Escape');
    await waitForPayment(counter, cancelled, (p) => p.cancelledAt !== null);
    await page.locator('img.qr').waitFor({ state: 'detached' });
    await visit('cashier-cancelled', page);
    await counter.handlers['session:new-sale']({});
    await page.locator('input').first().waitFor();

    await openSection(page, 'history', visit);
    await visit('history', page);
    await openSection(page, 'reports', visit);
    await visit('reports', page);
    await openSection(page, 'settings', visit);
    await visit('settings', page);
    // Settings' own side list, where it has one: each section in turn.
    const sections = page.locator('main nav button, main nav a, main [role="tab"]');
    const count = await sections.count();
    for (let i = 0; i < count; i++) {
      await sections.nth(i).click();
      await visit(`settings-section-${i + 1}`, page);
    }
  } finally {
    await page.close();
    await shell.close();
    await counter.close();
  }
}

/**
 * The customer display: welcome, the QR with the amount, paid. It has its own language setting:
 * set to `locale` where the display speaks it (English and both Chinese), else its default.
 */
export async function tourDisplay(
  browser: Browser,
  locale: DisplayLocale,
  visit: VisitScreen,
): Promise<void> {
  const counter = await startDemoCounter();
  if (isCustomerLocale(locale)) {
    const set = await counter.handlers['settings:update']({
      customerLanguage: locale,
      pin: DEMO_MANAGER_PIN,
    });
    if (!set.ok) throw new Error(`the display's language was refused: ${set.error.message}`);
  }
  const shell = await serveCounter(counter);
  const page = await openIn(browser, locale, shell.customerUrl, DISPLAY_VIEWPORT);
  try {
    await page.locator('main').waitFor();
    await drawnIn(page, isCustomerLocale(locale) ? locale : 'zh-Hans');
    await visit('display-welcome', page);
    const charged = await counter.handlers['payments:charge']({ amount: '88.00', currency: 'CNY' });
    if (!charged.ok) throw new Error(`charge refused: ${charged.error.message}`);
    await page.locator('img.qr').waitFor();
    await visit('display-waiting', page);
    await pressOnSandbox(counter.sandbox!, charged.value.id, 'success');
    await waitForPayment(counter, charged.value.id, (p) => p.state === 'succeeded');
    await page.locator('img.qr').waitFor({ state: 'detached' });
    await visit('display-paid', page);
  } finally {
    await page.close();
    await shell.close();
    await counter.close();
  }
}

/** A live counter's first screen, before it is set up (against a sandbox on this machine). */
export async function tourFirstRun(
  browser: Browser,
  locale: DisplayLocale,
  visit: VisitScreen,
): Promise<void> {
  const sandbox = await createSandbox({ projects: [{ id: 4242, secret: TEST_SECRET }] });
  const counter = await createCounter({
    pinCost: FAST_PIN,
    dataDir: tempDataDir(),
    mode: 'live',
    secretStore: createMemorySecretStore({}),
    settingsOverrides: { gateUrl: sandbox.url, paymentPageUrl: sandbox.url, callbackPort: 0 },
  });
  const shell = await serveCounter(counter);
  const page = await openIn(browser, locale, shell.cashierUrl, CASHIER_VIEWPORT);
  try {
    await drawnIn(page, locale);
    await page.locator('h1, h2').first().waitFor();
    await page.locator('input').first().waitFor();
    await visit('first-run', page);
  } finally {
    await page.close();
    await shell.close();
    await counter.close();
    await sandbox.close();
  }
}

/**
 * The browser shell's own pages: a link without its access key, and a cashier window whose
 * counter stopped answering.
 */
export async function tourShellPages(
  browser: Browser,
  locale: DisplayLocale,
  visit: VisitScreen,
): Promise<void> {
  const counter = await startDemoCounter();
  const shell = await serveCounter(counter);
  const page = await openIn(
    browser,
    locale,
    `${new URL(shell.cashierUrl).origin}/`,
    CASHIER_VIEWPORT,
  );
  const cashier = await openIn(browser, locale, shell.cashierUrl, CASHIER_VIEWPORT);
  try {
    await page.locator('h1').waitFor();
    await visit('no-access-key', page);
    await drawnIn(cashier, locale);
    await shell.close();
    await cashier.locator('.connection-lost').waitFor();
    await visit('connection-lost', cashier);
  } finally {
    await page.close();
    await cashier.close();
    await shell.close();
    await counter.close();
  }
}

/** Every screen of the counter in one language, in the order a person meets them. */
export async function tourAll(
  browser: Browser,
  locale: DisplayLocale,
  visit: VisitScreen,
): Promise<void> {
  await tourCashier(browser, locale, visit);
  await tourStaff(browser, locale, visit);
  await tourDisplay(browser, locale, visit);
  await tourFirstRun(browser, locale, visit);
  await tourShellPages(browser, locale, visit);
}
