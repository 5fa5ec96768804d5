import {
  failed,
  type PrintPayload,
  type PrintTransport,
  type SendOutcome,
} from './print-transport';

/**
 * Prints a slip's picture as a page on a printer with an OS driver (not ESC/POS). Only the
 * Electron shell has one (webContents.print, silent); see src/main/windows/driver-printer.ts.
 */
export interface DriverPrinter {
  print(payload: PrintPayload, printerName: string): Promise<SendOutcome>;
}

/** A driver printer by name, through the desktop app's page printing. */
export function driverTransport(
  printerName: string,
  driver: DriverPrinter | undefined,
): PrintTransport {
  return {
    description: `printer "${printerName}" (system driver)`,
    send: (payload): Promise<SendOutcome> =>
      driver
        ? driver.print(payload, printerName)
        : Promise.resolve(
            failed(
              'Printers with a system driver print from the desktop app only, not from this shell.',
            ),
          ),
  };
}
