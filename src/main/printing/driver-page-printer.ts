import { said } from '../../shared/i18n/said';
import type { DriverPaper } from '../../shared/printing/printer-options';
import { slipPageHtml, slipPrintOptions, type SlipPrintOptions } from './driver-page';
import type { DriverPrinter } from './transports';
import { failed, sent, type SendOutcome } from './transports/print-transport';

/** The part of a hidden BrowserWindow that prints a page (a fake in tests). */
export interface SlipPrintWindow {
  loadURL(url: string): Promise<void>;
  destroy(): void;
  readonly webContents: {
    getPrintersAsync(): Promise<Array<{ name: string }>>;
    print(options: SlipPrintOptions, callback: (success: boolean, reason: string) => void): void;
  };
}

/**
 * Printers that are not ESC/POS (an office laser, a receipt printer with a Windows driver): the
 * slip's picture printed as a page, silently, on the named printer, from a hidden window that
 * only shows that picture. `openWindow` makes the window (Electron's BrowserWindow in the app).
 */
export function createDriverPrinter(openWindow: () => SlipPrintWindow): DriverPrinter {
  return {
    async print(payload, printerName, paper: DriverPaper = 'roll') {
      const window = openWindow();
      try {
        const installed = await window.webContents.getPrintersAsync();
        if (!installed.some((p) => p.name === printerName)) {
          const names = installed.map((p) => `"${p.name}"`).join(', ') || '-';
          return failed(
            said('printing.failure.driverNotInstalled', { name: printerName, installed: names }),
          );
        }
        const svg = payload.svg();
        const page = slipPageHtml(svg, payload.title);
        await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page)}`);
        const options = slipPrintOptions(printerName, paper, payload.paperWidthMm, svg);
        return await new Promise<SendOutcome>((resolve) =>
          window.webContents.print(options, (success, reason) =>
            resolve(
              success
                ? sent
                : failed(
                    said('printing.failure.driverNotPrinted', {
                      name: printerName,
                      detail: reason,
                    }),
                  ),
            ),
          ),
        );
      } catch (error) {
        return failed(said('printing.failure.driverError', { detail: (error as Error).message }));
      } finally {
        window.destroy();
      }
    },
  };
}
