import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { DisplayLocale } from '../../src/shared/i18n/locales';
import { axeFindings, describeFindings } from '../support/axe';
import { launchChromium } from '../support/browser-harness';
import { tourAll } from '../support/screen-tour';

/**
 * axe-core on every screen a cashier, a manager, a merchant setting up and a customer see, in
 * three languages: no serious or critical finding (contrast, names, landmarks, ARIA) anywhere,
 * and one visible h1 on each (a PIN dialog over a screen keeps that screen's).
 */
describe('every screen passes axe-core', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  /** The tour visits every screen (about 40, staff included), each checked by axe-core. */
  const TOUR_TIMEOUT_MS = 120_000;

  for (const locale of ['en', 'zh-Hans', 'de'] as const satisfies readonly DisplayLocale[]) {
    it(
      `${locale}: no serious or critical violation on any screen`,
      async () => {
        const problems: string[] = [];
        const screens: string[] = [];
        await tourAll(browser, locale, async (screen, page) => {
          screens.push(screen);
          const findings = await axeFindings(page);
          if (findings.length > 0) problems.push(describeFindings(screen, findings));
          // A screen reader user lands on the screen's title first: one, at the top level.
          const titles = await page.locator('h1:visible').count();
          if (titles !== 1 && !screen.endsWith('-pin') && screen !== 'connection-lost')
            problems.push(`${screen}: ${titles} visible h1 headings, not 1`);
        });
        expect(screens).toEqual(
          expect.arrayContaining([
            'cashier-ready',
            'cashier-waiting',
            'cashier-paid',
            'cashier-declined',
            'cashier-cancelled',
            'history',
            'reports',
            'settings',
            'staff-hand-over',
            'staff-shift-report',
            'staff-lock',
            'staff-end-shift',
            'staff-ended-by-manager',
            'staff-sign-in',
            'staff-sign-in-pin',
            'display-welcome',
            'display-waiting',
            'display-paid',
            'first-run',
            'no-access-key',
          ]),
        );
        expect(problems.join('\n')).toBe('');
      },
      TOUR_TIMEOUT_MS,
    );
  }
});
