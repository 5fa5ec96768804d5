import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { customerPays, scanQr, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { BROWSER_LANGUAGES, fillMessage, catalogueWords } from '../support/catalogue-words';
import { printedText } from '../support/escpos-reader';
import { startFakePrinter, type FakeReceiptPrinter } from '../support/fake-receipt-printer';

/**
 * The end of a shift in Chromium on the demo counter with a receipt printer: Ana sells and hands
 * over to Ben, and Print on her shift's report prints her takings; Ben locks the counter and
 * leaves, and the Demo manager ends his shift from the lock screen (a reason, their name, their
 * own PIN; Ben's is refused), which shows its report over the sign-in screen and is audited.
 */
describe.each(BROWSER_LANGUAGES)('the shift slip and ending a shift left open in $tag', (lang) => {
  const ui = useBrowserCounter();
  const w = catalogueWords(lang.catalogue);
  let printer: FakeReceiptPrinter | undefined;
  afterEach(async () => {
    await printer?.close();
    printer = undefined;
  });

  async function sell(page: Page, amount: string): Promise<void> {
    await page.locator('#amount').fill(amount);
    await page.keyboard.press('Enter');
    ui.track(await customerPays(ui.browser, await scanQr(page), 'Success'));
    await page.getByRole('heading', { name: w['cashier.outcome.paid.title'] }).waitFor();
    await page.getByRole('button', { name: w['cashier.outcome.newSale'], exact: true }).click();
    await page.locator('#amount').waitFor();
  }

  it('Print on the handover report prints Ana’s takings; a manager ends Ben’s locked shift', async () => {
    printer = await startFakePrinter('print');
    await ui.start({
      settingsOverrides: {
        merchantName: 'Tea House',
        printer: {
          kind: 'tcp',
          address: printer.address,
          paperWidth: 80,
          codePage: 'gb18030',
          driverPaper: 'roll',
          autoPrintCustomer: false,
          autoPrintMerchant: false,
        },
      },
    });
    const page = await ui.openCashier({ locale: lang.browser });
    const header = page.locator('header');
    await header.getByText(fillMessage(w['staff.header.signedIn']!, { name: 'Ana' })).waitFor();
    await sell(page, '12.00');

    // Ana hands over to Ben; her shift's report has Print.
    await header.getByRole('button', { name: w['staff.header.handOver'] }).click();
    const handOver = page.getByRole('dialog', { name: w['staff.handOver.title'] });
    await handOver.getByRole('button', { name: /Ben/ }).click();
    await handOver.locator('input[type="password"]').fill('8642');
    await handOver.locator('button[type="submit"]').click();
    const report = page.getByRole('dialog', {
      name: fillMessage(w['staff.report.title']!, { name: 'Ana' }),
    });
    await report.getByRole('button', { name: w['staff.report.print'] }).click();
    await report.getByRole('status').waitFor();
    await screenshot(page, `74-shift-report-printed-${lang.tag}`);
    const [slip] = await printer.waitForJobs(1);
    const text = printedText(slip!);
    expect(text).toMatch(/Ana/);
    expect(text).toMatch(/CNY 12\.00/);
    // The counter's first print job: Ana's shift slip.
    const anaShift = ui.counter.journal.printJobs.get(1)!.shiftId!;
    expect(ui.counter.journal.printJobs.unfinished()).toEqual([]);
    await report.getByRole('button', { name: w['staff.report.close'] }).click();

    // Ben sells, locks and leaves without signing out.
    await header.getByText(fillMessage(w['staff.header.signedIn']!, { name: 'Ben' })).waitFor();
    await sell(page, '30.00');
    await header.getByRole('button', { name: w['staff.header.lock'] }).click();
    await page.getByRole('heading', { name: w['staff.lock.title'], level: 1 }).waitFor();
    await page.getByRole('button', { name: w['staff.endShift.open'] }).click();
    const end = page.getByRole('dialog', {
      name: fillMessage(w['staff.endShift.title']!, { name: 'Ben' }),
    });
    // Only managers are offered; none is asked before there is a reason.
    expect(await end.getByRole('button', { name: /Ben/ }).count()).toBe(0);
    await end.getByRole('button', { name: /Demo manager/ }).click();
    await expect
      .poll(() => end.getByRole('alert').textContent())
      .toBe(w['staff.endShift.noReason']);
    await end.getByLabel(w['staff.endShift.reason']!).fill('went home');
    await screenshot(page, `75-end-shift-${lang.tag}`);
    await end.getByRole('button', { name: /Demo manager/ }).click();
    await end
      .getByText(fillMessage(w['staff.endShift.pinFor']!, { name: 'Demo manager' }))
      .waitFor();
    await end.locator('input[type="password"]').fill('8642');
    await end.locator('button[type="submit"]').click();
    await expect.poll(() => end.getByRole('alert').textContent()).not.toBe('');
    expect(ui.counter.staff.shifts.current()?.member.name).toBe('Ben');
    await end.locator('input[type="password"]').fill('2468');
    await end.locator('button[type="submit"]').click();

    // Ben's report over the sign-in screen; the end is in the audit log with the reason.
    const bens = page.getByRole('dialog', {
      name: fillMessage(w['staff.report.title']!, { name: 'Ben' }),
    });
    await expect
      .poll(() => bens.getByRole('row').filter({ hasText: 'CNY' }).textContent())
      .toMatch(/30[.,]00/);
    await screenshot(page, `76-shift-ended-by-manager-${lang.tag}`);
    await bens.getByRole('button', { name: w['staff.report.close'] }).click();
    await page.getByRole('heading', { name: w['staff.signIn.title'], level: 1 }).waitFor();
    expect(ui.counter.staff.shifts.current()).toBeUndefined();
    const audit = ui.counter.journal
      .auditLog()
      .find((e) => e.action === 'shift ended by a manager');
    expect(audit).toMatchObject({ actor: 'Demo manager', detail: { reason: 'went home' } });

    // After the day is closed, the Z's shifts in Reports print Ana's slip again: the same takings.
    const manager = ui.counter.staff.directory.byName('Demo manager')!;
    expect(
      (
        await ui.counter.handlers['reports:close-day']({
          manager: { staffId: manager.id, pin: '2468' },
        })
      ).ok,
    ).toBe(true);
    await page.getByRole('button', { name: /Demo manager/ }).click();
    await page.locator('.pin-pad input[type="password"]').fill('2468');
    await page.locator('.pin-pad button[type="submit"]').click();
    await page
      .getByRole('navigation')
      .getByRole('button', { name: w['common.nav.reports'], exact: true })
      .click();
    const shifts = page.getByRole('region', {
      name: fillMessage(w['manager.people.zShiftsTitle']!, { number: '1' }),
    });
    const anaRow = shifts.getByRole('row').filter({ hasText: 'Ana' });
    await anaRow.getByRole('button', { name: w['staff.report.print'] }).click();
    await screenshot(page, `77-z-shift-reprint-${lang.tag}`);
    const [, again] = await printer.waitForJobs(2);
    expect(ui.counter.journal.printJobs.get(2)?.shiftId).toBe(anaShift);
    expect(printedText(again!)).toMatch(/CNY 12\.00/);
    expect(printedText(again!)).not.toMatch(/30\.00/);
  }, 120_000);
});
