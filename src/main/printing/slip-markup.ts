/*
 * Building blocks of receipt markup (ReceiptLine: https://receiptline.github.io). Every slip is
 * written once in this markup; the same text becomes the printer's ESC/POS bytes, the on-screen
 * preview and what the CLI prints (slip-render.ts).
 */

/** Characters with a meaning in ReceiptLine text; anything a user typed is escaped. */
const SPECIAL = /[\\|{}~_"`^]/g;

/** Text as it must print, with every ReceiptLine special character escaped. */
export function literal(text: string): string {
  // Control characters would be dropped by the printer anyway; line breaks would split a column.
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const clean = text.replace(/[\u0000-\u001f\u007f]/g, ' ');
  const escaped = clean.replace(SPECIAL, (c) => `\\${c}`);
  // A line of only "-" or "=" would be a rule or a paper cut.
  return /^[-=]+$/.test(escaped.trim()) ? `\\${escaped}` : escaped;
}

/**
 * How many print columns a text takes: CJK and full-width characters take two (24 dots), the
 * rest one (12 dots), as on the printer's device fonts and in receiptline's measure.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += isWide(char.codePointAt(0)!) ? 2 : 1;
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/** One line, centred. */
export const centred = (text: string): string => literal(text);

/** One line, flush left. */
export const left = (text: string): string => `|${literal(text)}`;

/** One line, flush right. */
export const right = (text: string): string => `${literal(text)}|`;

/** A horizontal rule across the paper. */
export const RULE = '---';

/** An empty line. */
export const BLANK = '{width:*}\n|';

/** Text twice as tall and twice as wide (the amount). */
export const large = (text: string): string => `^^^${literal(text)}`;

/** Bold text, twice as tall (headings: as wide as normal text, so long names still fit). */
export const heading = (text: string): string => `^^"${literal(text)}`;

/**
 * A label and its value: on one line (label left, value right) where both fit in `cpl`
 * columns, else the label on one line and the value flush right under it.
 */
export function row(label: string, value: string, cpl: number): string {
  const labelWidth = displayWidth(label);
  if (labelWidth + 1 + displayWidth(value) <= cpl)
    return `{width:${labelWidth},*}\n|${literal(label)} | ${literal(value)}|\n{width:auto}`;
  return `${left(label)}\n${right(value)}`;
}

/** A QR code of `data` (cell size in printer dots, error correction level M). */
export function qr(data: string, cellDots: number): string {
  const escaped = data.replace(/[\\|{};]/g, (c) => `\\${c}`);
  return `{code:${escaped};option:qrcode,${cellDots},m}`;
}
