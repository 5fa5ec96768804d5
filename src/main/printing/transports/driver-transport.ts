import { said } from '../../../shared/i18n/said';
import type { DriverPaper } from '../../../shared/printing/printer-options';
import {
  failed,
  type PrintPayload,
  type PrintTransport,
  type SendOutcome,
} from './print-transport';

/**
 * Prints a slip's picture as a page on a printer with an OS driver (not ESC/POS), on a roll or
 * on sheets. Only the Electron shell has one (webContents.print, silent; driver-page-printer.ts).
 */
export interface DriverPrinter {
  print(payload: PrintPayload, printerName: string, paper: DriverPaper): Promise<SendOutcome>;
}

/** A driver printer by name, through the desktop app's page printing. */
export function driverTransport(
  printerName: string,
  paper: DriverPaper,
  driver: DriverPrinter | undefined,
): PrintTransport {
  return {
    description: said('printing.printer.driver', { name: printerName }),
    send: (payload): Promise<SendOutcome> =>
      driver
        ? driver.print(payload, printerName, paper)
        : Promise.resolve(failed(said('printing.failure.driverDesktopOnly'))),
  };
}
