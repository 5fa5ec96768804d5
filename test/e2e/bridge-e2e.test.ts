import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { customerPays, scanQr } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';

/** Opens a page that records CSP violations and console errors from its first script on. */
async function watched(page: Page, url: string) {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  // Page code as text: the tests' tsconfig has no DOM types.
  await page.addInitScript({
    content: `
      const seen = [];
      Object.defineProperty(window, '__violations', { value: seen });
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(event.violatedDirective + ' at ' + event.sourceFile + ':' + event.lineNumber));
    `,
  });
  await page.goto(url);
  const violations = () => page.evaluate<string[]>('window.__violations');
  return { errors, violations };
}

/**
 * Every answer and event reaches the screens through the renderer's schema check. It must
 * refuse nothing main sends in a whole sale, and must run under the windows' CSP, which has no
 * 'unsafe-eval': zod must not even probe for eval.
 */
describe('the checked bridge in the browser', () => {
  const ui = useBrowserCounter();

  it('a whole sale on both screens: no answer refused, no CSP violation', async () => {
    await ui.start();
    const cashier = ui.track(await ui.browser.newPage());
    const display = ui.track(await ui.browser.newPage());
    const onCashier = await watched(cashier, ui.shell.cashierUrl);
    const onDisplay = await watched(display, ui.shell.customerUrl);

    await cashier.getByLabel('Amount').fill('12.00');
    await cashier.getByRole('button', { name: /^Charge/ }).click();
    const url = await scanQr(cashier);
    expect(await scanQr(display)).toBe(url);
    ui.track(await customerPays(ui.browser, url, 'Success'));
    await cashier.getByRole('heading', { name: 'Paid' }).waitFor();
    await display.getByText('支付成功').waitFor();

    for (const page of [onCashier, onDisplay]) {
      expect(await page.violations()).toEqual([]);
      expect(page.errors).toEqual([]);
    }
  });
});
