import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser-harness';
import { pseudoFindings } from '../support/pseudo-check';
import { tourAll } from '../support/screen-tour';

/**
 * The pseudo-locale (every message accented, 40% longer, inside ⟦ ⟧) on every screen: no text
 * cut off by its box, and no word on screen that skipped the catalogue.
 */
describe('the pseudo-locale on every screen', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser.close());

  it('en-XA: nothing clipped, nothing left in English', async () => {
    const clipped: string[] = [];
    const untranslated: string[] = [];
    await tourAll(browser, 'en-XA', async (screen, page) => {
      const found = await pseudoFindings(page);
      clipped.push(...found.clipped.map((line) => `${screen}: ${line}`));
      untranslated.push(...found.untranslated.map((line) => `${screen}: ${line}`));
    });
    expect({ clipped, untranslated }).toEqual({ clipped: [], untranslated: [] });
    // The tour visits every screen, about 40 with the staff's.
  }, 120_000);
});
