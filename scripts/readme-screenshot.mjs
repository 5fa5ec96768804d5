#!/usr/bin/env node
// The README's picture: the cashier's screen in demo mode with a sale's QR showing, taken through
// the browser shell in Debian's Chromium (CHROMIUM_PATH overrides /usr/bin/chromium). Build the
// renderer first (`npm run -s build`), then `node scripts/readme-screenshot.mjs`: it starts
// `alipay-counter web` in a temporary data folder (removed afterwards), charges 88.00 CNY and
// writes docs/screenshot.png. Nothing is bought: the customer never presses a button.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const OUT = `${ROOT}docs/screenshot.png`;
const DATA = mkdtempSync(join(tmpdir(), 'alipay-counter-screenshot-'));

/** Starts the browser shell and resolves with the cashier's URL once it is printed. */
function startShell() {
  const child = spawn(process.execPath, ['bin/alipay-counter.mjs', 'web', '--data-dir', DATA], {
    cwd: ROOT,
    env: { ...process.env, ALIPAY_COUNTER_LOG: 'off' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      output += chunk.toString();
      const cashier = /cashier: (\S+)/.exec(output)?.[1];
      if (cashier) {
        clearTimeout(timer);
        resolve(cashier);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web exited ${code}:\n${output}`)));
  });
  return { child, url };
}

const shell = startShell();
const browser = await chromium.launch({
  executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(await shell.url);
  await page.getByLabel('Amount').fill('88.00');
  await page.getByRole('button', { name: /^Charge/ }).click();
  await page.getByRole('img', { name: 'Alipay QR code' }).first().waitFor();
  // Let the QR image decode and the countdown settle on a whole second.
  await page.waitForTimeout(1200);
  await page.screenshot({ path: OUT });
  console.log(`written: ${OUT}`);
} finally {
  await browser.close();
  await new Promise((resolve) => {
    shell.child.once('exit', resolve);
    shell.child.kill('SIGINT');
  });
  rmSync(DATA, { recursive: true, force: true });
}
