import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { Counter } from '../../src/main/app/create-counter';
import { buildBridgeScript } from '../../src/main/web-shell/bridge-script';
import { startWebShell, type WebShell } from '../../src/main/web-shell/web-shell';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIR = `${ROOT}out/renderer`;
export const SCREENSHOT_DIR = `${ROOT}test-results/screenshots`;

/** Debian's Chromium (never a downloaded browser), overridable with CHROMIUM_PATH. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Builds the renderer once if it is missing (npm test builds it first anyway). */
export function ensureRendererBuilt(): void {
  if (existsSync(`${RENDERER_DIR}/index.html`)) return;
  const result = spawnSync(
    process.execPath,
    [`${ROOT}node_modules/electron-vite/bin/electron-vite.js`, 'build'],
    { cwd: ROOT, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error('the renderer build failed');
}

/** Launches headless Chromium with the flags that work on these machines. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Serves the counter's UI through the browser shell (a live one only against a local sandbox). */
export async function serveCounter(counter: Counter): Promise<WebShell> {
  ensureRendererBuilt();
  return startWebShell({
    counter,
    rendererDir: RENDERER_DIR,
    bridgeScript: await buildBridgeScript(),
    liveAgainstLocalSandbox: counter.mode === 'live',
  });
}

/** Saves a screenshot as a test artifact under test-results/screenshots. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = `${SCREENSHOT_DIR}/${name}.png`;
  // A page that is still navigating (the phone right after pressing a button) can make Chromium
  // answer "Unable to capture screenshot": let it load and try again, three times at most.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.waitForLoadState('load');
      await page.screenshot({ path });
      return path;
    } catch (error) {
      if (attempt >= 3) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Reads the QR code on a page like the customer's phone would: takes the image's pixels and
 * decodes them. The test learns the payment's URL only from the picture.
 */
export async function scanQr(page: Page): Promise<string> {
  // The QR's name is in the window's language: found by what it is, not by its words.
  const image = page.locator('img.qr').first();
  await image.waitFor();
  // Like a phone camera, look again for a moment if the first frame does not read (the image
  // may still be decoding when it is first attached).
  for (let attempt = 0; attempt < 10; attempt++) {
    await image.evaluate((img) =>
      (img as unknown as { decode(): Promise<void> }).decode().catch(() => undefined),
    );
    const png = PNG.sync.read(await image.screenshot());
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    if (code) return code.data;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await image.screenshot({ path: `${SCREENSHOT_DIR}/undecodable-qr.png` });
  throw new Error(
    'the QR code on the screen could not be decoded (see test-results/screenshots/undecodable-qr.png)',
  );
}

/** The customer opens the scanned URL on their phone and presses a button. */
export async function customerPays(
  browser: Browser,
  url: string,
  button: 'Success' | 'Decline',
): Promise<Page> {
  const phone = await browser.newPage({ viewport: { width: 390, height: 760 }, isMobile: true });
  await phone.goto(url);
  await phone.getByRole('button', { name: new RegExp(`^${button}`) }).click();
  await phone.waitForLoadState('load');
  return phone;
}
