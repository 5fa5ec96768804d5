import { describe, expect, it } from 'vitest';
import { createCounter } from '../../src/main/app/create-counter';
import { createMemorySecretStore } from '../../src/main/secrets/secret-store';
import { startWebShell } from '../../src/main/web-shell/web-shell';
import { createSandbox } from '../../src/sandbox';
import { scanQr, screenshot, serveCounter, RENDERER_DIR } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { openAsManager } from '../support/manager-session';
import { tempDataDir, TEST_SECRET } from '../support/counter-harness';
import { FAST_PIN } from '../support/counter-harness';

/**
 * What a live ecommpay project brings to the screens: the first-run walk-through, a sale Gate
 * cannot show as a QR, and Gate's answers failing their signature. In Chromium, through the
 * browser shell (a live counter only against a sandbox on this machine).
 */
describe('live Gate screens in the browser', () => {
  const ui = useBrowserCounter();

  it('first run: PIN, then the Store, ecommpay account and Customer page sections, then the test; then selling', async () => {
    const sandbox = await createSandbox({ projects: [{ id: 4242, secret: TEST_SECRET }] });
    const counter = await createCounter({
      pinCost: FAST_PIN,
      dataDir: tempDataDir(),
      mode: 'live',
      secretStore: createMemorySecretStore({}),
      connectionTestTimeoutMs: 3000,
      settingsOverrides: { gateUrl: sandbox.url, paymentPageUrl: sandbox.url, callbackPort: 0 },
    });
    const shell = await serveCounter(counter);
    try {
      const page = ui.track(await ui.browser.newPage({ viewport: { width: 1280, height: 800 } }));
      await page.goto(shell.cashierUrl);
      await page.getByRole('heading', { name: 'Set up this counter' }).waitFor();
      // Nothing to charge with until the walk-through is done.
      expect(await page.getByLabel('Amount').count()).toBe(0);
      await screenshot(page, '40-first-run-pin');

      // A live counter's new PIN has 6 to 8 digits: the form says so before anything is sent,
      // and a shorter one goes no further than the form.
      await page.getByText('6 to 8 digits.', { exact: false }).waitFor();
      await page.getByLabel('New PIN').fill('4821');
      await page.getByText('A new manager PIN needs at least 6 digits (4 so far).').waitFor();
      await page.getByLabel('The same PIN again').fill('4821');
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByText('A new manager PIN is 6 to 8 digits.').waitFor();
      expect(await page.getByLabel('New PIN').getAttribute('aria-invalid')).toBe('true');
      expect(await counter.handlers['manager:status']({})).toMatchObject({
        ok: true,
        value: { pinSet: false },
      });
      await page.getByLabel('New PIN').fill('482916');
      await page.getByLabel('The same PIN again').fill('482916');
      await page.getByRole('button', { name: 'Next' }).click();
      // The manager's name: the counter's first staff member, with that PIN.
      await page.getByLabel('Your name').fill('Mia');
      await page.getByRole('button', { name: 'Next' }).click();

      // The same sections as Settings, one at a time, each checked before it is saved.
      const store = page.getByRole('form', { name: 'Store' });
      await store.getByLabel("Store's public IP address").fill('192.168.1.20');
      await store.getByRole('button', { name: 'Save and continue' }).click();
      await store
        .getByText("192.168.1.20 is an address inside a local network, not the store's address")
        .waitFor();
      await screenshot(page, '42-first-run-ip-refused');
      await store.getByLabel("Store's public IP address").fill('93.184.216.34');
      await store.getByRole('button', { name: 'Save and continue' }).click();

      const account = page.getByRole('form', { name: 'ecommpay account' });
      await account.getByLabel('Project id').fill('4242');
      await account.getByLabel('Secret key').fill(TEST_SECRET);
      await screenshot(page, '41-first-run-project');
      await account.getByRole('button', { name: 'Save and continue' }).click();

      const customer = page.getByRole('form', { name: 'Customer page' });
      await customer.getByLabel('Customer return page').fill('http://shop.example/thanks');
      await customer.getByRole('button', { name: 'Save and continue' }).click();
      await customer.getByText('Use an address that starts with https://').waitFor();
      await customer.getByLabel('Customer return page').fill('https://tea.example/thanks');
      await customer.getByRole('button', { name: 'Save and continue' }).click();

      await page.getByText(/^Passed on /).waitFor();
      await page.getByText('ecommpay accepted project 4242 and its secret key.').waitFor();
      await screenshot(page, '43-first-run-passed');
      await page.getByRole('button', { name: 'Start selling' }).click();
      await page.getByLabel('Amount').waitFor();
      // The manager named in the first run is the one signed in.
      await page.locator('header').getByText('Signed in: Mia').waitFor();
      await page.getByLabel('Amount').fill('12.00');
      await page.keyboard.press('Enter');
      // No public callback URL: Automatic takes the sale as a Payment Page link.
      expect(await scanQr(page)).toMatch(/\/payment\?project_id=4242&payment_id=/);

      // Settings opens for Mia, the manager named in the first run; with staff the counter-wide
      // PIN has no section of its own: Staff lists her as the manager. The sale on screen is
      // cancelled first (the sections wait while it is up).
      await page.keyboard.press('Escape');
      await expect
        .poll(() => page.getByRole('button', { name: 'Settings' }).isDisabled())
        .toBe(false);
      await openAsManager(page, 'Settings', '482916');
      expect(await page.getByRole('button', { name: 'Manager PIN', exact: true }).count()).toBe(0);
      await page.getByRole('button', { name: 'Staff', exact: true }).click();
      await page.getByRole('row', { name: /^Mia/ }).waitFor();
      // The account section shows the test that passed, in sentences.
      await page.getByRole('button', { name: 'ecommpay account', exact: true }).click();
      await page.getByText(/^Passed on /).waitFor();
      await screenshot(page, '44-settings-account-live');
      // Only the first-run PIN was ever set.
      const pinsSet = counter.journal.auditLog().filter((e) => e.action === 'manager PIN set');
      expect(pinsSet).toHaveLength(1);

      // The shell keeps a live counter on this machine's sandbox.
      expect(
        await counter.handlers['settings:get']({}).then((r) => r.ok && r.value.setupDone),
      ).toBe(true);
    } finally {
      await shell.close();
      await counter.close();
      await sandbox.close();
    }
  });

  it('the browser shell refuses a live counter whose Gate is not on this machine', async () => {
    const counter = await createCounter({
      pinCost: FAST_PIN,
      dataDir: tempDataDir(),
      mode: 'live',
      secretStore: createMemorySecretStore({}),
      settingsOverrides: { callbackPort: 0 },
    });
    try {
      await expect(
        startWebShell({
          counter,
          rendererDir: RENDERER_DIR,
          bridgeScript: '',
          liveAgainstLocalSandbox: true,
        }),
      ).rejects.toThrow(/never against a live Gate/);
      await expect(
        startWebShell({ counter, rendererDir: RENDERER_DIR, bridgeScript: '' }),
      ).rejects.toThrow(/only in demo mode/);
    } finally {
      await counter.close();
    }
  });

  it('a POST redirect: one sentence, Enter takes a Payment Page link, both screens follow', async () => {
    await ui.start({ demo: { sandbox: { qrMode: 'redirect_post' } } });
    const cashier = await ui.openCashier();
    const display = await ui.openDisplay();
    await cashier.getByLabel('Amount').fill('61.00');
    await cashier.keyboard.press('Enter');
    await cashier.getByRole('heading', { name: 'This sale cannot be paid by QR here' }).waitFor();
    await expect
      .poll(() =>
        cashier
          .getByText(
            'Alipay wants to send the customer through a web form, which a QR code cannot carry.',
          )
          .isVisible(),
      )
      .toBe(true);
    await display.getByText('请稍候，收银员正在准备新的二维码').waitFor();
    await screenshot(cashier, '44-cannot-scan');
    await screenshot(display, '44-customer-wait');

    await cashier.keyboard.press('Enter');
    const link = await scanQr(cashier);
    expect(link).toContain('/payment?');
    expect(link).toContain('payment_amount=6100');
    await display.getByText('请用手机相机扫码，再用支付宝付款').waitFor();
    expect(await scanQr(display)).toBe(link);
    await screenshot(cashier, '45-link-instead');
  });

  it("Gate's answers failing their signature: a banner on every cashier screen", async () => {
    await ui.start();
    const cashier = await ui.openCashier();
    ui.counter.sandbox!.setFaults({ dropCallbacks: true, statusSignature: 'wrong' });
    await cashier.getByLabel('Amount').fill('51.00');
    await cashier.keyboard.press('Enter');
    await cashier.getByText('Answers from Alipay cannot be verified').waitFor();
    await screenshot(cashier, '46-banner-signature');
  });
});
