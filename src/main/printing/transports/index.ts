import { said } from '../../../shared/i18n/said';
import { parseTcpAddress, type PrinterSettings } from '../../../shared/printing/printer-options';
import { cupsTransport } from './cups-transport';
import { driverTransport, type DriverPrinter } from './driver-transport';
import { failed, type PrintTransport } from './print-transport';
import { tcpTransport, type TcpTimeouts } from './tcp-transport';
import { windowsSpoolerTransport } from './windows-spooler-transport';

export type { DriverPrinter } from './driver-transport';
export type { PrintPayload, PrintTransport, SendOutcome } from './print-transport';

/** What building a transport may need besides the settings (the Electron shell, tests). */
export interface TransportOptions {
  readonly driver?: DriverPrinter;
  readonly tcpTimeouts?: TcpTimeouts;
}

/** The way to the configured printer, or undefined when the counter has none. */
export function transportFor(
  printer: Pick<PrinterSettings, 'kind' | 'address'> &
    Partial<Pick<PrinterSettings, 'driverPaper'>>,
  options: TransportOptions = {},
): PrintTransport | undefined {
  switch (printer.kind) {
    case 'none':
      return undefined;
    case 'tcp': {
      const target = parseTcpAddress(printer.address);
      if (!target)
        return {
          description: said('printing.printer.tcp', { address: printer.address }),
          send: async () =>
            failed(said('printing.failure.badAddress', { address: printer.address })),
        };
      return tcpTransport(target.host, target.port, options.tcpTimeouts);
    }
    case 'cups':
      return cupsTransport(printer.address);
    case 'windows':
      return windowsSpoolerTransport(printer.address);
    case 'driver':
      return driverTransport(printer.address, printer.driverPaper ?? 'roll', options.driver);
  }
}
