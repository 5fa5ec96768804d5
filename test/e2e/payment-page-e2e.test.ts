import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { scanQr, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';

/**
 * Payment Page link mode end to end: the customer scans the QR with the phone's camera,
 * the phone opens the sandbox's Payment Page, presses Pay, gives a last name, and presses Success
 * or Decline; the counter learns the result by polling.
 */
describe('Payment Page link mode in the browser', () => {
  const ui = useBrowserCounter();

  async function sale(
    amount: string,
    button: 'Success' | 'Decline',
  ): Promise<{ cashier: Page; display: Page }> {
    await ui.start({
      settingsOverrides: { purchaseMode: 'payment_page' },
      paymentPagePollMs: 200,
    });
    const cashier = await ui.openCashier();
    const display = await ui.openDisplay();
    await cashier.getByLabel('Amount').fill(amount);
    await cashier.keyboard.press('Enter');
    const link = await scanQr(cashier);
    expect(link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/payment\?project_id=1001&payment_id=DEMO-/);
    // The display speaks its own language: Simplified Chinese unless Settings says otherwise.
    await expect
      .poll(() => display.getByText('请用手机相机扫码，再用支付宝付款').isVisible())
      .toBe(true);
    await expect.poll(() => cashier.getByText(/pays on the Payment Page/).isVisible()).toBe(true);
    await screenshot(display, `30-customer-link-${button.toLowerCase()}`);
    await screenshot(cashier, `30-cashier-link-${button.toLowerCase()}`);

    const phone = ui.track(
      await ui.browser.newPage({ viewport: { width: 390, height: 760 }, isMobile: true }),
    );
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
    // Gate's own words are behind Details.
    await cashier.getByText('Details', { exact: true }).click();
    await expect.poll(() => cashier.getByText(/General decline/).isVisible()).toBe(true);
  });
});
