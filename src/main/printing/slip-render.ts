import { commands, transform, type Printer } from 'receiptline';
import type { CodePage, PaperWidth } from '../../shared/printing/printer-options';
import { charsetFor, type PrinterCharset } from './printer-charset';
import { slipLanguages, type WantedLanguages } from './slip-languages';
import { slipWording, type SlipWording } from './slip-words';

/** Characters per line of the printer's 12-dot font: 384 dots on 58 mm, 576 on 80 mm paper. */
export const CHARS_PER_LINE: Record<PaperWidth, number> = { 58: 32, 80: 48 };

/** How a printer prints: its paper and its character set. */
export interface PaperSetup {
  readonly paperWidth: PaperWidth;
  readonly codePage: CodePage;
}

/**
 * The words of slips for this paper and printer: the languages asked for, as far as the
 * printer's code page can print them (`merchantName` only decides what Settings says of it).
 */
export function slipFormat(
  paper: PaperSetup,
  wanted: WantedLanguages,
  merchantName?: string,
): SlipWording {
  const charset = charsetFor(paper.codePage);
  return slipWording(
    slipLanguages(wanted, charset, merchantName),
    charset,
    CHARS_PER_LINE[paper.paperWidth],
  );
}

/** receiptline's name for the code page: it picks the preview's font and language by it. */
const RECEIPTLINE_ENCODING: Record<CodePage, NonNullable<Printer['encoding']>> = {
  gb18030: 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  cp858: 'cp858',
  cp1252: 'cp1252',
  cp437: 'cp437',
};

type Command = (typeof commands)['escpos'];

/**
 * A receiptline command set that measures text as this printer prints it and, for ESC/POS,
 * writes it in the printer's own code page (Chinese and Western letters each in their mode).
 */
function commandFor(base: Command, charset: PrinterCharset, bytes: boolean): Command {
  const measure = { measureText: (text: string) => charset.width(text) };
  return Object.assign(
    {},
    base,
    measure,
    bytes ? { text: (text: string) => charset.escpos(text) } : {},
  );
}

const setups = new Map<string, Printer>();

function printerOf(paper: PaperSetup, command: 'escpos' | 'svg' | 'text'): Printer {
  const key = `${command} ${paper.codePage} ${paper.paperWidth}`;
  let printer = setups.get(key);
  if (!printer) {
    const charset = charsetFor(paper.codePage);
    printer = {
      cpl: CHARS_PER_LINE[paper.paperWidth],
      encoding: RECEIPTLINE_ENCODING[paper.codePage],
      // Text, rules and QR codes only: no dithering, so every QR module is solid black or white.
      gradient: false,
      cutting: true,
      command: commandFor(commands[command], charset, command === 'escpos'),
    };
    setups.set(key, printer);
  }
  return printer;
}

/**
 * The ESC/POS bytes of a slip: initialise (ESC @), the text in the printer's code page, the QR
 * as a raster image, then a partial cut (GS V).
 */
export function renderEscPos(markup: string, paper: PaperSetup): Buffer {
  // receiptline returns the bytes as a binary string (one char per byte).
  return Buffer.from(transform(markup, printerOf(paper, 'escpos')), 'latin1');
}

/** The slip as an SVG picture at the paper's width in printer dots (the on-screen preview). */
export function renderSvg(markup: string, paper: PaperSetup): string {
  return transform(markup, printerOf(paper, 'svg'));
}

/** The slip as plain text (logs and the terminal). */
export function renderText(markup: string, paper: PaperSetup): string {
  return transform(markup, printerOf(paper, 'text'));
}
