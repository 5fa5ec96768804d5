import { transform } from 'receiptline';
import {
  printsChinese,
  type CodePage,
  type PaperWidth,
} from '../../shared/printing/printer-options';
import type { SlipFormat } from './slip-facts';

/** Characters per line of the printer's 12-dot font: 384 dots on 58 mm, 576 on 80 mm paper. */
export const CHARS_PER_LINE: Record<PaperWidth, number> = { 58: 32, 80: 48 };

/** How a printer prints: its paper and its character set. */
export interface PaperSetup {
  readonly paperWidth: PaperWidth;
  readonly codePage: CodePage;
}

/** The layout format for a paper setup (columns; Chinese or English only). */
export function slipFormat(paper: PaperSetup): SlipFormat {
  return { cpl: CHARS_PER_LINE[paper.paperWidth], chinese: printsChinese(paper.codePage) };
}

const base = (paper: PaperSetup) => ({
  cpl: CHARS_PER_LINE[paper.paperWidth],
  encoding: paper.codePage,
  // Text, rules and QR codes only: no dithering, so every QR module is solid black or white.
  gradient: false,
  cutting: true,
});

/**
 * The ESC/POS bytes of a slip: initialise (ESC @), the text in the printer's code page (GB18030
 * Chinese through FS &), the QR as a raster image, then a partial cut (GS V).
 */
export function renderEscPos(markup: string, paper: PaperSetup): Buffer {
  // receiptline returns the bytes as a binary string (one char per byte).
  return Buffer.from(transform(markup, { ...base(paper), command: 'escpos' }), 'latin1');
}

/** The slip as an SVG picture at the paper's width in printer dots (the on-screen preview). */
export function renderSvg(markup: string, paper: PaperSetup): string {
  return transform(markup, { ...base(paper), command: 'svg' });
}

/** The slip as plain text (logs and the terminal). */
export function renderText(markup: string, paper: PaperSetup): string {
  return transform(markup, { ...base(paper), command: 'text' });
}
