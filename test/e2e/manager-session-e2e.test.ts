import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { customerPays, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { BROWSER_LANGUAGES, catalogueWords } from '../support/catalogue-words';
import { DEMO_PIN, openAsManager, typeManagerPin } from '../support/manager-session';

/** The demo's first cashier, signed in at start. */
const ANA_PIN = '1357';

/**
 * The manager's screens in English, Simplified Chinese and German, the language taken from the
 * browser: Reports and Settings under the manager PIN (locked on Lock and when idle), navigation
 * waiting while a sale is on screen, the late alert over History, a cancelled sale reading
 * Cancelled, closing the day, a refund's confirmation, and the PIN dialog's focus.
 */
describe.each(BROWSER_LANGUAGES)('the manager session in $tag', ({ browser, catalogue, tag }) => {
  const ui = useBrowserCounter();
  const w = catalogueWords(catalogue);
  const nav = (page: Page, id: string) =>
    page.getByRole('navigation').getByRole('button', { name: w[id]!, exact: true });

  async function open(config: Parameters<typeof ui.start>[0] = {}): Promise<Page> {
    await ui.start(config);
    const page = ui.track(
      await ui.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: browser }),
    );
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(ui.shell.cashierUrl);
    await nav(page, 'common.nav.counter').waitFor();
    return page;
  }

  /** Starts a sale of `amount` and returns its payment id once its QR is up. */
  async function startSale(page: Page, amount: string): Promise<string> {
    await page.getByRole('textbox').first().fill(amount);
    await page.keyboard.press('Enter');
    await expect.poll(() => nav(page, 'common.nav.history').isDisabled()).toBe(true);
    const session = await ui.counter.handlers['session:get']({});
    return session.ok ? session.value.active!.id : '';
  }

  /** The QR's link for the customer's phone (the sandbox's page), once main shows it. */
  async function qrLink(): Promise<string> {
    const text = async () => {
      const session = await ui.counter.handlers['session:get']({});
      const qr = session.ok ? session.value.active?.qr : null;
      return qr?.kind === 'text' ? qr.text : '';
    };
    await expect.poll(text).not.toBe('');
    return text();
  }

  it('Reports and Settings need the manager PIN; Lock locks them again; History stays open', async () => {
    const page = await open();
    expect(await page.locator('html').getAttribute('lang')).toBe(tag);
    await nav(page, 'common.nav.history').click();
    await page.getByRole('heading', { name: w['common.nav.history'], level: 1 }).waitFor();
    // The date filter: typed in the date field, said back in the window's language.
    const today = new Date();
    const typed = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
      .map((n) => String(n).padStart(2, '0'))
      .join('-');
    await page.locator('input[type="date"]').first().fill(typed);
    await page.getByRole('button', { name: w['manager.history.search'] }).click();
    const longDate = new Intl.DateTimeFormat(browser, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
    }).format(today);
    await page.getByText(longDate).waitFor();

    await nav(page, 'common.nav.reports').click();
    const dialog = page.getByRole('dialog', { name: w['manager.unlock.title'] });
    await dialog.waitFor();
    await screenshot(page, `40-unlock-${tag}`);
    // A wrong PIN says so in plain words and leaves Reports closed.
    await dialog.locator('input[type="password"]').fill('0000');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).not.toBe('');
    await typeManagerPin(page, DEMO_PIN);
    await page.getByRole('heading', { name: w['common.nav.reports'], level: 1 }).waitFor();
    await screenshot(page, `41-reports-${tag}`);

    // Lock locks Ana's shift too: her PIN brings her back, to Reports locked.
    await nav(page, 'staff.header.lock').click();
    await page.getByRole('heading', { name: w['staff.lock.title'], level: 1 }).waitFor();
    await page.locator('.pin-pad input[type="password"]').fill(ANA_PIN);
    await page.locator('.pin-pad button[type="submit"]').click();
    await page.getByRole('heading', { name: w['manager.locked.title'], level: 1 }).waitFor();
    await screenshot(page, `42-locked-${tag}`);
    // Settings are locked too; the locked screen's button asks for the PIN again.
    await nav(page, 'common.nav.settings').click();
    await page.getByRole('dialog', { name: w['manager.unlock.title'] }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await ui.counter.handlers['reports:current']({})).toMatchObject({
      ok: false,
      error: { code: 'MANAGER_LOCKED' },
    });
  });

  it('the manager session locks by itself after the idle time', async () => {
    const page = await open({ managerIdleMs: 1_500 });
    await openAsManager(page, w['common.nav.settings']!);
    await page.getByRole('heading', { name: w['common.nav.settings'], level: 1 }).waitFor();
    // No key, no click: the counter locks the session and the screen follows.
    await page
      .getByRole('heading', { name: w['manager.locked.title'], level: 1 })
      .waitFor({ timeout: 10_000 });
  });

  it('navigation waits while a sale is on screen; the late alert shows over History; the sale reads Cancelled', async () => {
    const page = await open();
    const paymentId = await startSale(page, '45.00');
    const link = await qrLink();
    expect(await nav(page, 'common.nav.reports').isDisabled()).toBe(true);
    expect(await nav(page, 'common.nav.settings').isDisabled()).toBe(true);
    // Why they wait, said with them (a screen reader reads it; a mouse shows it on hover).
    expect(await nav(page, 'common.nav.history').getAttribute('title')).toBe(
      w['manager.header.navBusy'],
    );
    expect(await page.locator('#nav-busy').textContent()).toBe(w['manager.header.navBusy']);
    await screenshot(page, `43-nav-busy-${tag}`);
    await page.keyboard.press('Escape');
    await expect.poll(() => nav(page, 'common.nav.history').isDisabled()).toBe(false);

    // Cancelled, everywhere: History's list and the payment's detail.
    await nav(page, 'common.nav.history').click();
    const row = page.getByRole('row', { name: new RegExp(paymentId) });
    await expect.poll(() => row.textContent()).toContain(w['manager.status.cancelled']);
    await row.click();
    await page.getByText(w['manager.outcome.cancelledWatching']!).waitFor();
    await screenshot(page, `44-cancelled-detail-${tag}`);
    await page.getByRole('button', { name: w['manager.detail.back'] }).click();

    // The customer pays after all, while History is on screen: the alert interrupts it.
    ui.track(await customerPays(ui.browser, link, 'Success'));
    const alert = page.getByRole('alertdialog');
    await alert.waitFor();
    expect(
      await page.getByRole('heading', { name: w['common.nav.history'], level: 1 }).count(),
    ).toBe(1);
    await screenshot(page, `45-late-over-history-${tag}`);
    await alert.getByRole('button').first().click();
    await alert.waitFor({ state: 'detached' });
    // Kept: a late payment, marked as one.
    await page.getByRole('button', { name: w['manager.history.search'] }).click();
    await expect.poll(() => row.textContent()).toContain(w['manager.status.late']);
    await screenshot(page, `46-history-late-${tag}`);
  });

  it('the X report counts a cancelled sale as Cancelled, not open; closing the day shows the totals and that it cannot be undone before the PIN', async () => {
    const page = await open();
    const paymentId = await startSale(page, '12.00');
    await page.keyboard.press('Escape');
    await expect.poll(() => ui.counter.journal.get(paymentId)?.cancelledAt).not.toBeNull();
    await page.keyboard.press('Enter');
    await openAsManager(page, w['common.nav.reports']!);
    const x = page.getByRole('article', { name: w['manager.report.xTitle'] });
    // Currency, payments, paid, refunds, refunded, net, declined, cancelled.
    const cells = x.getByRole('row', { name: /^CNY/ }).getByRole('cell');
    await expect.poll(() => cells.last().textContent()).toBe('1');
    expect(await cells.nth(6).textContent()).toBe('0');
    await expect.poll(() => x.textContent()).toMatch(/\b0\b.*\b0\b/);
    expect(await ui.counter.handlers['reports:current']({})).toMatchObject({
      ok: true,
      value: { open: { payments: 0 } },
    });
    await screenshot(page, `47-x-cancelled-${tag}`);

    await page.getByRole('button', { name: w['manager.reports.closeDay'] }).click();
    const confirm = page.getByRole('dialog', { name: w['manager.closeDay.title'] });
    await confirm.getByText(w['manager.closeDay.body']!).waitFor();
    await confirm.getByRole('row', { name: /^CNY/ }).waitFor();
    // The totals and the warning come first: no PIN is asked yet.
    expect(await page.locator('input[type="password"]').count()).toBe(0);
    await screenshot(page, `48-close-day-${tag}`);
    await confirm.getByRole('button', { name: w['manager.closeDay.continue'] }).click();
    await page.getByRole('dialog', { name: w['manager.closeDay.pinTitle'] }).waitFor();
    await typeManagerPin(page);
    await page
      .getByRole('article', { name: w['manager.report.zTitle']!.replace('{number}', '1') })
      .waitFor();
  });

  it('a refund ends with a confirmation of the amount and what happens next', async () => {
    const page = await open();
    await startSale(page, '20.00');
    ui.track(await customerPays(ui.browser, await qrLink(), 'Success'));
    await expect.poll(() => nav(page, 'common.nav.history').isDisabled()).toBe(false);
    // The paid sale on screen: Enter in the PIN dialog opens Reports (no new sale behind it).
    await nav(page, 'common.nav.reports').click();
    await page.getByRole('dialog').locator('input[type="password"]').fill(DEMO_PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: w['common.nav.reports'], level: 1 }).waitFor();
    await nav(page, 'common.nav.history').click();
    await page.getByRole('row').nth(1).click();
    const form = page.getByRole('form', { name: w['manager.refund.title'] });
    // More than was paid: said beside the form in plain words, before any PIN.
    await form.getByLabel(w['manager.refund.amount']!).fill('500');
    await form.getByLabel(w['manager.refund.reason']!).fill('cup');
    await form.getByRole('button', { name: w['manager.refund.submit'] }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/500[.,]00 CNY/);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await form.getByLabel(w['manager.refund.amount']!).fill(tag === 'de' ? '5,00' : '5.00');
    await form.getByLabel(w['manager.refund.reason']!).fill('cup');
    await form.getByRole('button', { name: w['manager.refund.submit'] }).click();
    // The manager session is open: no second PIN.
    const done = page.getByRole('status').filter({ hasText: w['manager.refund.doneBody']! });
    await done.waitFor();
    expect(await done.textContent()).toMatch(/5[.,]00/);
    await screenshot(page, `49-refund-done-${tag}`);
    await page.getByRole('button', { name: w['manager.detail.showDetails'], exact: true }).click();
    await page.getByText(w['manager.timeline.paid']!).waitFor();
    await page
      .getByRole('heading', { name: w['manager.detail.timeline'] })
      .scrollIntoViewIfNeeded();
    await screenshot(page, `50-detail-details-${tag}`);
  });

  it('the PIN dialog keeps the keyboard inside, closes on Escape and gives focus back', async () => {
    const page = await open();
    const reports = nav(page, 'common.nav.reports');
    await reports.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: w['manager.unlock.title'] });
    await dialog.waitFor();
    await dialog.locator('input[type="password"]').fill('1');
    const inside = () =>
      dialog.evaluate((box) => {
        const focused = box.ownerDocument.activeElement;
        return box.contains(focused) && focused !== box;
      });
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Tab');
      expect(await inside()).toBe(true);
    }
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await inside()).toBe(true);
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await reports.evaluate((button) => button === button.ownerDocument.activeElement)).toBe(
      true,
    );
  });
});
