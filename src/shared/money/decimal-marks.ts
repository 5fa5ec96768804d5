/** How a language writes the marks inside a number: `12,50` and `1.250` in German. */
export interface DecimalMarks {
  /** Between the whole amount and its decimals: "." in English and Chinese, "," in German. */
  readonly decimal: '.' | ',';
  /** The other of the two, which may only group thousands there ("," in English). */
  readonly other: '.' | ',';
}

const known = new Map<string, DecimalMarks>();

/**
 * The decimal mark of a locale (a BCP 47 tag such as `de`, `zh-Hans`, `en-XA`), as Intl writes
 * it; English's when Intl does not know the tag. Only "." and "," are decimal marks here: every
 * language the counter speaks uses one of the two.
 */
export function decimalMarksOf(locale = 'en'): DecimalMarks {
  let marks = known.get(locale);
  if (!marks) {
    let decimal: '.' | ',' = '.';
    try {
      const part = new Intl.NumberFormat(locale)
        .formatToParts(1.5)
        .find((p) => p.type === 'decimal');
      if (part?.value === ',') decimal = ',';
    } catch {
      // A tag Intl refuses: English marks.
    }
    marks = { decimal, other: decimal === '.' ? ',' : '.' };
    known.set(locale, marks);
  }
  return marks;
}
