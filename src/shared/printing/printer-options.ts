/*
 * Printer settings without zod, for the renderer (its bundle stays small) and main alike.
 */
import type { MessageId } from '../i18n/message-args';

/**
 * How the counter reaches its receipt printer:
 * - `none`: no printer; nothing prints, nothing fails.
 * - `tcp`: an ESC/POS printer on the network, raw TCP (port 9100 unless the address says).
 * - `cups`: an ESC/POS printer known to CUPS (macOS, Linux), sent with `lp -o raw`.
 * - `windows`: an ESC/POS printer installed in Windows (USB or shared), through the spooler's
 *   RAW datatype.
 * - `driver`: any printer with an OS driver (not ESC/POS), printed as a page by the desktop app.
 */
export const PRINTER_KINDS = ['none', 'tcp', 'cups', 'windows', 'driver'] as const;
export type PrinterKind = (typeof PRINTER_KINDS)[number];

/** Thermal paper widths the layouts are made for, in millimetres. */
export const PAPER_WIDTHS = [58, 80] as const;
export type PaperWidth = (typeof PAPER_WIDTHS)[number];

/**
 * What a printer with a driver prints the slip on:
 * - `roll`: a receipt roll; the page is the roll's width and exactly as long as the slip.
 * - `sheet`: the printer's own paper (A4, Letter), with the slip at the top.
 */
export const DRIVER_PAPERS = ['roll', 'sheet'] as const;
export type DriverPaper = (typeof DRIVER_PAPERS)[number];

/**
 * The printer's character set, which decides what a slip can say:
 * - `gb18030`, `cp936` (GBK, older firmware): Chinese, Simplified and Traditional;
 * - `big5`: Traditional Chinese;
 * - `cp858`, `cp1252`: the letters of Western Europe (é, ü, ñ, à, ß) and €, no Chinese;
 * - `cp437`: English, a few accented letters, no Chinese.
 * Printers with Chinese print Western letters from their CP858 table between Chinese ones.
 */
export const CODE_PAGES = ['gb18030', 'cp936', 'big5', 'cp858', 'cp1252', 'cp437'] as const;
export type CodePage = (typeof CODE_PAGES)[number];

/** The port raw network printers listen on (JetDirect / AppSocket). */
export const RAW_PRINT_PORT = 9100;

const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])$/;

/** A network printer's address: `host` or `host:port`; undefined when it is not one. */
export function parseTcpAddress(address: string): { host: string; port: number } | undefined {
  const text = address.trim();
  const match = /^(.+?)(?::(\d{1,5}))?$/.exec(text);
  if (!match) return undefined;
  const host = match[1]!;
  const port = match[2] === undefined ? RAW_PRINT_PORT : Number(match[2]);
  if (!HOST.test(host) || port < 1 || port > 65535) return undefined;
  return { host: host.replace(/^\[|\]$/g, ''), port };
}

/** What can be wrong with a printer's address: the catalogue message that says so. */
export type PrinterAddressProblem = Extract<
  MessageId,
  'printing.address.tcp' | 'printing.address.cups' | 'printing.address.name'
>;

/** What is wrong with the address for this kind of printer (a message id); undefined if fine. */
export function printerAddressProblem(
  kind: PrinterKind,
  address: string,
): PrinterAddressProblem | undefined {
  switch (kind) {
    case 'none':
      return undefined;
    case 'tcp':
      return parseTcpAddress(address) ? undefined : 'printing.address.tcp';
    case 'cups':
      // lp takes the queue name as one argument; CUPS names have no spaces, slashes or '#'.
      return /^[A-Za-z0-9_.@-]{1,127}$/.test(address) ? undefined : 'printing.address.cups';
    case 'windows':
    case 'driver':
      return address.trim().length > 0 &&
        address.length <= 200 &&
        ![...address].some((c) => c.charCodeAt(0) < 0x20)
        ? undefined
        : 'printing.address.name';
  }
}

/** The printer settings (part of the counter's settings; validated in main and in IPC). */
export interface PrinterSettings {
  readonly kind: PrinterKind;
  /** host[:port] for `tcp`; the queue or printer name for the others; "" for `none`. */
  readonly address: string;
  readonly paperWidth: PaperWidth;
  readonly codePage: CodePage;
  /** Printers with a driver only: a receipt roll or sheets of paper. */
  readonly driverPaper: DriverPaper;
  /** Print the customer's slip after every paid sale and every refund. */
  readonly autoPrintCustomer: boolean;
  /** Print the merchant's copy too (after the customer's). */
  readonly autoPrintMerchant: boolean;
}

/** No printer until one is set up: a fresh counter prints nothing and reports no failure. */
export const DEFAULT_PRINTER_SETTINGS: PrinterSettings = {
  kind: 'none',
  address: '',
  paperWidth: 80,
  codePage: 'gb18030',
  driverPaper: 'roll',
  autoPrintCustomer: true,
  autoPrintMerchant: false,
};
