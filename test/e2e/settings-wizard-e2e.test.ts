import { describe, expect, it } from 'vitest';
import { createCounter } from '../../src/main/app/create-counter';
import { createMemorySecretStore } from '../../src/main/secrets/secret-store';
import { createSandbox } from '../../src/sandbox';
import { screenshot, serveCounter } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { FAST_PIN, tempDataDir, TEST_SECRET } from '../support/counter-harness';
import { catalogueWords } from '../support/catalogue-words';
import { BROWSER_LOCALE, WORDS, type Language } from '../support/settings-words';

/**
 * A live counter's first run in the merchant's own language (the browser's): the wizard walks
 * through the same sections as Settings, named as Settings names them, and checks each field
 * before anything is saved. After the manager PIN it asks the manager's name: they become the
 * counter's first staff member, signed in with that PIN.
 */
describe('the first-run wizard in the browser', () => {
  const ui = useBrowserCounter();

  for (const language of Object.keys(WORDS) as Language[]) {
    it(`${language}: the PIN, the manager's name, then Settings' own sections, each field checked where it is`, async () => {
      const words = WORDS[language];
      const staffWords = catalogueWords(language);
      const sandbox = await createSandbox({ projects: [{ id: 4242, secret: TEST_SECRET }] });
      const counter = await createCounter({
        pinCost: FAST_PIN,
        dataDir: tempDataDir(),
        mode: 'live',
        secretStore: createMemorySecretStore({}),
        settingsOverrides: { gateUrl: sandbox.url, paymentPageUrl: sandbox.url, callbackPort: 0 },
      });
      const shell = await serveCounter(counter);
      try {
        const page = ui.track(
          await ui.browser.newPage({
            viewport: { width: 1280, height: 800 },
            locale: BROWSER_LOCALE[language],
          }),
        );
        await page.goto(shell.cashierUrl);
        await page.getByRole('heading', { level: 1, name: words.wizardTitle }).waitFor();
        const steps = await page.getByRole('list', { name: /./ }).first().textContent();
        for (const name of [words.pin, words.store, words.account, words.customerPage])
          expect(steps).toContain(name);
        await screenshot(page, `74-wizard-pin-${language}`);

        await page.getByLabel(words.newPin, { exact: true }).fill('482916');
        await page.getByLabel(words.repeatPin, { exact: true }).fill('482916');
        await page.getByRole('button', { name: words.next, exact: true }).click();

        // The manager's name: refused empty, then they are the first staff member, signed in.
        const manager = page.getByRole('form', { name: staffWords['staff.firstManager.title'] });
        await manager.getByRole('button', { name: words.next, exact: true }).click();
        await expect
          .poll(() => manager.getByText(staffWords['staff.firstManager.noName']!).count())
          .toBe(1);
        await screenshot(page, `74-wizard-manager-${language}`);
        await manager.getByLabel(staffWords['staff.firstManager.name']!).fill('Mia');
        await manager.getByRole('button', { name: words.next, exact: true }).click();

        // The Store section of Settings, with its own fields and Advanced.
        const store = page.getByRole('form', { name: words.store });
        const ip = store.getByLabel(words.storeIp, { exact: true });
        await ip.fill('192.168.1.20');
        await store.getByRole('button', { name: words.saveNext, exact: true }).click();
        await expect.poll(() => ip.getAttribute('aria-invalid')).toBe('true');
        expect(await store.textContent()).toContain(words.privateIp);
        expect(await store.getByText(words.advanced, { exact: true }).count()).toBe(1);
        const saved = await counter.handlers['settings:get']({});
        expect(saved.ok && saved.value.storeIpAddress).toBe('');
        await screenshot(page, `75-wizard-store-refused-${language}`);

        await ip.fill('93.184.216.34');
        await store.getByRole('button', { name: words.saveNext, exact: true }).click();
        await page.getByRole('form', { name: words.account }).waitFor();
        await screenshot(page, `76-wizard-account-${language}`);
        const after = await counter.handlers['settings:get']({});
        expect(after.ok && after.value.storeIpAddress).toBe('93.184.216.34');
        expect(counter.staff.directory.list().map((m) => [m.name, m.role])).toEqual([
          ['Mia', 'manager'],
        ]);
        expect(counter.staff.shifts.current()?.member.name).toBe('Mia');
      } finally {
        await shell.close();
        await counter.close();
        await sandbox.close();
      }
    });
  }
});
