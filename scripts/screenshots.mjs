// `npm run screenshots [-- LOCALE ...]`: every screen of the counter in every language (and the
// pseudo-locale en-XA) as PNG files under screenshots/<locale>/<screen>.png, for people to review
// the wording and the layout. Drives the built renderer (npm run build first; the npm script
// does) in Debian's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) through the browser shell.
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LOCALES, PSEUDO_LOCALE } from '../src/shared/i18n/locales.ts';
import { launchChromium } from '../test/support/browser-harness.ts';
import { tourAll } from '../test/support/screen-tour.ts';
import { setLogSink } from '../src/main/logging/logger.ts';

const OUT = fileURLToPath(new URL('../screenshots/', import.meta.url));
const all = [...LOCALES, PSEUDO_LOCALE];
const asked = process.argv.slice(2);
const unknown = asked.filter((locale) => !all.includes(locale));
if (unknown.length > 0) {
  console.error(`screenshots: no language ${unknown.join(', ')} (choose from ${all.join(', ')})`);
  process.exit(2);
}
const locales = asked.length > 0 ? asked : all;

// The counters' own log lines are not what this script is for.
setLogSink(null);
const browser = await launchChromium();
let written = 0;
try {
  for (const locale of locales) {
    const folder = `${OUT}${locale}`;
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    await tourAll(browser, locale, async (screen, page) => {
      await page.screenshot({ path: `${folder}/${screen}.png` });
      written++;
    });
    console.log(`${locale}: ${folder}`);
  }
} finally {
  await browser.close();
}
console.log(`${written} screenshots in ${OUT}`);
