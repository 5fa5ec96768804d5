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
 * Text split into lines of at most `cpl` print columns, at spaces where it can; a word longer
 * than a line (or Chinese, written without spaces) is cut between characters. A printer left to
 * wrap a line itself cuts wherever the line ends, in the middle of a word.
 */
export function wrap(text: string, cpl: number, width: (text: string) => number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (word: string) => {
    const joined = line === '' ? word : `${line} ${word}`;
    if (width(joined) <= cpl) {
      line = joined;
      return;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const char of word) {
      if (width(line + char) > cpl) {
        lines.push(line);
        line = '';
      }
      line += char;
    }
  };
  for (const word of text.split(' ')) if (word !== '') push(word);
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
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
 * A label and its value: on one line (label left, value right) where both fit on the paper,
 * else the label on one line and the value flush right under it.
 */
export function row(
  label: string,
  value: string,
  format: { readonly cpl: number; width(text: string): number },
): string {
  const labelWidth = format.width(label);
  if (labelWidth + 1 + format.width(value) <= format.cpl)
    return `{width:${labelWidth},*}\n|${literal(label)} | ${literal(value)}|\n{width:auto}`;
  return `${left(label)}\n${right(value)}`;
}

/** A QR code of `data` (cell size in printer dots, error correction level M). */
export function qr(data: string, cellDots: number): string {
  const escaped = data.replace(/[\\|{};]/g, (c) => `\\${c}`);
  return `{code:${escaped};option:qrcode,${cellDots},m}`;
}
