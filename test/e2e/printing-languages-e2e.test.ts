import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { wordIn } from '../../src/main/i18n/wording';
import { said } from '../../src/shared/i18n/said';
import type { Locale } from '../../src/shared/i18n/locales';
import type { PrinterSettings } from '../../src/shared/printing/printer-options';
import { axeFindings } from '../support/axe';
import { useBrowserCounter } from '../support/browser-counter';
import { charge, pressOnSandbox, waitForPayment } from '../support/counter-harness';
import { startFakePrinter, type FakeReceiptPrinter } from '../support/fake-receipt-printer';
import { readSlipPreview } from '../support/slip-preview-reader';
import { openAsManager } from '../support/manager-session';

const FAST = { connectMs: 1000, statusMs: 300, finishMs: 800 };

/** What a manager reads in Settings → Printer, and on the slips, in each language. */
const EXPECTED = {
  en: {
    browser: 'en-GB',
    form: 'Printer',
    heading: 'Receipt printer',
    kind: 'Kind of printer',
    preview: 'Slip preview, 80 mm',
    merchantTab: 'Merchant copy',
    merchantSlip: ['MERCHANTCOPY', 'PAYMENTRECEIPT', 'CNY88.00', 'Thankyou'],
    languages:
      'Merchant copies and reports print in English; customer slips in Simplified Chinese.',
    cp858: /customer slips print in English instead of Simplified Chinese/,
    test: 'Test print',
    refused: /refused the connection/,
    failedLine: /Receipt not printed\..*out of paper/,
  },
  de: {
    browser: 'de-DE',
    form: 'Drucker',
    heading: 'Belegdrucker',
    kind: 'Art des Druckers',
    preview: 'Belegvorschau, 80 mm',
    merchantTab: 'Händlerbeleg',
    merchantSlip: ['HÄNDLERBELEG', 'ZAHLUNGSBELEG', '88,00CNY', 'VielenDank'],
    languages: 'Händlerbelege und Berichte auf Deutsch, Kundenbelege auf Chinesisch (vereinfacht).',
    cp858: /Kundenbelege werden auf Englisch statt auf Chinesisch \(vereinfacht\) gedruckt/,
    test: 'Testdruck',
    refused: /hat die Verbindung abgelehnt/,
    failedLine: /Beleg nicht gedruckt\..*hat kein Papier/,
  },
  'zh-Hans': {
    browser: 'zh-CN',
    form: '打印机',
    heading: '小票打印机',
    kind: '打印机类型',
    preview: '小票预览，80 毫米',
    merchantTab: '商户联',
    merchantSlip: ['商户联', '收款凭证', 'CNY88.00', '谢谢惠顾'],
    languages: '小票语言：简体中文。',
    cp858: /小票改用英文打印，而不是简体中文/,
    test: '打印测试页',
    refused: /拒绝连接/,
    failedLine: /小票未打印。.*缺纸/,
  },
} as const;

const printerAt = (address: string): PrinterSettings => ({
  kind: 'tcp',
  address,
  paperWidth: 80,
  codePage: 'gb18030',
  driverPaper: 'roll',
  autoPrintCustomer: true,
  autoPrintMerchant: false,
});

/** Settings → Printer and its slip preview in the language of the browser, as a manager sees them. */
describe('the printer settings and slip preview speak the browser’s language', () => {
  const ui = useBrowserCounter();
  let printer: FakeReceiptPrinter;

  async function openIn(locale: keyof typeof EXPECTED): Promise<Page> {
    printer = await startFakePrinter('print');
    await ui.start({
      settingsOverrides: { merchantName: 'Café Müller', printer: printerAt(printer.address) },
      printing: { tcpTimeouts: FAST },
    });
    const page = ui.track(
      await ui.browser.newPage({
        viewport: { width: 1280, height: 800 },
        locale: EXPECTED[locale].browser,
      }),
    );
    page.on('pageerror', (error) => {
      throw error;
    });
    await page.goto(ui.shell.cashierUrl);
    const settings = wordIn(locale as Locale, said('common.nav.settings'));
    await openAsManager(page, settings);
    return page;
  }

  for (const locale of ['en', 'de', 'zh-Hans'] as const) {
    const words = EXPECTED[locale];
    it(`${locale}: the Printer section, the merchant copy’s preview, and why a slip did not print`, async () => {
      const page = await openIn(locale);
      try {
        // Settings' side list: the Printer section.
        await page.getByRole('button', { name: words.form, exact: true }).click();
        const section = page.getByRole('form', { name: words.form, exact: true });
        await section.getByRole('heading', { name: words.heading }).waitFor();
        await section.scrollIntoViewIfNeeded();
        expect(await section.getByLabel(words.kind).inputValue()).toBe('tcp');
        expect(await page.locator('html').getAttribute('lang')).toBe(locale);

        const preview = page.getByRole('figure', { name: words.preview });
        await preview.getByRole('radio', { name: words.merchantTab }).click();
        await expect
          .poll(async () => (await readSlipPreview(preview)).text.replace(/\s/g, ''))
          .toContain(words.merchantSlip[0]);
        const slip = (await readSlipPreview(preview)).text.replace(/\s/g, '');
        for (const text of words.merchantSlip) expect(slip).toContain(text);
        await expect
          .poll(() => preview.getByRole('listitem').first().textContent())
          .toBe(words.languages);
        await page.screenshot({ path: `/tmp/printing-${locale}-settings.png` });
        // Nothing serious for axe in the section and its preview (the whole page is the shell's).
        const findings = await axeFindings(page);
        expect(
          findings.filter((finding) =>
            finding.where.some((where) => /printer|slip|print/.test(where)),
          ),
        ).toEqual([]);

        // A printer without Chinese: Settings says the Chinese customer's slips print in English.
        await section.getByLabel(/CP858|Codepage|代码页/).selectOption('cp858');
        await expect.poll(() => preview.textContent()).toMatch(words.cp858);
        await preview.screenshot({ path: `/tmp/printing-${locale}-cp858.png` });

        // A printer that refuses: the Test print says why, in the window's language.
        await section.getByRole('textbox').first().fill('127.0.0.1:1');
        await section.getByRole('button', { name: words.test }).click();
        await expect.poll(() => section.getByRole('status').textContent()).toMatch(words.refused);
        await page.screenshot({ path: `/tmp/printing-${locale}-test-failed.png` });
      } finally {
        await printer.close();
      }
    });
  }

  for (const locale of ['de', 'zh-Hans'] as const) {
    it(`${locale}: a slip the printer could not print is one line in the window’s language, with Retry`, async () => {
      const page = await openIn(locale);
      try {
        printer.behaviour = 'paper-out';
        const c = ui.counter;
        const sale = await charge(c, '18.80');
        await waitForPayment(c, sale.id, (p) => p.state === 'awaiting_customer');
        await pressOnSandbox(c.sandbox!, sale.id, 'success');
        const line = page.getByRole('alert', {
          name: wordIn(locale, said('printing.failedLine.label')),
        });
        await expect.poll(() => line.textContent()).toMatch(EXPECTED[locale].failedLine);
        await page.screenshot({ path: `/tmp/printing-${locale}-failed-line.png` });
        const findings = await axeFindings(page);
        expect(findings.filter((f) => f.where.some((where) => /print/.test(where)))).toEqual([]);
        printer.behaviour = 'print';
        await line
          .getByRole('button', { name: wordIn(locale, said('printing.failedLine.retry')) })
          .click();
        await printer.waitForJobs(1);
        await line.waitFor({ state: 'detached' });
      } finally {
        await printer.close();
      }
    });
  }
});
