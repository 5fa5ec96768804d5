import { createServer, type Server } from 'node:net';
import { describe, expect, it } from 'vitest';
import { screenshot } from '../support/browser-harness';
import { openAsManager } from '../support/manager-session';
import { useBrowserCounter } from '../support/browser-counter';
import { BROWSER_LOCALE, WORDS, type Language } from '../support/settings-words';

/** A port some other program holds, so that the counter cannot listen on it. */
async function takenPort(): Promise<{ port: number; server: Server }> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { port: address.port, server };
}

/**
 * Settings as a manager meets it, in English, 简体中文 and German (the browser's language):
 * sections with a side list, each field checked where it is before any PIN is asked, one
 * section saved at a time, technical fields under Advanced with their defaults.
 */
describe('Settings in the browser', () => {
  const ui = useBrowserCounter();

  /** The cashier window in `language`, as the browser's locale sets it, on Settings → `section`. */
  async function openSettings(language: Language, section: keyof typeof WORDS.en) {
    await ui.start();
    const page = ui.track(
      await ui.browser.newPage({
        viewport: { width: 1280, height: 800 },
        locale: BROWSER_LOCALE[language],
      }),
    );
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(ui.shell.cashierUrl);
    await page.locator(`html[lang="${language}"]`).waitFor();
    const words = WORDS[language];
    // Settings are the manager's: the demo PIN opens the manager session, and saving a section
    // while it is open asks nothing more.
    await openAsManager(page, words.settings);
    await page.getByRole('heading', { level: 1, name: words.settings }).waitFor();
    const nav = page.getByRole('navigation', { name: /./ }).filter({ hasText: words.store });
    await nav.getByRole('button', { name: words[section], exact: true }).click();
    return { page, words, form: page.getByRole('form', { name: words[section] }) };
  }

  for (const language of Object.keys(WORDS) as Language[]) {
    it(`${language}: a bad address is marked on its field before any PIN is asked`, async () => {
      const { page, words, form } = await openSettings(language, 'callbacks');
      const field = form.getByLabel(words.publicUrl, { exact: true });
      await field.fill('http://shop.example/cb');
      await form.getByRole('button', { name: words.save, exact: true }).click();

      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
      const error = page.locator(`[id="${describedBy.split(' ')[0]}"]`);
      expect(await error.textContent()).toContain(words.notHttps);
      // The focus is on the field to fix, and no PIN dialog opened.
      expect(await field.evaluate((input) => input === input.ownerDocument.activeElement)).toBe(
        true,
      );
      expect(await page.getByRole('dialog').count()).toBe(0);
      await screenshot(page, `70-settings-field-error-${language}`);

      // Fixing it takes its error away; nothing was saved meanwhile.
      await field.fill('');
      expect(await field.getAttribute('aria-invalid')).toBeNull();
      const saved = await ui.counter.handlers['settings:get']({});
      expect(saved.ok && saved.value.callbackPublicUrl).toBe('');
    });

    it(`${language}: Store saves only its own fields, under the manager session`, async () => {
      const { page, words, form } = await openSettings(language, 'store');
      await form.getByLabel(words.merchantName, { exact: true }).fill('Jade Tea Room 翡翠茶馆');
      await form.getByLabel(words.customerLanguage).selectOption('zh-Hant');
      await screenshot(page, `71-settings-store-${language}`);
      await form.getByRole('button', { name: words.save, exact: true }).click();
      await form.getByText(words.saved, { exact: true }).waitFor();
      expect(await page.getByRole('dialog').count()).toBe(0);

      const saved = await ui.counter.handlers['settings:get']({});
      expect(saved.ok && saved.value).toMatchObject({
        merchantName: 'Jade Tea Room 翡翠茶馆',
        customerLanguage: 'zh-Hant',
        thresholdSeconds: 3600,
        callbackPublicUrl: '',
      });
      // Only Store's fields went to main: the journal's audit names what changed.
      const audit = ui.counter.journal.auditLog().filter((e) => e.action === 'settings changed');
      expect(JSON.stringify(audit.at(-1))).not.toMatch(/thresholdSeconds|callbackPort/);
    });

    it(`${language}: Advanced shows each technical field with its default, and opens on an error`, async () => {
      const { page, words, form } = await openSettings(language, 'customerPage');
      const threshold = form.getByLabel(words.threshold);
      expect(await threshold.isVisible()).toBe(false);
      await form.getByText(words.advanced, { exact: true }).click();
      await form.getByText(words.usualThreshold, { exact: true }).waitFor();
      await screenshot(page, `72-settings-advanced-${language}`);

      // A bad value under a closed Advanced: Save opens it and puts the focus there.
      await threshold.fill('5');
      await form.getByText(words.advanced, { exact: true }).click();
      expect(await threshold.isVisible()).toBe(false);
      await form.getByRole('button', { name: words.save, exact: true }).click();
      await expect.poll(() => threshold.isVisible()).toBe(true);
      expect(await threshold.getAttribute('aria-invalid')).toBe('true');
      expect(await threshold.evaluate((input) => input === input.ownerDocument.activeElement)).toBe(
        true,
      );
      expect(await form.textContent()).toContain(words.seconds);
      expect(await page.getByRole('dialog').count()).toBe(0);
    });
  }

  it('main refuses the change (a port taken meanwhile): the error lands on the port field', async () => {
    const { port, server } = await takenPort();
    try {
      const { page, words, form } = await openSettings('de', 'callbacks');
      await form.getByText(words.advanced, { exact: true }).click();
      const field = form.getByLabel(words.port);
      await field.fill(String(port));
      await form.getByRole('button', { name: words.save, exact: true }).click();
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      expect(await form.textContent()).toContain(words.portInUse);
      await screenshot(page, '73-settings-refused-after-pin-de');
    } finally {
      server.close();
    }
  });
  for (const language of Object.keys(WORDS) as Language[]) {
    it(`${language}: every section from the side list, one at a time`, async () => {
      const { page, words } = await openSettings(language, 'store');
      const sections = [
        'store',
        'account',
        'customerPage',
        'printer',
        'callbacks',
        'limits',
        'staff',
        'about',
      ] as const;
      // Demo mode has staff: each manager's PIN is theirs, under Staff; no counter-wide PIN.
      expect(await page.getByRole('button', { name: words.pin, exact: true }).count()).toBe(0);
      for (const section of sections) {
        const button = page.getByRole('button', { name: words[section], exact: true });
        await button.click();
        await expect.poll(() => button.getAttribute('aria-current')).toBe('page');
        await page.getByRole('heading', { level: 2 }).first().waitFor();
        await screenshot(page, `77-settings-${section}-${language}`);
      }
    });
  }
  it("de: limits are typed with a decimal comma; one below Alipay's bound is marked before anything is saved", async () => {
    const { page, form } = await openSettings('de', 'limits');
    const smallest = form.getByLabel('Kleinster Verkauf in CNY', { exact: true });
    expect(await smallest.inputValue()).toBe('10,00');
    await smallest.fill('5,50');
    await form.getByRole('button', { name: 'Speichern', exact: true }).click();
    await expect.poll(() => smallest.getAttribute('aria-invalid')).toBe('true');
    expect(await form.textContent()).toContain('Mindestens 10 CNY');
    expect(await page.getByRole('dialog').count()).toBe(0);

    await smallest.fill('12,50');
    await form.getByRole('button', { name: 'Speichern', exact: true }).click();
    await form.getByText('Gespeichert.', { exact: true }).waitFor();
    const saved = await ui.counter.handlers['settings:get']({});
    expect(saved.ok && saved.value.amountLimits['CNY']).toEqual({ min: 1250, max: 500000 });
  });
});
