import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { printedQrCodes, printedText } from '../support/escpos-reader';
import {
  refusingAddress,
  startFakePrinter,
  type FakeReceiptPrinter,
} from '../support/fake-receipt-printer';
import { runCli } from '../support/run-cli';

let printer: FakeReceiptPrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

describe('cli print-test', () => {
  it('prints the sample slip with the given payment id in its text and QR, exits 0 once taken', async () => {
    printer = await startFakePrinter('print');
    const svg = join(mkdtempSync(join(tmpdir(), 'print-test-')), 'slip.svg');
    const run = await runCli([
      'print-test',
      '--printer',
      `tcp://${printer.address}`,
      '--width',
      '58',
      '--payment-id',
      'T09-261202-101010-c0ffee',
      '--merchant',
      '小笼包 Dumplings',
      '--svg',
      svg,
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [slip] = await printer.waitForJobs(1);
    expect(run.stdout).toBe(
      `printed the sample slip for T09-261202-101010-c0ffee on network printer ${printer.address} (${slip!.length} bytes, 58 mm)\n`,
    );
    expect(printedQrCodes(slip!)).toEqual(['T09-261202-101010-c0ffee']);
    const text = printedText(slip!);
    expect(text).toContain('T09-261202-101010-c0ffee');
    expect(text).toContain('小笼包 Dumplings');
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg width="384px"/);
  });

  it('prints in --language as far as the code page can: German on CP858 with its umlauts; Chinese on CP858 in English, with a note', async () => {
    printer = await startFakePrinter('print');
    const german = await runCli([
      'print-test',
      '--printer',
      `tcp://${printer.address}`,
      '--code-page',
      'cp858',
      '--language',
      'de',
      '--merchant',
      'Café Müller',
    ]);
    expect(german.stderr).toBe('');
    expect(german.code).toBe(0);
    const [slip] = await printer.waitForJobs(1);
    const text = printedText(slip!);
    for (const words of ['Café Müller', 'KUNDENBELEG', '88,00 CNY', 'Vielen Dank'])
      expect(text).toContain(words);

    const chinese = await runCli([
      'print-test',
      '--printer',
      `tcp://${printer.address}`,
      '--code-page',
      'cp858',
    ]);
    expect(chinese.code).toBe(0);
    expect(chinese.stderr).toBe(
      'print-test: note: This code page has no Chinese characters: slips print in English instead of Simplified Chinese. Choose GB18030 or Big5 if the printer has Chinese.\n',
    );
    const [, english] = await printer.waitForJobs(2);
    expect(printedText(english!)).toContain('CUSTOMER COPY');
    expect(printedText(english!)).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it(
    'a printer that cannot be used, or bad input: one line saying why, exit 1',
    { timeout: 60_000 },
    async () => {
      const cases: Array<[string[], RegExp]> = [
        [
          ['--printer', `tcp://${await refusingAddress()}`],
          /^print-test: Printer 127\.0\.0\.1:\d+ refused the connection/,
        ],
        // A name that never resolves (.invalid); where DNS itself hangs, the connect timeout says so.
        [
          ['--printer', 'tcp://printer.invalid'],
          /^print-test: (No printer called printer\.invalid on the network\.|Printer printer\.invalid:9100 did not answer in 3 s)/,
        ],
        [
          ['--printer', 'tcp://bad:99999'],
          /^print-test: "tcp:\/\/bad:99999": Enter the printer’s network address/,
        ],
        [['--printer', 'usb://thing'], /^print-test: "usb:\/\/thing" is not a printer/],
        [
          ['--printer', 'tcp://127.0.0.1:9100', '--width', '72'],
          /^print-test: --width must be 58 or 80/,
        ],
        [
          ['--printer', 'tcp://127.0.0.1:9100', '--payment-id', 'a b'],
          /^print-test: --payment-id must be/,
        ],
        [[], /^print-test: --printer is required$/],
      ];
      // Each run starts a Node process: run them side by side.
      const runs = await Promise.all(
        cases.map(([args]) => runCli(['print-test', ...args], { timeoutMs: 30_000 })),
      );
      cases.forEach(([args, message], i) => {
        const run = runs[i]!;
        expect(run.code, args.join(' ')).toBe(1);
        expect(run.stdout).toBe('');
        expect(run.stderr.split('\n').filter(Boolean)).toHaveLength(1);
        expect(run.stderr.trim()).toMatch(message);
      });
    },
  );
});
