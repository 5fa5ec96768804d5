import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { customerPays, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { BROWSER_LANGUAGES, catalogueWords } from '../support/catalogue-words';

const ANA = { name: 'Ana', pin: '1357' };
const BEN = { name: 'Ben', pin: '8642' };
const MANAGER = { name: 'Demo manager', pin: '2468' };

/**
 * Sign-in and shifts through the demo counter in Chromium, in English, Simplified Chinese and
 * German from the browser's locale: Ana is signed in at start and sells; she hands over to Ben
 * while a sale is on screen (the handover waits for it), the ended shift's report shows her
 * takings, Ben sells; Lock asks Ben's PIN and refuses Ana's; ending her shift with nobody
 * after shows her report and leaves the sign-in screen (nothing sells there), where a wrong PIN
 * says so and the manager's own PIN opens Reports as well.
 */
describe.each(BROWSER_LANGUAGES)('sign-in and shifts in $tag', ({ browser, catalogue, tag }) => {
  const ui = useBrowserCounter();
  const w = catalogueWords(catalogue);
  const say = (id: string, values: Record<string, string> = {}) =>
    Object.entries(values).reduce((text, [k, v]) => text.replaceAll(`{${k}}`, v), w[id]!);
  const header = (page: Page) => page.locator('header');

  /** Starts a sale of `amount` and returns the customer's link once its QR is up. */
  async function startSale(page: Page, amount: string): Promise<string> {
    await page.locator('#amount').fill(amount);
    await page.keyboard.press('Enter');
    const link = async () => {
      const session = await ui.counter.handlers['session:get']({});
      const qr = session.ok ? session.value.active?.qr : null;
      return qr?.kind === 'text' ? qr.text : '';
    };
    await expect.poll(link).not.toBe('');
    return link();
  }

  /** A sale the customer pays, back to a new sale afterwards. */
  async function sell(page: Page, amount: string): Promise<void> {
    ui.track(await customerPays(ui.browser, await startSale(page, amount), 'Success'));
    await expect
      .poll(async () => {
        const session = await ui.counter.handlers['session:get']({});
        return session.ok ? session.value.active?.state : undefined;
      })
      .toBe('succeeded');
    await newSale(page);
  }

  /** Leaves a sale's result for the next one, with the result screen's own button. */
  async function newSale(page: Page): Promise<void> {
    await page.getByRole('button', { name: w['cashier.outcome.newSale'], exact: true }).click();
    await page.locator('#amount').waitFor();
  }

  /** Types `pin` on the PIN pad inside `scope` and presses its submit button. */
  async function typePin(scope: ReturnType<Page['locator']>, pin: string): Promise<void> {
    await scope.locator('input[type="password"]').fill(pin);
    await scope.locator('button[type="submit"]').click();
  }

  it('Ana sells, hands over to Ben once her sale ends, Ben sells; Lock takes Ben’s PIN only', async () => {
    await ui.start();
    const page = await ui.openCashier({ locale: browser });
    expect(await page.locator('html').getAttribute('lang')).toBe(tag);
    await header(page)
      .getByText(say('staff.header.signedIn', { name: ANA.name }))
      .waitFor();
    await sell(page, '12.00');

    // Ana starts another sale, then hands over: the handover waits for the sale to finish.
    const link = await startSale(page, '15.00');
    await header(page).getByRole('button', { name: w['staff.header.handOver'] }).click();
    const dialog = page.getByRole('dialog', { name: w['staff.handOver.title'] });
    await dialog.getByText(w['staff.handOver.saleOnScreen']!).waitFor();
    expect(await dialog.getByRole('button', { name: new RegExp(ANA.name) }).count()).toBe(0);
    await dialog.getByRole('button', { name: new RegExp(BEN.name) }).click();
    await dialog.getByText(say('staff.handOver.pinFor', { name: BEN.name })).waitFor();
    await screenshot(page, `70-hand-over-${tag}`);
    await typePin(dialog, '0000');
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toBe(w['main.error.code.PIN_INCORRECT']);
    await typePin(dialog, BEN.pin);
    const waiting = page.getByRole('status').filter({
      hasText: say('staff.handOver.waiting', { name: BEN.name }),
    });
    await waiting.waitFor();
    await screenshot(page, `71-hand-over-waiting-${tag}`);
    expect(
      await header(page)
        .getByText(say('staff.header.signedIn', { name: ANA.name }))
        .count(),
    ).toBe(1);

    // The customer pays: the sale ends, the handover happens, Ana's shift report is on screen.
    ui.track(await customerPays(ui.browser, link, 'Success'));
    const report = page.getByRole('dialog', {
      name: say('staff.report.title', { name: ANA.name }),
    });
    await report.waitFor();
    const row = report.getByRole('row').filter({ hasText: 'CNY' });
    await expect.poll(() => row.textContent()).toMatch(/27[.,]00/);
    await expect.poll(() => row.textContent()).toMatch(/\(2\)|2笔/);
    await report.getByText(say('staff.report.next', { name: BEN.name })).waitFor();
    await screenshot(page, `72-shift-report-${tag}`);
    await report.getByRole('button', { name: w['staff.report.close'] }).click();
    await header(page)
      .getByText(say('staff.header.signedIn', { name: BEN.name }))
      .waitFor();
    await newSale(page);
    await sell(page, '30.00');

    // Lock: the same person's PIN only.
    await header(page).getByRole('button', { name: w['staff.header.lock'] }).click();
    await page.getByRole('heading', { name: w['staff.lock.title'], level: 1 }).waitFor();
    expect(await page.locator('#amount').count()).toBe(0);
    await screenshot(page, `73-locked-${tag}`);
    await typePin(page.locator('.pin-pad'), ANA.pin);
    await expect
      .poll(() => page.locator('.pin-pad').getByRole('alert').textContent())
      .toBe(w['main.error.code.PIN_INCORRECT']);
    await typePin(page.locator('.pin-pad'), BEN.pin);
    await page.locator('#amount').waitFor();
    await header(page)
      .getByText(say('staff.header.signedIn', { name: BEN.name }))
      .waitFor();
  });

  it('Ana ends her shift with nobody after: her report, then the sign-in screen, where a wrong PIN says so and a manager signing in opens Reports', async () => {
    await ui.start();
    const page = await ui.openCashier({ locale: browser });
    await header(page)
      .getByText(say('staff.header.signedIn', { name: ANA.name }))
      .waitFor();
    await sell(page, '12.00');
    await header(page).getByRole('button', { name: w['staff.header.handOver'] }).click();
    const handOver = page.getByRole('dialog', { name: w['staff.handOver.title'] });
    await handOver.getByRole('button', { name: w['staff.handOver.signOut'] }).click();
    const report = page.getByRole('dialog', {
      name: say('staff.report.title', { name: ANA.name }),
    });
    const row = report.getByRole('row').filter({ hasText: 'CNY' });
    await expect.poll(() => row.textContent()).toMatch(/12[.,]00/);
    await report.getByRole('button', { name: w['staff.report.close'] }).click();
    await page.getByRole('heading', { name: w['staff.signIn.title'], level: 1 }).waitFor();
    // Nothing sells while nobody is signed in, whatever a window sends.
    expect(
      await ui.counter.handlers['payments:charge']({ amount: '5.00', currency: 'CNY' }),
    ).toMatchObject({ ok: false, error: { said: { id: 'main.staff.signInFirst' } } });
    const names = page.getByRole('list', { name: w['staff.signIn.listLabel'] });
    await names.getByRole('button', { name: new RegExp(BEN.name) }).waitFor();
    await screenshot(page, `80-sign-in-${tag}`);
    await names.getByRole('button', { name: new RegExp(ANA.name) }).click();
    await page.getByText(say('staff.pin.title', { name: ANA.name })).waitFor();
    await screenshot(page, `81-sign-in-pin-${tag}`);
    // The on-screen digits type the PIN too.
    for (const digit of '0000')
      await page.getByRole('group').getByRole('button', { name: digit, exact: true }).click();
    await page.locator('.pin-pad button[type="submit"]').click();
    await expect
      .poll(() => page.locator('.pin-pad').getByRole('alert').textContent())
      .toBe(w['main.error.code.PIN_INCORRECT']);
    // Not Ana after all: back to the names; the demo manager's own PIN opens the manager
    // session too, so Reports open without asking again.
    await page.getByRole('button', { name: say('staff.pin.back', { name: ANA.name }) }).click();
    await names.getByRole('button', { name: new RegExp(MANAGER.name) }).click();
    for (const digit of MANAGER.pin)
      await page.getByRole('group').getByRole('button', { name: digit, exact: true }).click();
    await page.locator('.pin-pad button[type="submit"]').click();
    await page.locator('#amount').waitFor();
    await header(page)
      .getByText(say('staff.header.signedIn', { name: MANAGER.name }))
      .waitFor();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: w['common.nav.reports'], exact: true })
      .click();
    await page.getByRole('heading', { name: w['common.nav.reports'], level: 1 }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });
});
