import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { BROWSER_LANGUAGES, fillMessage, catalogueWords } from '../support/catalogue-words';
import { TEST_SECRET } from '../support/counter-harness';

/**
 * A manager who forgot their PIN, on the demo counter in Chromium: the PIN dialog's "Forgot the
 * PIN?" asks the project's secret key and a new PIN; a wrong key is refused; the right one saves
 * it, the dialog says to type it, and it opens Reports (the old one no longer does).
 */
describe.each(BROWSER_LANGUAGES)('a forgotten manager PIN in $tag', (lang) => {
  const ui = useBrowserCounter();
  const w = catalogueWords(lang.catalogue);

  it('is replaced with the project secret key, then opens Reports', async () => {
    await ui.start();
    const page = await ui.openCashier({ locale: lang.browser });
    await page
      .getByRole('navigation')
      .getByRole('button', { name: w['common.nav.reports'], exact: true })
      .click();
    const pinDialog = page.getByRole('dialog');
    const forgotLink = pinDialog.getByRole('button', { name: w['staff.forgot.open'] });
    await forgotLink.waitFor();
    await screenshot(page, `78-pin-dialog-${lang.tag}`);
    await forgotLink.click();

    const forgot = page.getByRole('dialog', {
      name: fillMessage(w['staff.forgot.title']!, { name: 'Demo manager' }),
    });
    await forgot.getByLabel(w['settings.pin.resetSecret']!, { exact: true }).fill('not-the-key');
    await forgot.getByLabel(w['settings.pin.new']!, { exact: true }).fill('5555');
    await forgot.getByLabel(w['settings.pin.repeat']!, { exact: true }).fill('5555');
    await forgot.getByRole('button', { name: w['staff.forgot.save'] }).click();
    await expect
      .poll(() => forgot.getByRole('alert').textContent())
      .toBe(w['manager.pin.secretWrong']);
    await screenshot(page, `78-forgot-pin-${lang.tag}`);

    await forgot.getByLabel(w['settings.pin.resetSecret']!, { exact: true }).fill(TEST_SECRET);
    await forgot.getByRole('button', { name: w['staff.forgot.save'] }).click();
    await expect
      .poll(() => pinDialog.getByRole('alert').textContent())
      .toBe(fillMessage(w['staff.forgot.done']!, { name: 'Demo manager' }));
    // The old PIN no longer opens anything; the new one does.
    await pinDialog.locator('input[type="password"]').fill('2468');
    await pinDialog.locator('button[type="submit"]').click();
    await expect.poll(() => pinDialog.getByRole('alert').textContent()).not.toBe('');
    await pinDialog.locator('input[type="password"]').fill('5555');
    await pinDialog.locator('button[type="submit"]').click();
    await page.getByRole('heading', { name: w['common.nav.reports'], level: 1 }).waitFor();
    const audit = ui.counter.journal.auditLog().map((e) => e.action);
    expect(audit).toContain('manager PIN reset refused');
    expect(audit).toContain('staff PIN reset with the secret key');
  });
});
