import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { customerPays, scanQr, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';

/**
 * The cashier in their own language, taken from the browser's: amounts typed with the
 * language's decimal mark, a sale that did not go through charged again with one key, the next
 * sale back in the store's currency, and every change of the sale said in a live region.
 */
describe('the cashier in English, Simplified Chinese and German', () => {
  const ui = useBrowserCounter();

  /** What each language shows; the browser's locale picks it. */
  const LANGUAGES = [
    {
      browser: 'en-US',
      lang: 'en',
      mark: '.',
      typed: '88.00',
      shown: 'CN¥88.00',
      waiting: 'Waiting for the customer to scan and pay',
      declined: 'Declined',
      sentence: /Ask the customer to try again, or to pay another way/,
      tryAgain: /^Try again/,
      announced: 'Declined: CN¥88.00.',
    },
    {
      browser: 'zh-CN',
      lang: 'zh-Hans',
      mark: '.',
      typed: '88.00',
      shown: '¥88.00',
      waiting: '等待顾客扫码付款',
      declined: '支付失败',
      sentence: /请顾客重试，或换一种方式付款/,
      tryAgain: /^重试/,
      announced: '支付失败：¥88.00。',
    },
    {
      browser: 'de-DE',
      lang: 'de',
      mark: ',',
      typed: '88,00',
      shown: '88,00\u00a0CN¥',
      waiting: 'Warten auf Zahlung: Kunde scannt und bezahlt',
      declined: 'Abgelehnt',
      sentence: /Den Kunden bitten, es erneut zu versuchen/,
      tryAgain: /^Erneut versuchen/,
      announced: 'Abgelehnt: 88,00\u00a0CN¥.',
    },
  ] as const;

  /** The live region that says the sale's state: polite, and there on every screen. */
  const liveRegion = (page: Page) => page.locator('.sale-announcer');

  for (const language of LANGUAGES) {
    it(`${language.browser}: typed with "${language.mark}", declined, then Try again (R) charges the same amount`, async () => {
      await ui.start();
      const cashier = await ui.openCashier({ locale: language.browser });
      expect(await cashier.locator('html').getAttribute('lang')).toBe(language.lang);
      expect(await liveRegion(cashier).getAttribute('role')).toBe('status');
      expect(await liveRegion(cashier).getAttribute('aria-live')).toBe('polite');
      await expect.poll(() => cashier.locator('h1').count()).toBe(1);

      // The keypad's decimal key is the language's own mark.
      for (const key of ['8', '8', language.mark, '00'])
        await cashier.getByRole('button', { name: key, exact: true }).click();
      expect(await cashier.locator('#amount').inputValue()).toBe(language.typed);
      await screenshot(cashier, `lang-${language.lang}-01-sale-typed`);
      await cashier.keyboard.press('Enter');

      const url = await scanQr(cashier);
      await cashier.getByRole('heading', { name: language.waiting }).waitFor();
      await expect.poll(() => cashier.locator('.big-amount').textContent()).toBe(language.shown);
      const first = await activePayment();
      expect(first).toMatchObject({ amount: 8800, currency: 'CNY' });
      await screenshot(cashier, `lang-${language.lang}-02-waiting`);

      ui.track(await customerPays(ui.browser, url, 'Decline'));
      await cashier.getByRole('heading', { name: language.declined }).waitFor();
      await expect.poll(() => liveRegion(cashier).textContent()).toBe(language.announced);
      await expect.poll(() => cashier.getByText(language.sentence).isVisible()).toBe(true);
      // Gate's own words stay behind Details, closed.
      expect(await cashier.locator('details.details').getAttribute('open')).toBeNull();
      await expect.poll(() => cashier.locator('h1').count()).toBe(1);
      const tryAgain = cashier.getByRole('button', { name: language.tryAgain });
      expect(await tryAgain.isVisible()).toBe(true);
      await screenshot(cashier, `lang-${language.lang}-03-declined`);

      await cashier.keyboard.press('r');
      await cashier.getByRole('heading', { name: language.waiting }).waitFor();
      await expect.poll(async () => (await activePayment())?.id).not.toBe(first?.id);
      expect(await activePayment()).toMatchObject({ amount: 8800, currency: 'CNY' });
      await expect.poll(() => cashier.locator('.big-amount').textContent()).toBe(language.shown);
    });
  }

  it('after an EUR sale, New sale is back in the store currency, the amount empty', async () => {
    await ui.start();
    const cashier = await ui.openCashier({ locale: 'en-GB' });
    expect(await cashier.getByLabel('Currency').inputValue()).toBe('CNY');
    await cashier.getByLabel('Currency').selectOption('EUR');
    await cashier.locator('#amount').fill('20.00');
    await cashier.keyboard.press('Enter');
    await scanQr(cashier);
    await cashier.keyboard.press('Escape');
    await cashier.getByRole('heading', { name: 'Sale cancelled' }).waitFor();
    await expect.poll(() => liveRegion(cashier).textContent()).toBe('Sale cancelled: €20.00.');

    await cashier.keyboard.press('Enter');
    await cashier.locator('#amount').waitFor();
    expect(await cashier.getByLabel('Currency').inputValue()).toBe('CNY');
    expect(await cashier.locator('#amount').inputValue()).toBe('');
  });

  it('an expired QR offers Try again in EUR; a German amount that could be read two ways is refused in German', async () => {
    await ui.start({ demo: { sandbox: { qrTimeoutSeconds: 2 } } });
    const cashier = await ui.openCashier({ locale: 'de-DE' });
    await cashier.locator('#amount').fill('1.250');
    await cashier.keyboard.press('Enter');
    await expect
      .poll(() => cashier.locator('#amount-error').textContent())
      .toMatch(/^„1\.250“ ist nicht eindeutig\./);
    expect(ui.counter.sandbox!.stats().requests.sale).toBe(0);

    await cashier.getByLabel('Währung').selectOption('EUR');
    await cashier.locator('#amount').fill('12,50');
    await cashier.keyboard.press('Enter');
    await scanQr(cashier);
    await cashier.getByRole('heading', { name: 'QR-Code abgelaufen' }).waitFor({ timeout: 5000 });
    await cashier.getByRole('button', { name: /^Erneut versuchen/ }).click();
    await scanQr(cashier);
    expect(await activePayment()).toMatchObject({ amount: 1250, currency: 'EUR' });
    await expect.poll(() => cashier.locator('.big-amount').textContent()).toBe('12,50\u00a0€');
  });

  async function activePayment() {
    const session = await ui.counter.handlers['session:get']({});
    return session.ok ? session.value.active : null;
  }
});
