import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PrinterSettings } from '../../src/shared/printing/printer-options';
import { customerPays, scanQr, screenshot } from '../support/browser-harness';
import { useBrowserCounter } from '../support/browser-counter';
import { openAsManager } from '../support/manager-session';
import { printedQrCodes, printedText } from '../support/escpos-reader';
import { startFakePrinter, type FakeReceiptPrinter } from '../support/fake-receipt-printer';
import { readSlipPreview } from '../support/slip-preview-reader';

const FAST = { connectMs: 1000, statusMs: 300, finishMs: 800 };

const printerAt = (address: string): PrinterSettings => ({
  kind: 'tcp',
  address,
  paperWidth: 80,
  codePage: 'gb18030',
  driverPaper: 'roll',
  autoPrintCustomer: true,
  autoPrintMerchant: false,
});

/** A cashier with the counter's receipt printer, in Chromium. */
describe('receipt printing in the browser', () => {
  const ui = useBrowserCounter();
  let printer: FakeReceiptPrinter;

  async function open(printerSettings?: PrinterSettings): Promise<Page> {
    printer = await startFakePrinter('print');
    await ui.start({
      settingsOverrides: {
        merchantName: '茶馆 Tea House',
        printer: printerSettings ?? printerAt(printer.address),
      },
      printing: { tcpTimeouts: FAST },
    });
    const page = await ui.openCashier();
    ui.track(page);
    return page;
  }

  async function sell(cashier: Page, amount: string): Promise<string> {
    await cashier.getByLabel('Amount').fill(amount);
    await cashier.keyboard.press('Enter');
    ui.track(await customerPays(ui.browser, await scanQr(cashier), 'Success'));
    await cashier.getByRole('heading', { name: 'Paid' }).waitFor();
    const session = await ui.counter.handlers['session:get']({});
    return session.ok ? session.value.active!.id : '';
  }

  it('Settings → Printer: the preview at 58 and 80 mm reads (QR, amount); Test print reaches the printer', async () => {
    const cashier = await open();
    const settings = await ui.counter.handlers['settings:get']({});
    const sampleId = `${settings.ok ? settings.value.terminalId : ''}-TEST-PRINT`;
    try {
      await openAsManager(cashier, 'Settings');
      await cashier.getByRole('button', { name: 'Printer', exact: true }).click();
      const section = cashier.getByRole('form', { name: 'Printer' });
      await section.scrollIntoViewIfNeeded();
      for (const width of [80, 58] as const) {
        await section.getByRole('radio', { name: `${width} mm` }).check();
        const preview = cashier.getByRole('figure', { name: `Slip preview, ${width} mm` });
        await preview.getByRole('img').waitFor();
        const slip = await readSlipPreview(preview);
        expect(slip.qr).toBe(sampleId);
        const text = slip.text.replace(/\s/g, '');
        // The sample is the customer's slip, in the customer display's Simplified Chinese.
        expect(text).toContain('CNY88.00');
        expect(text).toContain('茶馆TeaHouse');
        expect(text).toContain('支付宝');
        expect(
          await preview
            .getByRole('img')
            .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
        ).toBe(width === 58 ? 384 : 576);
        await screenshot(cashier, `40-printer-settings-${width}mm`);
        await preview.screenshot({
          path: `test-results/screenshots/41-slip-preview-${width}mm.png`,
        });
      }
      await section.getByRole('button', { name: 'Test print' }).click();
      await expect
        .poll(() => section.getByRole('status').textContent())
        .toMatch(/^Printed: the test slip went to the network printer 127\.0\.0\.1:\d+\.$/);
      const [test] = await printer.waitForJobs(1);
      expect(printedQrCodes(test!)).toEqual([sampleId]);

      // A printer that refuses: the Test print says why, in Settings.
      await section.getByLabel('Address (host or host:port)').fill('127.0.0.1:1');
      await section.getByRole('button', { name: 'Test print' }).click();
      await expect
        .poll(() => section.getByRole('status').textContent())
        .toMatch(/refused the connection/);
      await screenshot(cashier, '42-printer-test-failed');
    } finally {
      await printer.close();
    }
  });

  it('a printer with a driver: Paper asks roll or sheets, and Sheets is saved with the printer', async () => {
    const cashier = await open();
    try {
      await openAsManager(cashier, 'Settings');
      await cashier.getByRole('button', { name: 'Printer', exact: true }).click();
      const section = cashier.getByRole('form', { name: 'Printer' });
      await section.scrollIntoViewIfNeeded();
      expect(await section.getByRole('group', { name: 'Paper', exact: true }).count()).toBe(0);
      await section.getByLabel('Kind of printer').selectOption('driver');
      await section.getByLabel('Printer name').fill('Office Laser');
      const paper = section.getByRole('group', { name: 'Paper', exact: true });
      expect(await paper.getByRole('radio', { name: /^Receipt roll/ }).isChecked()).toBe(true);
      await paper.getByRole('radio', { name: /^Sheets/ }).check();
      await screenshot(cashier, '43-printer-settings-driver-paper');
      // The manager session opened Settings: saving asks no PIN again.
      await section.getByRole('button', { name: 'Use this printer' }).click();
      await expect
        .poll(async () => {
          const saved = await ui.counter.handlers['settings:get']({});
          return saved.ok ? saved.value.printer : undefined;
        })
        .toMatchObject({ kind: 'driver', address: 'Office Laser', driverPaper: 'sheet' });
    } finally {
      await printer.close();
    }
  });

  it("sale → slip on the printer → reprint from History → the slip's QR scanned into History opens the payment", async () => {
    const cashier = await open();
    try {
      const paymentId = await sell(cashier, '66.60');
      const [slip] = await printer.waitForJobs(1);
      expect(printedText(slip!)).toContain('CNY 66.60');
      const scanned = printedQrCodes(slip!)[0]!;
      expect(scanned).toBe(paymentId);

      await cashier.getByRole('button', { name: 'History' }).click();
      await cashier.getByRole('row', { name: new RegExp(paymentId) }).click();
      await cashier.getByRole('button', { name: 'Reprint slip' }).click();
      await expect
        .poll(() => cashier.getByRole('status').first().textContent())
        .toMatch(/^Printing on the network printer/);
      const [, reprint] = await printer.waitForJobs(2);
      expect(printedText(reprint!)).toContain('重印');
      expect(printedQrCodes(reprint!)).toEqual([paymentId]);
      await screenshot(cashier, '43-payment-detail-print');

      // A hand scanner reads the slip's QR and types it, then Enter, into the focused search.
      await cashier.getByRole('button', { name: 'Back to history' }).click();
      await cashier.getByRole('button', { name: 'Counter' }).click();
      await cashier.getByRole('button', { name: 'History' }).click();
      await expect
        .poll(() =>
          cashier.evaluate(() =>
            (
              globalThis as unknown as {
                document: { activeElement: { getAttribute(n: string): string | null } | null };
              }
            ).document.activeElement?.getAttribute('placeholder'),
          ),
        )
        .toMatch(/scan the receipt’s QR/);
      await cashier.keyboard.type(scanned, { delay: 5 });
      await cashier.keyboard.press('Enter');
      await cashier.getByRole('heading', { name: paymentId }).waitFor();
      await cashier.getByRole('region', { name: 'Payment detail' }).waitFor();
    } finally {
      await printer.close();
    }
  });

  it('a printer out of paper: the sale is paid, one line with Retry; Retry prints the slip and the line goes', async () => {
    const cashier = await open();
    try {
      printer.behaviour = 'paper-out';
      const paymentId = await sell(cashier, '18.80');
      const line = cashier.getByRole('alert', { name: 'Printer problem' });
      await expect
        .poll(() => line.textContent())
        .toMatch(/Receipt not printed\..*out of paper: put in a new roll, then Retry\./);
      await expect
        .poll(() => cashier.getByRole('heading', { name: 'Paid' }).isVisible())
        .toBe(true);
      await screenshot(cashier, '44-print-failed-line');

      printer.behaviour = 'print';
      await line.getByRole('button', { name: 'Retry' }).click();
      const [slip] = await printer.waitForJobs(1);
      expect(printedQrCodes(slip!)).toEqual([paymentId]);
      await line.waitFor({ state: 'detached' });
    } finally {
      await printer.close();
    }
  });
});
