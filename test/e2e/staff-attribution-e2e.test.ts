import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { customerPays, scanQr, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { BROWSER_LANGUAGES, fillMessage, catalogueWords } from '../support/catalogue-words';
import { openAsManager } from '../support/manager-session';

/**
 * Who did what, on a demo counter in Chromium: Ana (signed in at start) sells, hands over to
 * Ben, Ben sells; History names who took each and filters by Ben; a refund Ben asks for is
 * refused with his own PIN and authorised by the Demo manager's, and says so; the X report
 * shows Ana's and Ben's takings apart; the Z lists the shifts, which add up to it.
 */
describe.each(BROWSER_LANGUAGES)('who did what in $tag', ({ browser, catalogue, tag }) => {
  const ui = useBrowserCounter();
  const w = catalogueWords(catalogue);
  const nav = (page: Page, id: string) =>
    page.getByRole('navigation').getByRole('button', { name: w[id]!, exact: true });

  async function open(): Promise<Page> {
    await ui.start();
    const page = ui.track(
      await ui.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: browser }),
    );
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(ui.shell.cashierUrl);
    await page.locator('#amount').waitFor();
    return page;
  }

  /** A sale paid by the customer; its payment id. */
  async function sell(page: Page, amount: string): Promise<string> {
    await page.locator('#amount').fill(amount);
    await page.keyboard.press('Enter');
    ui.track(await customerPays(ui.browser, await scanQr(page), 'Success'));
    await page.getByRole('heading', { name: w['cashier.outcome.paid.title'] }).waitFor();
    const session = await ui.counter.handlers['session:get']({});
    return session.ok ? session.value.active!.id : '';
  }

  it('History names who took each; a refund needs the manager; X by person; the Z adds up', async () => {
    const page = await open();
    const { staff, journal } = ui.counter;
    const ben = staff.directory.byName('Ben')!;
    const anas = await sell(page, '12.00');
    // Ben signs in through the service (the sign-in screens are their own work).
    expect(await staff.shifts.handOver(ben.id, '8642')).toMatchObject({ ok: true });
    await page.keyboard.press('Enter');
    const bens = await sell(page, '30.00');

    await nav(page, 'common.nav.history').click();
    await page.getByRole('heading', { name: w['common.nav.history'], level: 1 }).waitFor();
    const row = (id: string) => page.getByRole('row').filter({ hasText: id });
    await expect.poll(() => row(anas).textContent()).toContain('Ana');
    await expect.poll(() => row(bens).textContent()).toContain('Ben');
    await screenshot(page, `60-history-people-${tag}`);
    // Filtered by Ben: only his sale.
    await page.getByLabel(w['manager.people.person']!).selectOption({ label: 'Ben' });
    await page.getByRole('button', { name: w['manager.history.search'] }).click();
    await expect.poll(() => row(anas).count()).toBe(0);
    expect(await row(bens).count()).toBe(1);

    // Ben asks for a refund: his own PIN is refused, the Demo manager's authorises it.
    await row(bens).click();
    await page.getByText(w['manager.people.takenBy']!).waitFor();
    const form = page.getByRole('form', { name: w['manager.refund.title'] });
    await form.getByLabel(w['manager.refund.amount']!).fill(tag === 'de' ? '5,00' : '5.00');
    await form.getByLabel(w['manager.refund.reason']!).fill('spilt');
    await form.getByRole('button', { name: w['manager.refund.submit'] }).click();
    const dialog = page.getByRole('dialog');
    // The manager is picked by name (the only one here is chosen already), then their PIN.
    const picker = dialog.getByRole('combobox');
    await picker.waitFor();
    const manager = staff.directory.byName('Demo manager')!;
    expect(await picker.inputValue()).toBe(String(manager.id));
    expect(await picker.textContent()).toBe('Demo manager');
    await screenshot(page, `61-refund-call-manager-${tag}`);
    await dialog.locator('input[type="password"]').fill('8642');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).not.toBe('');
    expect(journal.refunds.ofPayment(bens)).toHaveLength(0);
    await dialog.locator('input[type="password"]').fill('2468');
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    const said = fillMessage(w['manager.people.refundedByAuthorised']!, {
      name: 'Ben',
      manager: 'Demo manager',
    });
    await page.getByText(said).waitFor();
    await screenshot(page, `62-refund-authorised-${tag}`);
    await expect
      .poll(() => journal.refunds.ofPayment(bens)[0]?.state, { timeout: 10_000 })
      .toBe('succeeded');

    // The X report: Ana's and Ben's takings apart.
    await openAsManager(page, w['common.nav.reports']!);
    const byPerson = page.getByRole('region', { name: w['manager.people.xTitle'] });
    const cells = async (name: string) =>
      (await byPerson.getByRole('row', { name: new RegExp(`^${name}`) }).textContent()) ?? '';
    await expect.poll(() => cells('Ana')).toMatch(/12[.,]00/);
    expect(await cells('Ben')).toMatch(/30[.,]00.*5[.,]00.*25[.,]00/);
    await byPerson.scrollIntoViewIfNeeded();
    await screenshot(page, `63-x-by-person-${tag}`);

    // Closing the day with the manager called: the Z's shifts add up to it.
    await page.getByRole('button', { name: w['manager.reports.closeDay'] }).click();
    const confirm = page.getByRole('dialog', { name: w['manager.closeDay.title'] });
    await confirm.getByRole('button', { name: w['manager.closeDay.continue'] }).click();
    const pin = page.getByRole('dialog', { name: w['manager.closeDay.pinTitle'] });
    await pin.locator('input[type="password"]').fill('2468');
    await pin.locator('button[type="submit"]').click();
    await pin.waitFor({ state: 'detached' });
    const shifts = page.getByRole('region', {
      name: fillMessage(w['manager.people.zShiftsTitle']!, { number: '1' }),
    });
    await expect.poll(() => shifts.getByRole('row').count()).toBe(3);
    const addsUp = fillMessage(w['manager.people.shiftsAddUp']!, { currency: 'CNY' });
    expect(await shifts.textContent()).toContain(addsUp);
    expect(await shifts.textContent()).toMatch(/37[.,]00/);
    await shifts.scrollIntoViewIfNeeded();
    await screenshot(page, `64-z-shifts-${tag}`);
  }, 120_000);

  it('Staff in Settings: a member added and one disabled, each under the manager called', async () => {
    const page = await open();
    await openAsManager(page, w['common.nav.settings']!);
    const side = page.getByRole('navigation', { name: w['settings.sections.label'] });
    await side.getByRole('button', { name: w['settings.section.staff'], exact: true }).click();
    const add = page.getByRole('form', { name: w['settings.staff.addTitle'] });
    await add.getByLabel(w['settings.staff.name']!, { exact: true }).fill('Cleo');
    await add.getByLabel(w['settings.staff.pin']!, { exact: true }).fill('1470');
    await add.getByLabel(w['settings.staff.pinAgain']!, { exact: true }).fill('1470');
    await add.getByRole('button', { name: w['settings.staff.add'], exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="password"]').fill('2468');
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /^Cleo/ }).waitFor();
    const benRow = page.getByRole('row', { name: /^Ben/ });
    await benRow.getByRole('button', { name: w['settings.staff.disable'], exact: true }).click();
    await dialog.locator('input[type="password"]').fill('2468');
    await dialog.locator('button[type="submit"]').click();
    await expect.poll(() => benRow.textContent()).toContain(w['settings.staff.disabled']);
    expect(ui.counter.staff.directory.list().map((m) => [m.name, m.active])).toContainEqual([
      'Cleo',
      true,
    ]);
    await screenshot(page, `65-settings-staff-${tag}`);
  }, 60_000);
});
