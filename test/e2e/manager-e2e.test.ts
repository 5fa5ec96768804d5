import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { customerPays, scanQr, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { openAsManager } from '../support/manager-session';

/** A store manager in Chromium: refunds under the PIN, the history, X and Z reports, CSV. */
describe('manager screens in the browser', () => {
  const ui = useBrowserCounter();

  async function open(): Promise<Page> {
    await ui.start();
    return ui.openCashier({ acceptDownloads: true });
  }

  async function sell(cashier: Page, amount: string): Promise<string> {
    await cashier.getByLabel('Amount').fill(amount);
    await cashier.keyboard.press('Enter');
    ui.track(await customerPays(ui.browser, await scanQr(cashier), 'Success'));
    await cashier.getByRole('heading', { name: 'Paid' }).waitFor();
    const session = await ui.counter.handlers['session:get']({});
    return session.ok ? session.value.active!.id : '';
  }

  async function enterPin(page: Page, title: RegExp, pin: string) {
    const dialog = page.getByRole('dialog', { name: title });
    await dialog.getByLabel('Manager PIN').fill(pin);
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    return dialog;
  }

  it('sale, partial refund with the PIN, a second refund for the rest; the history shows refunded', async () => {
    const cashier = await open();
    const paymentId = await sell(cashier, '100.00');
    // Refund results arrive a moment after the form's own reload: the detail must follow them.
    ui.counter.sandbox!.setFaults({ delayCallbacksMs: 400 });
    await cashier.getByRole('button', { name: 'Refund…' }).click();
    await cashier.getByRole('heading', { name: paymentId }).waitFor();
    await expect.poll(() => cashier.getByLabel('Refund amount').inputValue()).toBe('100.00');
    await cashier.getByLabel('Refund amount').fill('30.00');
    await cashier.getByLabel('Reason').fill('one cup returned');
    await cashier.getByRole('button', { name: 'Refund…' }).click();
    const dialog = cashier.getByRole('dialog', { name: /Refund 30\.00/ });
    await dialog.waitFor();
    await screenshot(cashier, '20-refund-pin');
    await enterPin(cashier, /Refund 30\.00/, '2468');
    await dialog.waitFor({ state: 'detached' });
    // The refund ends with a confirmation: how much, and what happens next.
    const done = cashier.getByRole('status').filter({ hasText: 'Refund of CN¥30.00 sent' });
    await done.waitFor();
    expect(await done.textContent()).toContain('returns the money to the customer’s account');
    await expect
      .poll(
        async () =>
          (await ui.counter.handlers['payments:get']({ paymentId })).ok &&
          ui.counter.journal.get(paymentId)?.state,
      )
      .toBe('partially_refunded');
    await cashier
      .getByRole('heading', { name: 'Back to history' })
      .or(cashier.getByRole('button', { name: 'Back to history' }))
      .first()
      .waitFor();
    await expect.poll(() => cashier.getByText('Partly refunded').first().isVisible()).toBe(true);
    await expect.poll(() => cashier.getByLabel('Refund amount').inputValue()).toBe('70.00');
    await screenshot(cashier, '21-payment-detail');

    await cashier.getByLabel('Reason').fill('the rest');
    await cashier.getByRole('button', { name: 'Refund…' }).click();
    await enterPin(cashier, /Refund 70\.00/, '2468');
    await expect.poll(() => ui.counter.journal.get(paymentId)?.state).toBe('refunded');
    await cashier.getByRole('button', { name: 'Back to history' }).click();
    const row = cashier.getByRole('row', { name: new RegExp(paymentId) });
    await expect.poll(() => row.getByText('refunded').isVisible()).toBe(true);
    await screenshot(cashier, '22-history');
  });

  it('five wrong PINs lock refunds, visibly', async () => {
    const cashier = await open();
    const paymentId = await sell(cashier, '20.00');
    await cashier.getByRole('button', { name: 'Refund…' }).click();
    await cashier.getByLabel('Reason').fill('test');
    await cashier.getByRole('button', { name: 'Refund…' }).click();
    const dialog = cashier.getByRole('dialog');
    for (let i = 1; i <= 5; i++) {
      await dialog.getByLabel('Manager PIN').fill('0000');
      await dialog.getByRole('button', { name: 'Confirm' }).click();
      if (i < 5)
        await expect.poll(() => dialog.getByRole('alert').textContent()).toContain(`${5 - i} tr`);
    }
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toMatch(/locked for 5 minutes more/);
    await screenshot(cashier, '23-pin-locked');
    await dialog.getByLabel('Manager PIN').fill('2468');
    await dialog.getByRole('button', { name: 'Confirm' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/locked/);
    expect(ui.counter.journal.get(paymentId)?.state).toBe('succeeded');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    // The lock is on the PIN of the manager called to the counter (the Demo manager's own).
    const manager = ui.counter.staff.directory.byName('Demo manager')!;
    expect(ui.counter.staff.pins.lockedUntil(manager)).toBeGreaterThan(Date.now());
  });

  it('an X and a Z report match the sales of the test; the Z starts a new period', async () => {
    const cashier = await open();
    await sell(cashier, '12.00');
    await cashier.getByRole('button', { name: /New sale/ }).click();
    await sell(cashier, '30.50');
    await openAsManager(cashier, 'Reports');
    const x = cashier.getByRole('article', { name: 'X report (so far)' });
    const cny = x.getByRole('row', { name: /^CNY/ });
    await expect.poll(() => cny.textContent()).toBe('CNY2CN¥42.500CN¥0.00CN¥42.5000');
    await screenshot(cashier, '24-x-report');
    await cashier.getByRole('button', { name: 'Close the day…' }).click();
    await cashier
      .getByRole('dialog', { name: 'Close the day' })
      .getByRole('button', { name: 'Close the day…' })
      .click();
    await enterPin(cashier, /Close the day/, '2468');
    const z = cashier.getByRole('article', { name: 'Z report 1' });
    await expect
      .poll(() => z.getByRole('row', { name: /^CNY/ }).textContent())
      .toBe('CNY2CN¥42.500CN¥0.00CN¥42.5000');
    await expect
      .poll(() => x.getByText('No payments or refunds in this period.').isVisible())
      .toBe(true);
    await screenshot(cashier, '25-z-report');
  });

  it('the history downloads as CSV with the payments in it; the receipt is in the window’s language', async () => {
    const cashier = await open();
    const first = await sell(cashier, '18.80');
    await cashier.getByRole('button', { name: /New sale/ }).click();
    const second = await sell(cashier, '66.60');
    await cashier.getByRole('button', { name: 'History' }).click();
    await cashier.getByRole('row', { name: new RegExp(first) }).waitFor();
    const [download] = await Promise.all([
      cashier.waitForEvent('download'),
      cashier.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^payments-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.startsWith('\ufeffpayment_id,created_at')).toBe(true);
    expect(csv).toContain(`${first},`);
    expect(csv).toContain(`${second},`);
    expect(csv).toMatch(/,66\.60,0\.00,CNY,succeeded,/);

    await cashier.getByRole('row', { name: new RegExp(second) }).click();
    await cashier.getByRole('button', { name: 'Receipt' }).click();
    const receipt = cashier.getByRole('region', { name: 'Receipt' });
    // The receipt on screen is in the window's language (English here), as the slip would be.
    await expect.poll(() => receipt.getByText('Payment receipt').isVisible()).toBe(true);
    await expect.poll(() => receipt.getByText('Paid', { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => receipt.getByText(second).isVisible()).toBe(true);
    await screenshot(cashier, '26-receipt');
  });
});
