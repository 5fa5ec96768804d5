import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createCounter } from '../src/main/app/create-counter';
import { setLogSink } from '../src/main/logging/logger';
import { buildBridgeScript } from '../src/main/web-shell/bridge-script';
import { startWebShell } from '../src/main/web-shell/web-shell';
import { percentile } from './stats';

// In-page scripts, as text: they run in Chromium, not in Node (and stay free of build helpers).
const CHARGE_TO_QR = `new Promise((resolve) => {
  const start = performance.now();
  let seen = false;
  const check = () => {
    const img = document.querySelector('img[alt="Alipay QR code"]');
    if (seen || !img || !img.getAttribute('src')) return;
    seen = true;
    observer.disconnect();
    // Decoded: the next frame paints it.
    img.decode().then(() => resolve(performance.now() - start), () => resolve(performance.now() - start));
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['src'] });
  setTimeout(() => { if (!seen) { observer.disconnect(); resolve(-1); } }, 5000);
  document.querySelector('button.charge').click();
})`;
const PAID_SHOWN = `new Promise((resolve) => {
  const check = () => {
    if (Array.from(document.querySelectorAll('h1')).some((h) => h.textContent === 'Paid')) {
      observer.disconnect(); resolve(performance.timeOrigin + performance.now());
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
  check();
})`;

/** UI latency through the browser shell, in milliseconds. */
export interface UiFigures {
  readonly sales: number;
  readonly chargeToQrP50: number;
  readonly chargeToQrP99: number;
  readonly callbackToScreenP50: number;
  readonly callbackToScreenP99: number;
  readonly pressToScreenP50: number;
  readonly pressToScreenP99: number;
}

/**
 * Runs `sales` sales in Debian's Chromium against a demo counter:
 * - Charge to QR visible: from the Charge click (in the page) until the QR image has loaded;
 * - callback to screen: from the final callback's arrival at the listener (journal time) until
 *   "Paid" is on the screen; press to screen adds the sandbox and the callback delivery.
 */
export async function benchUi(sales = 200): Promise<UiFigures> {
  if (!existsSync('out/renderer/index.html'))
    throw new Error('no renderer in out/renderer: run `npm run build` first');
  setLogSink(null);
  const chargeToQr: number[] = [];
  const callbackToScreen: number[] = [];
  const pressToScreen: number[] = [];
  const counter = await createCounter({
    dataDir: mkdtempSync(join(tmpdir(), 'ui-bench-')),
    mode: 'demo',
  });
  try {
    const shell = await startWebShell({
      counter,
      rendererDir: 'out/renderer',
      bridgeScript: await buildBridgeScript(),
    });
    try {
      const browser = await chromium.launch({
        executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
        ],
      });
      try {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        await page.goto(shell.cashierUrl);
        await page.getByLabel('Amount').waitFor();
        for (let i = 0; i < sales + 10; i++) {
          await page.getByLabel('Amount').fill('18.80');
          const qrMs = (await page.evaluate(CHARGE_TO_QR)) as number;
          if (qrMs < 0) throw new Error(`sale ${i}: the QR did not appear within 5 s`);
          const session = await counter.handlers['session:get']({});
          const paymentId = session.ok ? session.value.active!.id : '';
          // Wait for "Paid" in the page while the customer presses Success on the sandbox.
          const paid = page.evaluate(PAID_SHOWN) as Promise<number>;
          const pressedAt = performance.timeOrigin + performance.now();
          const payment = counter.sandbox!.payment(1001, paymentId)!;
          await fetch(counter.sandbox!.customerUrl(payment), {
            method: 'POST',
            body: 'action=success',
            headers: { 'content-type': 'application/x-www-form-urlencoded' },
            redirect: 'manual',
          });
          const shownAt = await paid;
          if (shownAt < 0) throw new Error(`sale ${i}: "Paid" did not appear within 10 s`);
          const callback = counter.journal
            .callbacksOf(paymentId)
            .find((c) => c.outcome?.includes('→ succeeded'));
          if (i >= 10) {
            chargeToQr.push(qrMs);
            pressToScreen.push(shownAt - pressedAt);
            if (callback) callbackToScreen.push(shownAt - callback.receivedAt);
          }
          await page.keyboard.press('Enter');
          await page.getByLabel('Amount').waitFor();
        }
      } finally {
        await browser.close();
      }
    } finally {
      await shell.close();
    }
  } finally {
    await counter.close();
  }
  return {
    sales: chargeToQr.length,
    chargeToQrP50: percentile(chargeToQr, 50),
    chargeToQrP99: percentile(chargeToQr, 99),
    callbackToScreenP50: percentile(callbackToScreen, 50),
    callbackToScreenP99: percentile(callbackToScreen, 99),
    pressToScreenP50: percentile(pressToScreen, 50),
    pressToScreenP99: percentile(pressToScreen, 99),
  };
}
