/**
 * CSV as spreadsheets read it (RFC 4180): fields with a comma, a quote, a line break or
 * surrounding spaces are quoted, quotes doubled; CRLF line ends; a UTF-8 byte order mark so
 * Excel shows Chinese text correctly. Cells that a spreadsheet would run as a formula are
 * prefixed with an apostrophe (CSV injection).
 */
export function toCsv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | null>>,
): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** One field, quoted when it has to be. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  // A plain signed number ("-12.00", a net after refunds) stays a number spreadsheets can sum.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-\d+(\.\d+)?$/.test(text))
    text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
