import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForPayment } from '../support/counter-harness';
import { screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';

/** The words each language uses on the screens this file checks (its catalogue, area `shell`). */
const WORDS = {
  'en-GB': {
    html: 'en',
    payLink: 'Pay as the customer',
    noAccess: 'This link cannot open the counter',
    missing: /no access key/,
    wrong: /not the running counter's/,
    where: /terminal window that started the counter/,
    lost: /The counter is not answering/,
  },
  'zh-CN': {
    html: 'zh-Hans',
    payLink: '以顾客身份付款',
    noAccess: '此链接无法打开收银台',
    missing: /缺少访问密钥/,
    wrong: /与正在运行的收银台不符/,
    where: /启动收银台的终端窗口/,
    lost: /收银台没有响应/,
  },
  'de-DE': {
    html: 'de',
    payLink: 'Als Kunde bezahlen',
    noAccess: 'Dieser Link öffnet die Kasse nicht',
    missing: /fehlt der Zugangsschlüssel/,
    wrong: /gehört nicht zur laufenden Kasse/,
    where: /Terminalfenster/,
    lost: /Die Kasse antwortet nicht/,
  },
} as const;

type BrowserLocale = keyof typeof WORDS;
const LANGUAGES = Object.keys(WORDS) as BrowserLocale[];

/**
 * The browser shell as a person trying the demo meets it, in the browser's language: paying a
 * sale by hand from the waiting screen's link, and a link without (or with an old) access key.
 */
describe('the demo and the browser shell, in the browser’s language', () => {
  const ui = useBrowserCounter();

  async function openPage(locale: BrowserLocale, url: string): Promise<Page> {
    const page = ui.track(
      await ui.browser.newPage({ viewport: { width: 1280, height: 800 }, locale }),
    );
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(url);
    return page;
  }

  /** The cashier window, drawn in the browser's language and ready for digits. */
  async function openCashier(locale: BrowserLocale): Promise<Page> {
    const page = await openPage(locale, ui.shell.cashierUrl);
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(WORDS[locale].html);
    await page.locator('input').first().waitFor();
    return page;
  }

  for (const locale of LANGUAGES) {
    const words = WORDS[locale];

    it(`${locale}: the waiting screen links to the customer's page, and paying there settles the sale`, async () => {
      await ui.start();
      const cashier = await openCashier(locale);
      await cashier.keyboard.type('20');
      await cashier.keyboard.press('Enter');
      const link = cashier.getByRole('link', { name: words.payLink });
      await link.waitFor();
      await screenshot(cashier, `shell-${locale}-waiting-pay-link`);

      const [phone] = await Promise.all([cashier.waitForEvent('popup'), link.click()]);
      ui.track(phone);
      expect(phone.url()).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/customer\/[0-9a-f]{32}$/);
      await phone.getByRole('button', { name: /^Success/ }).click();

      const session = await ui.counter.handlers['session:get']({});
      const paymentId = session.ok ? (session.value.active?.id ?? '') : '';
      await waitForPayment(ui.counter, paymentId, (p) => p.state === 'succeeded');
      // The sale on screen ended: the link goes with the QR.
      await link.waitFor({ state: 'detached' });
    });

    it(`${locale}: a link without its access key says so and where the right one is printed`, async () => {
      await ui.start();
      const origin = new URL(ui.shell.cashierUrl).origin;
      const page = await openPage(locale, `${origin}/`);
      await page.getByRole('heading', { level: 1, name: words.noAccess }).waitFor();
      await expect.poll(() => page.getByText(words.missing).isVisible()).toBe(true);
      await expect.poll(() => page.getByText(words.where).isVisible()).toBe(true);
      expect(await page.locator('html').getAttribute('lang')).toBe(words.html);
      // Nothing of the cashier: no amount to type, no Charge to press.
      expect(await page.locator('input, button').count()).toBe(0);
      await screenshot(page, `shell-${locale}-no-access-key`);

      // The customer display's link without the key, and one from an earlier run, alike.
      const display = await openPage(locale, `${origin}/#customer`);
      await display.getByRole('heading', { level: 1, name: words.noAccess }).waitFor();
      const old = await openPage(locale, `${origin}/?token=${'0'.repeat(48)}`);
      await expect.poll(() => old.getByText(words.wrong).isVisible()).toBe(true);
      expect(await old.locator('input, button').count()).toBe(0);
    });

    it(`${locale}: when the counter stops answering, the window says so instead of a cashier that cannot charge`, async () => {
      await ui.start();
      const cashier = await openCashier(locale);
      await ui.stop();
      const alert = cashier.getByRole('alert').filter({ hasText: words.lost });
      await alert.waitFor();
      await screenshot(cashier, `shell-${locale}-connection-lost`);
    });
  }
});
