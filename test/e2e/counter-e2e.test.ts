import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Counter } from '../../src/main/app/create-counter';
import { createSandbox, type Sandbox } from '../../src/sandbox';
import { tempDataDir, TEST_PROJECT, TEST_SECRET } from '../support/counter-harness';
import { customerPays, scanQr, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { openAsManager } from '../support/manager-session';

/**
 * End to end in Chromium through the browser shell: a cashier at the keyboard and a customer
 * with a phone, against the Gate sandbox. Screenshots of each screen go to
 * test-results/screenshots.
 */
describe('Alipay Counter in the browser', () => {
  const ui = useBrowserCounter();

  async function open(config: Parameters<typeof ui.start>[0] = {}): Promise<Page> {
    await ui.start(config);
    return ui.openCashier();
  }

  it('a paid sale: the customer scans the QR, presses Success, both screens show Paid', async () => {
    const cashier = await open();
    const display = await ui.openDisplay();
    await screenshot(cashier, '01-sale-empty');
    await screenshot(display, '01-customer-idle');
    await expect.poll(() => display.getByText('欢迎光临').isVisible()).toBe(true);

    await cashier.getByRole('button', { name: '8', exact: true }).click();
    await cashier.getByRole('button', { name: '8', exact: true }).click();
    await cashier.getByRole('button', { name: '.', exact: true }).click();
    await cashier.getByRole('button', { name: '00', exact: true }).click();
    await expect.poll(() => cashier.getByLabel('Amount').inputValue()).toBe('88.00');
    await screenshot(cashier, '02-sale-typed');
    await cashier.getByRole('button', { name: /^Charge/ }).click();

    const url = await scanQr(cashier);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/customer\/[0-9a-f]{32}$/);
    await expect
      .poll(() => cashier.getByRole('timer').textContent())
      .toMatch(/QR valid for (10:00|9:5\d)/);
    await expect.poll(() => cashier.getByText('CN¥88.00', { exact: true }).isVisible()).toBe(true);
    await screenshot(cashier, '03-waiting-qr');
    // The customer display shows the same QR, the amount, and the countdown in both languages.
    expect(await scanQr(display)).toBe(url);
    await expect.poll(() => display.getByText('请使用支付宝扫码付款').isVisible()).toBe(true);
    await expect.poll(() => display.getByRole('timer').textContent()).toMatch(/二维码有效时间/);
    await screenshot(display, '03-customer-qr');

    const phone = await customerPays(ui.browser, url, 'Success');
    ui.track(phone);
    await screenshot(phone, '04-phone-paid');
    await cashier.getByRole('heading', { name: 'Paid' }).waitFor();
    await expect.poll(() => cashier.getByText(/Payment DEMO-/).isVisible()).toBe(true);
    await display.getByText('支付成功').waitFor();
    await screenshot(cashier, '04-paid');
    await screenshot(display, '04-customer-paid');
    await cashier.getByRole('button', { name: /New sale/ }).click();
    await cashier.getByLabel('Amount').waitFor();
    await display.getByText('欢迎光临').waitFor();
  });

  it("a declined sale (400.00 CNY, test amount 40000) says what to do; Gate's message is behind Details", async () => {
    const cashier = await open();
    await cashier.getByLabel('Amount').fill('400.00');
    await cashier.keyboard.press('Enter');
    const phone = await customerPays(ui.browser, await scanQr(cashier), 'Success');
    ui.track(phone);
    await cashier.getByRole('heading', { name: 'Declined' }).waitFor();
    await expect.poll(() => cashier.getByText(/pay another way/).isVisible()).toBe(true);
    const gate = cashier.getByText('Insufficient funds on customer account (20105)');
    expect(await gate.isVisible()).toBe(false);
    await cashier.getByText('Details', { exact: true }).click();
    await expect.poll(() => gate.isVisible()).toBe(true);
    await screenshot(cashier, '05-declined');
  });

  it('an invalid amount explains itself and sends nothing', async () => {
    const cashier = await open();
    await cashier.getByLabel('Amount').fill('9.99');
    await cashier.keyboard.press('Enter');
    await expect
      .poll(() => cashier.getByRole('alert').first().textContent())
      .toBe('The minimum purchase is 10.00 CNY; 9.99 CNY is below it.');
    await cashier.getByLabel('Amount').fill('12.345');
    await cashier.getByRole('button', { name: /^Charge/ }).click();
    await expect
      .poll(() => cashier.getByRole('alert').first().textContent())
      .toBe('CNY has 2 decimal places: "12.345" has 3.');
    await screenshot(cashier, '06-invalid-amount');
    expect(ui.counter.sandbox!.stats().requests.sale).toBe(0);
  });

  it('the QR expires: its own screen on both sides', async () => {
    const cashier = await open({ demo: { sandbox: { qrTimeoutSeconds: 2 } } });
    const display = await ui.openDisplay();
    await cashier.getByLabel('Amount').fill('30.00');
    await cashier.keyboard.press('Enter');
    await scanQr(cashier);
    await cashier.getByRole('heading', { name: 'QR code expired' }).waitFor({ timeout: 5000 });
    await display.getByText('二维码已过期').waitFor();
    await screenshot(cashier, '07-qr-expired');
    await screenshot(display, '07-customer-expired');
    await cashier.keyboard.press('Enter');
    await cashier.getByLabel('Amount').waitFor();
  });

  it('cancel, then the customer pays anyway: the late-payment alert, and Keep', async () => {
    const cashier = await open();
    await cashier.getByLabel('Amount').fill('45.00');
    await cashier.keyboard.press('Enter');
    const url = await scanQr(cashier);
    await cashier.getByRole('button', { name: /Cancel/ }).click();
    await cashier.getByRole('heading', { name: 'Sale cancelled' }).waitFor();
    await screenshot(cashier, '08-cancelled');
    await cashier.getByRole('button', { name: /New sale/ }).click();
    await cashier.getByLabel('Amount').waitFor();

    ui.track(await customerPays(ui.browser, url, 'Success'));
    const alert = cashier.getByRole('alertdialog', { name: 'Late payment received' });
    await alert.waitFor();
    await expect.poll(() => alert.getByText('CN¥45.00').isVisible()).toBe(true);
    await screenshot(cashier, '09-late-payment');
    await alert.getByRole('button', { name: 'Keep payment' }).click();
    await alert.waitFor({ state: 'detached' });
    const sessions = await ui.counter.handlers['session:get']({});
    expect(sessions).toMatchObject({ ok: true, value: { lateAlerts: [] } });
  });

  it('an unknown outcome is settled after a restart', async () => {
    const sandbox: Sandbox = await createSandbox({
      projects: [{ id: TEST_PROJECT, secret: TEST_SECRET }],
    });
    try {
      const dataDir = tempDataDir();
      // Slow polling at first, so the unknown screen stays long enough to be checked.
      const cashier = await open({
        dataDir,
        sandboxUrl: sandbox.url,
        pollSchedule: { firstAfterMs: 10_000, maxIntervalMs: 10_000 },
      });
      sandbox.setFaults({
        requests: [{ endpoint: 'sale', action: 'cut_after' }],
        dropCallbacks: true,
      });
      await cashier.getByLabel('Amount').fill('50.00');
      await cashier.keyboard.press('Enter');
      await cashier.getByRole('heading', { name: 'Outcome not known yet' }).waitFor();
      await expect.poll(() => cashier.getByText(/Do not charge again/).isVisible()).toBe(true);
      await screenshot(cashier, '10-unknown');
      const session = await ui.counter.handlers['session:get']({});
      const paymentId = session.ok ? session.value.active!.id : '';

      // The counter goes down; meanwhile the customer pays; the counter comes back.
      await ui.stop();
      const truth = sandbox.payment(TEST_PROJECT, paymentId)!;
      const phone = await customerPays(ui.browser, sandbox.customerUrl(truth), 'Success');
      ui.track(phone);
      sandbox.setFaults({});
      await ui.start({ dataDir, sandboxUrl: sandbox.url });
      await cashier.goto(ui.shell.cashierUrl);
      await cashier.getByRole('heading', { name: 'Paid' }).waitFor({ timeout: 5000 });
      await screenshot(cashier, '11-settled-after-restart');
      expect(sandbox.stats().requests.sale).toBe(1);
    } finally {
      await sandbox.close();
    }
  });

  it('keyboard only: digits, Backspace, Enter to charge, Escape to cancel, Enter for a new sale', async () => {
    const cashier = await open();
    await cashier.keyboard.type('123');
    await cashier.keyboard.press('Backspace');
    await cashier.keyboard.type('.50');
    await expect.poll(() => cashier.getByLabel('Amount').inputValue()).toBe('12.50');
    await cashier.keyboard.press('Enter');
    await cashier.getByRole('img', { name: 'Alipay QR code' }).waitFor();
    await cashier.keyboard.press('Escape');
    await cashier.getByRole('heading', { name: 'Sale cancelled' }).waitFor();
    await cashier.keyboard.press('Enter');
    await cashier.getByLabel('Amount').waitFor();
    await expect
      .poll(() =>
        cashier
          .getByLabel('Amount')
          .evaluate((input) => input === input.ownerDocument.activeElement),
      )
      .toBe(true);
    await cashier.keyboard.type('20');
    await cashier.keyboard.press('Enter');
    const phone = await customerPays(ui.browser, await scanQr(cashier), 'Decline');
    ui.track(phone);
    await cashier.getByRole('heading', { name: 'Declined' }).waitFor();
    // Digits typed the moment the sale screen is back are kept: the answer to New sale, held
    // back until they are typed, must not wipe them.
    const lateAnswer = holdAnswer(ui.counter, 'session:new-sale');
    await cashier.keyboard.press('Enter');
    await cashier.getByLabel('Amount').waitFor();
    await cashier.keyboard.type('77');
    await lateAnswer.release();
    // A question the page asks now is answered after the late answer: once it is back, the
    // page has had the late one too.
    await cashier.evaluate(() =>
      (
        globalThis as unknown as { counter: { getSession(): Promise<unknown> } }
      ).counter.getSession(),
    );
    expect(await cashier.getByLabel('Amount').inputValue()).toBe('77');
  });

  it('settings: the secret is never shown; demo mode keeps the sandbox', async () => {
    const cashier = await open();
    await openAsManager(cashier, 'Settings');
    await cashier.getByRole('heading', { name: 'Settings' }).waitFor();
    await cashier.getByRole('button', { name: 'ecommpay account' }).click();
    const account = cashier.getByRole('region', { name: 'ecommpay account' });
    await account.getByText(/^Demo mode: the ecommpay account/).waitFor();
    expect(await account.getByLabel('Secret key').count()).toBe(0);
    expect(await cashier.content()).not.toContain(TEST_SECRET);
    await cashier.getByRole('button', { name: 'Store', exact: true }).click();
    const store = cashier.getByRole('form', { name: 'Store' });
    await store.getByLabel('Merchant name').fill('Jade Tea Room');
    await store.getByRole('button', { name: 'Save', exact: true }).click();
    // Settings opened under the manager session (demo PIN 2468): saving asks nothing more.
    await store.getByText('Saved.').waitFor();
    await screenshot(cashier, '12-settings');
    await cashier.getByRole('button', { name: 'Counter' }).click();
    await expect.poll(() => cashier.getByText('Jade Tea Room · DEMO').isVisible()).toBe(true);
  });
});

/**
 * Holds back the counter's answer to the next call on `channel` (the call itself runs at once),
 * as a busy main process might: `release` lets it go and resolves once it is on its way.
 */
function holdAnswer(counter: Counter, channel: 'session:new-sale') {
  const handlers = counter.handlers;
  const handle = handlers[channel];
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let answered!: () => void;
  const sent = new Promise<void>((resolve) => (answered = resolve));
  handlers[channel] = async (...args) => {
    const result = await handle(...args);
    handlers[channel] = handle;
    await opened;
    setImmediate(answered);
    return result;
  };
  return {
    async release() {
      open();
      await sent;
    },
  };
}
