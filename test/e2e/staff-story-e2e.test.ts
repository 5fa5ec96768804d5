import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { customerPays, scanQr, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { openAsManager } from '../support/manager-session';

/** Minor units of every amount written in `text` ("CNY 12.00", "¥37.00"), in order. */
const amounts = (text: string): number[] =>
  [...text.matchAll(/(\d+)[.,](\d{2})/g)].map((m) => Number(m[1]) * 100 + Number(m[2]));

/** The amount in the cell of `row` that holds the net. */
const netOf = async (row: Locator): Promise<number> =>
  amounts((await row.locator('td.net').textContent()) ?? '')[0] ?? NaN;

/**
 * The whole staff story through the demo counter's screens in Chromium, as a shop lives it:
 * Ana (signed in at start) sells and hands over to Ben, who types his PIN and sells; History
 * names who took each sale; Ben asks for a refund, his own PIN is refused and the Demo manager's
 * authorises it, which the payment says; the X report shows Ana's and Ben's takings apart; the
 * day is closed and the Z's shifts, read off the screen, add up to its total.
 */
describe('the staff story, done through the screens', () => {
  const ui = useBrowserCounter();

  async function sell(page: Page, amount: string): Promise<void> {
    await page.locator('#amount').fill(amount);
    await page.keyboard.press('Enter');
    ui.track(await customerPays(ui.browser, await scanQr(page), 'Success'));
    await page.getByRole('heading', { name: 'Paid' }).waitFor();
    await page.getByRole('button', { name: 'New sale', exact: true }).click();
    await page.locator('#amount').waitFor();
  }

  it('Ana sells, hands over to Ben, Ben sells; a refund needs the manager; X by person; the Z adds up', async () => {
    await ui.start();
    const page = await ui.openCashier({ locale: 'en-US' });
    const header = page.locator('header');
    const nav = (name: string) =>
      page.getByRole('navigation').getByRole('button', { name, exact: true });

    // Ana is signed in at start and sells.
    await header.getByText('Signed in: Ana').waitFor();
    await sell(page, '12.00');

    // She hands over to Ben: his PIN, her shift's report, then Ben at the counter.
    await header.getByRole('button', { name: 'Hand over' }).click();
    const handOver = page.getByRole('dialog', { name: 'Hand over the counter' });
    await handOver.getByRole('button', { name: /Ben/ }).click();
    await handOver.locator('input[type="password"]').fill('8642');
    await handOver.locator('button[type="submit"]').click();
    const anasReport = page.getByRole('dialog', { name: 'Ana’s shift has ended' });
    await expect
      .poll(() => anasReport.getByRole('row').filter({ hasText: 'CNY' }).textContent())
      .toMatch(/12\.00/);
    await anasReport.getByRole('button', { name: 'Continue' }).click();
    await header.getByText('Signed in: Ben').waitFor();
    await sell(page, '30.00');

    // History names who took each sale.
    await nav('History').click();
    await page.getByRole('heading', { name: 'History', level: 1 }).waitFor();
    const sale = (amount: string) =>
      page.getByRole('row').filter({ hasText: new RegExp(`${amount.replace('.', '\\.')}`) });
    await expect.poll(() => sale('12.00').textContent()).toContain('Ana');
    await expect.poll(() => sale('30.00').textContent()).toContain('Ben');

    // Ben asks for a refund of his sale: his own PIN is refused, the Demo manager's authorises.
    await sale('30.00').click();
    await page.getByText('Taken by').waitFor();
    const form = page.getByRole('form', { name: 'Refund' });
    await form.getByLabel('Refund amount').fill('5.00');
    await form.getByLabel('Reason').fill('spilt tea');
    await form.getByRole('button', { name: 'Refund…', exact: true }).click();
    const pin = page.getByRole('dialog');
    await pin.getByRole('combobox').waitFor();
    expect(await pin.getByRole('combobox').textContent()).toBe('Demo manager');
    await pin.locator('input[type="password"]').fill('8642');
    await pin.locator('button[type="submit"]').click();
    await expect.poll(() => pin.getByRole('alert').textContent()).not.toBe('');
    await pin.locator('input[type="password"]').fill('2468');
    await pin.locator('button[type="submit"]').click();
    await pin.waitFor({ state: 'detached' });
    await page.getByText(/Refunded by Ben, authorised by Demo manager/).waitFor();

    // The X report: Ana's takings and Ben's apart.
    await openAsManager(page, 'Reports');
    const byPerson = page.getByRole('region', { name: 'By staff member' });
    const person = (name: string) => byPerson.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect.poll(async () => netOf(person('Ana'))).toBe(1200);
    await expect
      .poll(async () => amounts((await person('Ben').textContent()) ?? ''))
      .toEqual([3000, 500, 2500]);
    await screenshot(page, '66-story-x-by-person');

    // Close the day: the Z's shifts, read off the screen, add up to the Z's own total.
    await page.getByRole('button', { name: 'Close the day…', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: 'Close the day', exact: true });
    await confirm.getByRole('button', { name: 'Close the day…' }).click();
    const zPin = page.getByRole('dialog', { name: 'Close the day (Z report)' });
    await zPin.locator('input[type="password"]').fill('2468');
    await zPin.locator('button[type="submit"]').click();
    await zPin.waitFor({ state: 'detached' });
    const z = page.getByRole('article', { name: 'Z report 1' });
    const zTotal = z.locator('table').first().getByRole('row').filter({ hasText: 'CNY' });
    await expect.poll(() => netOf(zTotal)).toBe(3700);
    const shifts = z.getByRole('region', { name: 'Shifts in Z report 1' });
    const shiftRows = shifts.locator('tbody tr');
    await expect.poll(() => shiftRows.count()).toBe(2);
    const nets = await Promise.all((await shiftRows.all()).map(netOf));
    expect(nets).toEqual([1200, 2500]);
    expect(nets.reduce((a, b) => a + b, 0)).toBe(await netOf(zTotal));
    await shifts.scrollIntoViewIfNeeded();
    await screenshot(page, '67-story-z-shifts');
  }, 120_000);
});
