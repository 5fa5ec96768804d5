import type { Currency } from '../../shared/money';
import type { Locale } from '../../shared/i18n/locales';
import type { MessageId } from '../../shared/i18n/message-args';
import { said, type ArgsOf } from '../../shared/i18n/said';
import { wordIn } from '../i18n/wording';
import type { PrinterCharset } from './printer-charset';
import type { SlipLanguages } from './slip-languages';
import { slipCount, slipMoney, slipTime } from './slip-values';

/**
 * How a slip is worded and measured on one printer: its languages (the store's first, the
 * customer's second), its columns, and what its code page can print. Every word and figure a
 * layout puts on paper comes from here, already printable.
 */
export interface SlipWords {
  /** Characters a line of the printer's normal font holds. */
  readonly cpl: number;
  readonly charset: PrinterCharset;
  readonly languages: SlipLanguages;
  /** The print columns a text takes. */
  width(text: string): number;
  /** A label in both languages on one line ("Betrag 金额"), or in the first alone. */
  label<I extends MessageId>(id: I, ...values: ArgsOf<I>): string;
  /** A message in each language: the first, then the second (null with one language). */
  each<I extends MessageId>(id: I, ...values: ArgsOf<I>): [string, string | null];
  /** An amount with its currency's code, in the first language's way. */
  money(minor: number, currency: Currency): string;
  /** A date and time that cannot be misread, in the first language. */
  time(ms: number): string;
  /** A count, in the first language's digits and grouping. */
  count(value: number): string;
  /** Text someone typed (the store's name, a refund's reason) as the printer can print it. */
  typed(text: string): string;
}

const isChinese = (locale: Locale) => locale === 'zh-Hans' || locale === 'zh-Hant';

/** The words of slips in `languages` on a printer with `charset` and `cpl` columns. */
export function slipWords(
  languages: SlipLanguages,
  charset: PrinterCharset,
  cpl: number,
): SlipWords {
  const { first, second } = languages;
  // Two Western labels side by side need a mark between them; a Chinese one stands apart.
  const joint = second && !isChinese(first) && !isChinese(second) ? ' / ' : ' ';
  const inLanguage = (locale: Locale, id: MessageId, values: unknown[]) =>
    charset.printable(wordIn(locale, said(id, ...(values as ArgsOf<MessageId>))));
  return {
    cpl,
    charset,
    languages,
    width: (text) => charset.width(text),
    each: (id, ...values) => [
      inLanguage(first, id, values),
      second ? inLanguage(second, id, values) : null,
    ],
    label(id, ...values) {
      const a = inLanguage(first, id, values);
      return second ? `${a}${joint}${inLanguage(second, id, values)}` : a;
    },
    money: (minor, currency) => charset.printable(slipMoney(minor, currency, first)),
    time: (ms) => charset.printable(slipTime(ms, first)),
    count: (value) => charset.printable(slipCount(value, first)),
    typed: (text) => charset.printable(text),
  };
}
