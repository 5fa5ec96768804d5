import { describe, expect, it } from 'vitest';
import { slipSizeInDots, type SlipPrintOptions } from '../../../src/main/printing/driver-page';
import {
  createDriverPrinter,
  type SlipPrintWindow,
} from '../../../src/main/printing/driver-page-printer';
import { renderSvg } from '../../../src/main/printing/slip-render';
import type { SendOutcome } from '../../../src/main/printing/transports/print-transport';
import { english } from '../../../src/main/i18n/wording';
import { transportFor, type PrintPayload } from '../../../src/main/printing/transports';
import type { DriverPaper, PaperWidth } from '../../../src/shared/printing/printer-options';
import { printerSettingsSchema } from '../../../src/shared/printing/printer-settings';

const SLIP = '^^支付宝 Alipay\n-\nCNY | 88.00\n{code:T01-261202-174012-9f3a2b;option:qrcode,6}\n';

function payload(paperWidth: PaperWidth): PrintPayload {
  return {
    bytes: Buffer.alloc(0),
    svg: () => renderSvg(SLIP, { paperWidth, codePage: 'gb18030' }),
    title: 'Receipt T01-261202-174012-9f3a2b',
    paperWidthMm: paperWidth,
  };
}

/** A hidden window whose webContents records what it was asked to print. */
class FakeSlipWindow implements SlipPrintWindow {
  printed: SlipPrintOptions[] = [];
  loaded: string[] = [];
  destroyed = false;
  constructor(
    private readonly printers: string[],
    private readonly answer: [boolean, string] = [true, ''],
  ) {}
  loadURL = async (url: string) => {
    this.loaded.push(url);
  };
  destroy = () => {
    this.destroyed = true;
  };
  webContents = {
    getPrintersAsync: async () => this.printers.map((name) => ({ name })),
    print: (options: SlipPrintOptions, callback: (success: boolean, reason: string) => void) => {
      this.printed.push(options);
      callback(...this.answer);
    },
  };
}

function printer(window: FakeSlipWindow) {
  return createDriverPrinter(() => window);
}

/** An outcome with its reason in English, as the log and the command line read it. */
const worded = (outcome: SendOutcome) =>
  outcome.ok ? outcome : { ok: false, reason: english(outcome.reason) };

describe('printing a slip through a printer driver', () => {
  it('a receipt roll gets a page of its width and of the slip length, in microns, not A4', async () => {
    for (const width of [80, 58] as const) {
      const window = new FakeSlipWindow(['POS-80 Receipt']);
      const slip = payload(width);
      expect(await printer(window).print(slip, 'POS-80 Receipt', 'roll')).toEqual({ ok: true });
      const dots = slipSizeInDots(slip.svg());
      const [options] = window.printed;
      expect(options).toEqual({
        silent: true,
        deviceName: 'POS-80 Receipt',
        printBackground: true,
        margins: { marginType: 'none' },
        pageSize: { width: width * 1000, height: Math.ceil((dots.height / 8 + 4) * 1000) },
      });
      // As long as the slip, and nowhere near A4's 297 mm.
      expect(options!.pageSize!.height).toBeGreaterThan(dots.height * 125);
      expect(options!.pageSize!.height).toBeLessThan(297_000);
      expect(options).not.toHaveProperty('usePrinterDefaultPageSize');
      expect(window.destroyed).toBe(true);
    }
  });

  it('an office printer prints on its own paper size, with its margins', async () => {
    const window = new FakeSlipWindow(['Office Laser']);
    await printer(window).print(payload(80), 'Office Laser', 'sheet');
    expect(window.printed).toEqual([
      {
        silent: true,
        deviceName: 'Office Laser',
        printBackground: true,
        margins: { marginType: 'default' },
        usePrinterDefaultPageSize: true,
      },
    ]);
  });

  it('the page shows the slip at its own size: 72 mm on 80 mm paper, 48 mm on 58 mm', async () => {
    for (const [width, printable] of [
      [80, 72],
      [58, 48],
    ] as const) {
      const window = new FakeSlipWindow(['POS']);
      await printer(window).print(payload(width), 'POS', 'roll');
      const page = decodeURIComponent(window.loaded[0]!);
      expect(page).toContain(`width: ${printable}mm`);
      expect(page).toContain('<title>Receipt T01-261202-174012-9f3a2b</title>');
    }
  });

  it('a printer that is not installed, or that refuses the job, is named in the failure', async () => {
    const missing = new FakeSlipWindow(['Office Laser']);
    expect(worded(await printer(missing).print(payload(80), 'POS-80', 'roll'))).toEqual({
      ok: false,
      reason: 'No printer called “POS-80” is installed (installed: "Office Laser").',
    });
    expect(missing.printed).toEqual([]);
    const refusing = new FakeSlipWindow(['POS-80'], [false, 'Print job failed']);
    expect(worded(await printer(refusing).print(payload(80), 'POS-80', 'roll'))).toEqual({
      ok: false,
      reason: 'The printer “POS-80” did not print the slip: Print job failed.',
    });
    expect(refusing.destroyed).toBe(true);
  });
});

describe('the paper setting of a printer with a driver', () => {
  it('reaches the driver; a printer saved before the setting existed prints on a roll', async () => {
    const saved = printerSettingsSchema.parse({
      kind: 'driver',
      address: 'POS-80',
      paperWidth: 80,
      codePage: 'gb18030',
      autoPrintCustomer: true,
      autoPrintMerchant: false,
    });
    expect(saved.driverPaper).toBe('roll');
    const papers: DriverPaper[] = [];
    const driver = {
      print: async (_payload: PrintPayload, _name: string, paper: DriverPaper) => {
        papers.push(paper);
        return { ok: true } as const;
      },
    };
    await transportFor(saved, { driver })!.send(payload(80));
    await transportFor({ ...saved, driverPaper: 'sheet' }, { driver })!.send(payload(80));
    expect(papers).toEqual(['roll', 'sheet']);
  });
});
