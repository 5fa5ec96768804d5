import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Counter } from '../../src/main/app/create-counter';
import type { WebShell } from '../../src/main/web-shell/web-shell';
import { startDemoCounter } from '../support/counter-harness';
import { launchChromium, scanQr, screenshot, serveCounter } from '../support/browser-harness';

/**
 * Payment Page link mode end to end (issue 5): the customer scans the QR with the phone's camera,
 * the phone opens the sandbox's Payment Page, presses Pay, gives a last name, and presses Success
 * or Decline; the counter learns the result by polling.
 */
describe('Payment Page link mode in the browser', () => {
  let browser: Browser;
  let counter: Counter | undefined;
  let shell: WebShell | undefined;
  const pages: Page[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
    await shell?.close();
    await counter?.close();
    shell = undefined;
    counter = undefined;
  });

  async function sale(
    amount: string,
    button: 'Success' | 'Decline',
  ): Promise<{ cashier: Page; display: Page }> {
    counter = await startDemoCounter({
      settingsOverrides: { purchaseMode: 'payment_page' },
      paymentPagePollMs: 200,
    });
    shell = await serveCounter(counter);
    const cashier = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const display = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    pages.push(cashier, display);
    await cashier.goto(shell.cashierUrl);
    await display.goto(shell.customerUrl);
    await cashier.getByLabel('Amount').fill(amount);
    await cashier.keyboard.press('Enter');
    const link = await scanQr(cashier);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/payment\?project_id=1001&payment_id=DEMO-/);
    await expect
      .poll(() =>
        display.getByText("Scan with your phone's camera, then pay with Alipay").isVisible(),
      )
      .toBe(true);
    await expect.poll(() => cashier.getByText(/pays on the Payment Page/).isVisible()).toBe(true);
    await screenshot(display, `30-customer-link-${button.toLowerCase()}`);

    const phone = await browser.newPage({ viewport: { width: 390, height: 760 }, isMobile: true });
    pages.push(phone);
    await phone.goto(link);
    await phone.getByText('Pay with Alipay').waitFor();
    await screenshot(phone, `31-phone-payment-page-${button.toLowerCase()}`);
    await phone.getByRole('button', { name: /^Pay/ }).click();
    await phone.getByLabel(/Last name/).fill('Zhang');
    await phone.getByRole('button', { name: new RegExp(`^${button}`) }).click();
    return { cashier, display };
  }

  it('a paid Payment Page purchase shows Paid on both screens', async () => {
    const { cashier, display } = await sale('58.00', 'Success');
    await cashier.getByRole('heading', { name: 'Paid' }).waitFor({ timeout: 5000 });
    await display.getByText('支付成功').waitFor();
    await screenshot(cashier, '32-link-paid');
  });

  it('a declined Payment Page purchase shows Declined', async () => {
    const { cashier } = await sale('58.00', 'Decline');
    await cashier.getByRole('heading', { name: 'Declined' }).waitFor({ timeout: 5000 });
    await expect.poll(() => cashier.getByText(/General decline/).isVisible()).toBe(true);
  });
});
