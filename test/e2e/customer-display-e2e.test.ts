import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO_MANAGER_PIN } from '../../src/main/app/demo-mode';
import { customerPays, scanQr, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';

const MERCHANT = 'Jade Tea Room';
const DISPLAY_SIZE = { width: 1024, height: 600 };

/**
 * The customer display as a visitor reads it from across the counter, at 1024×600: the shop's
 * name on every screen, the amount on every screen of a sale, Chinese words never cut in two,
 * and the welcome screen again ten seconds after a result, by the display's own clock.
 */
describe('the customer display', () => {
  const ui = useBrowserCounter();

  async function setUp(): Promise<{ cashier: Page; display: Page }> {
    await ui.start();
    const saved = await ui.counter.handlers['settings:update']({
      merchantName: MERCHANT,
      pin: DEMO_MANAGER_PIN,
    });
    expect(saved.ok).toBe(true);
    const display = await ui.openDisplay({
      viewport: DISPLAY_SIZE,
      beforeLoad: (page) => page.clock.install(),
    });
    const cashier = await ui.openCashier();
    return { cashier, display };
  }

  /** The vertical position of each character of `word` inside `selector`'s text. */
  async function linesOf(page: Page, selector: string, word: string): Promise<number[]> {
    return page.locator(selector).evaluate((element, word) => {
      const text = element.firstChild;
      const start = element.textContent?.indexOf(word) ?? -1;
      if (!text || start < 0) return [];
      return [...word].map((_, i) => {
        const range = element.ownerDocument.createRange();
        range.setStart(text, start + i);
        range.setEnd(text, start + i + 1);
        return Math.round(range.getBoundingClientRect().top);
      });
    }, word);
  }

  it('in Simplified Chinese: the merchant and the amount throughout, 支付宝 whole, welcome again 10 s after Paid', async () => {
    const { cashier, display } = await setUp();
    expect(await display.locator('html').getAttribute('lang')).toBe('zh-Hans');
    await display.getByRole('heading', { name: '欢迎光临' }).waitFor();
    expect(await display.getByText(MERCHANT).isVisible()).toBe(true);
    await screenshot(display, 'display-zh-Hans-01-welcome');

    await cashier.locator('#amount').fill('88.00');
    await cashier.keyboard.press('Enter');
    await scanQr(display);
    await display.getByRole('heading', { name: '请使用支付宝扫码付款' }).waitFor();
    expect(await display.getByText(MERCHANT).isVisible()).toBe(true);
    expect(await display.locator('.customer-amount').textContent()).toBe('¥88.00');
    const lines = await linesOf(display, 'main h1', '支付宝');
    expect(lines).toHaveLength(3);
    expect(new Set(lines).size).toBe(1);
    await screenshot(display, 'display-zh-Hans-02-pay');

    ui.track(await customerPays(ui.browser, await scanQr(cashier), 'Success'));
    await display.getByRole('heading', { name: '支付成功' }).waitFor();
    expect(await display.getByText(MERCHANT).isVisible()).toBe(true);
    expect(await display.locator('.customer-amount').textContent()).toBe('¥88.00');
    await screenshot(display, 'display-zh-Hans-03-paid');

    // The result stays for ten seconds of the display's clock, then the next customer is welcomed
    // while the cashier still has Paid on screen.
    await display.clock.fastForward(9_000);
    expect(await display.getByRole('heading', { name: '支付成功' }).isVisible()).toBe(true);
    await display.clock.fastForward(1_500);
    await display.getByRole('heading', { name: '欢迎光临' }).waitFor();
    expect(await display.getByText(MERCHANT).isVisible()).toBe(true);
    expect(await cashier.getByRole('heading', { name: 'Paid' }).isVisible()).toBe(true);
  });

  it('in English when Settings says so: a declined sale reads as not completed, with the merchant and the amount', async () => {
    const { cashier, display } = await setUp();
    const saved = await ui.counter.handlers['settings:update']({
      customerLanguage: 'en',
      pin: DEMO_MANAGER_PIN,
    });
    expect(saved.ok).toBe(true);
    await display.getByRole('heading', { name: 'Welcome' }).waitFor();
    expect(await display.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(display, 'display-en-01-welcome');

    await cashier.locator('#amount').fill('30.00');
    await cashier.keyboard.press('Enter');
    await display.getByRole('heading', { name: 'Scan with Alipay to pay' }).waitFor();
    await expect.poll(() => display.locator('.customer-amount').textContent()).toBe('CN¥30.00');
    expect(await display.getByText(MERCHANT).isVisible()).toBe(true);
    await screenshot(display, 'display-en-02-pay');

    ui.track(await customerPays(ui.browser, await scanQr(cashier), 'Decline'));
    await display.getByRole('heading', { name: 'Payment not completed' }).waitFor();
    expect(await display.getByText('Please ask the cashier').isVisible()).toBe(true);
    expect(await display.locator('.customer-amount').textContent()).toBe('CN¥30.00');
    await screenshot(display, 'display-en-03-declined');
  });
});
