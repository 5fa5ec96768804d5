import type { Browser, Page } from 'playwright-core';
import type { DisplayLocale } from '../../src/shared/i18n/locales';
import { serveCounter } from './browser-harness';
import { startDemoCounter } from './counter-harness';
import { CASHIER_VIEWPORT, drawnIn, openIn, until, type VisitScreen } from './screen-tour';

const ANA = '1357';
const BEN = '8642';
const MANAGER = '2468';

/** Types `pin` into the PIN pad inside `scope` and submits it. */
async function typePin(page: Page, scope: string, pin: string): Promise<void> {
  await page.locator(`${scope} input[type="password"]`).fill(pin);
  await page.locator(`${scope} button[type="submit"]`).click();
}

/**
 * The staff's screens of a demo counter in one language (found by what they are, not by their
 * words): Hand over and its PIN, the ended shift's report after Print, the lock screen, a
 * manager ending the locked shift (the reason, then their PIN), the report over the sign-in
 * screen, and the sign-in screen with its PIN pad.
 */
export async function tourStaff(
  browser: Browser,
  locale: DisplayLocale,
  visit: VisitScreen,
): Promise<void> {
  const counter = await startDemoCounter();
  const shell = await serveCounter(counter);
  const page = await openIn(browser, locale, shell.cashierUrl, CASHIER_VIEWPORT);
  const staffButton = (scope: string, name: string) =>
    page.locator(`${scope} .staff-buttons button`).filter({ hasText: new RegExp(`^${name}`) });
  try {
    await drawnIn(page, locale);
    await page.locator('#amount').waitFor();
    await page.locator('header .hand-over-button').click();
    await page.locator('.hand-over-dialog').waitFor();
    await visit('staff-hand-over', page);
    await staffButton('.hand-over-dialog', 'Ben').click();
    await visit('staff-hand-over-pin', page);
    await typePin(page, '.hand-over-dialog', BEN);

    await page.locator('.shift-report').waitFor();
    await page.locator('.shift-slip-print button').click();
    await page.locator('.shift-report .print-notice').waitFor();
    await visit('staff-shift-report', page);
    await page.locator('.shift-report .pin-actions button').click();

    await page.locator('header .lock-button').click();
    await page.locator('.staff-screen .pin-pad').waitFor();
    await visit('staff-lock', page);
    await page.locator('.staff-screen > .staff-back').click();
    await page.locator('.end-shift-dialog').waitFor();
    await page.locator('.end-shift-dialog input').fill('went home');
    await visit('staff-end-shift', page);
    await staffButton('.end-shift-dialog', 'Demo manager').click();
    await page.locator('.end-shift-dialog .pin-pad').waitFor();
    await visit('staff-end-shift-pin', page);
    await typePin(page, '.end-shift-dialog', MANAGER);

    await page.locator('.shift-report').waitFor();
    await visit('staff-ended-by-manager', page);
    await page.locator('.shift-report .pin-actions button').click();
    await page.locator('.staff-screen .staff-buttons').waitFor();
    await visit('staff-sign-in', page);
    await staffButton('.staff-screen', 'Ana').click();
    await page.locator('.staff-screen .pin-pad').waitFor();
    await visit('staff-sign-in-pin', page);
    await typePin(page, '.staff-screen', ANA);
    await until('Ana signed in', async () => counter.staff.shifts.current()?.member.name === 'Ana');
  } finally {
    await page.close();
    await shell.close();
    await counter.close();
  }
}
