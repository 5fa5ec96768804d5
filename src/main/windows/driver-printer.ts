import { BrowserWindow } from 'electron';
import type { DriverPrinter } from '../printing/transports';
import { failed, sent, type PrintPayload } from '../printing/transports/print-transport';

/** The page a driver printer prints: the slip's picture, as wide as the paper, no margins. */
function slipPage(payload: PrintPayload): string {
  const width = payload.paperWidthMm;
  const svg = encodeURIComponent(payload.svg());
  return `<!doctype html><html><head><meta charset="utf-8"><title>${payload.title.replace(/[<&]/g, '')}</title><style>
@page { margin: 0 }
body { margin: 0 }
img { display: block; width: ${width - 6}mm; margin: 0 auto }
</style></head><body><img src="data:image/svg+xml;charset=utf-8,${svg}"></body></html>`;
}

/**
 * Printers that are not ESC/POS (an office laser, a label printer with a Windows driver): the
 * slip's picture is printed as a page with webContents.print, silently, on the named printer,
 * from a hidden window in its own session with JavaScript off (it only shows a picture).
 */
export function createDriverPrinter(): DriverPrinter {
  return {
    async print(payload, printerName) {
      const window = new BrowserWindow({
        show: false,
        webPreferences: {
          partition: 'slip-printing',
          sandbox: true,
          contextIsolation: true,
          nodeIntegration: false,
          javascript: false,
        },
      });
      try {
        const installed = await window.webContents.getPrintersAsync();
        if (!installed.some((p) => p.name === printerName)) {
          const names = installed.map((p) => `"${p.name}"`).join(', ') || 'none';
          return failed(`No printer called "${printerName}" is installed (installed: ${names}).`);
        }
        await window.loadURL(
          `data:text/html;charset=utf-8,${encodeURIComponent(slipPage(payload))}`,
        );
        return await new Promise((resolve) =>
          window.webContents.print(
            {
              silent: true,
              deviceName: printerName,
              printBackground: true,
              margins: { marginType: 'none' },
            },
            (success, reason) =>
              resolve(
                success
                  ? sent
                  : failed(`The printer "${printerName}" did not print the slip: ${reason}.`),
              ),
          ),
        );
      } finally {
        window.destroy();
      }
    },
  };
}
