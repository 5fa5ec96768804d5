import { z } from 'zod';
import ENGLISH from '../i18n/catalogue/en/printing.json';
import {
  CODE_PAGES,
  DRIVER_PAPERS,
  PRINTER_KINDS,
  printerAddressProblem,
  type PrinterSettings,
} from './printer-options';

/** The printer settings (part of the counter's settings; validated in main and in IPC). */
export const printerSettingsSchema: z.ZodType<PrinterSettings> = z
  .object({
    kind: z.enum(PRINTER_KINDS),
    /** host[:port] for `tcp`; the queue or printer name for the others; "" for `none`. */
    address: z.string().max(200),
    paperWidth: z.union([z.literal(58), z.literal(80)]),
    codePage: z.enum(CODE_PAGES),
    /** Printers with a driver: a roll (page as long as the slip) or sheets; older files: roll. */
    driverPaper: z.enum(DRIVER_PAPERS).default('roll'),
    /** Print the customer's slip after every paid sale and every refund. */
    autoPrintCustomer: z.boolean(),
    /** Print the merchant's copy too (after the customer's). */
    autoPrintMerchant: z.boolean(),
  })
  .strict()
  .superRefine((printer, ctx) => {
    // The English sentence for the log and INVALID_INPUT; params.said for a window to word it.
    const problem = printerAddressProblem(printer.kind, printer.address);
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: ['address'],
        message: ENGLISH[problem],
        params: { said: { id: problem } },
      });
  });
