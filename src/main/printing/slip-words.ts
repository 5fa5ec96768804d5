import type { Currency } from '../../shared/money';
import type { Locale } from '../../shared/i18n/locales';
import type { MessageId } from '../../shared/i18n/message-args';
import { said, type ArgsOf, type Said } from '../../shared/i18n/said';
import { wordIn } from '../i18n/wording';
import type { PrinterCharset } from './printer-charset';
import type { SlipCopy } from './slip-facts';
import type { SlipLanguages } from './slip-languages';
import { slipCount, slipMoney, slipTime } from './slip-values';

/**
 * How one slip is worded and measured on one printer: its language, its columns, and what its
 * code page can print. Every word and figure a layout puts on paper comes from here, already
 * printable.
 */
export interface SlipWords {
  readonly locale: Locale;
  /** Characters a line of the printer's normal font holds. */
  readonly cpl: number;
  readonly charset: PrinterCharset;
  /** The print columns a text takes. */
  width(text: string): number;
  /** A message of the catalogue in the slip's language, as the printer can print it. */
  say<I extends MessageId>(id: I, ...values: ArgsOf<I>): string;
  /** A message main made, in the slip's language. */
  sayAll(message: Said): string;
  /** An amount with its currency's code, in the language's way. */
  money(minor: number, currency: Currency): string;
  /** A date and time that cannot be misread, in the language. */
  time(ms: number): string;
  /** A count, in the language's digits and grouping. */
  count(value: number): string;
  /** Text someone typed (the store's name, a refund's reason) as the printer can print it. */
  typed(text: string): string;
}

/** The words of slips in `locale` on a printer with `charset` and `cpl` columns. */
export function slipWords(locale: Locale, charset: PrinterCharset, cpl: number): SlipWords {
  const sayAll = (message: Said) => charset.printable(wordIn(locale, message));
  return {
    locale,
    cpl,
    charset,
    width: (text) => charset.width(text),
    say: (id, ...values) => sayAll(said(id, ...values)),
    sayAll,
    money: (minor, currency) => charset.printable(slipMoney(minor, currency, locale)),
    time: (ms) => charset.printable(slipTime(ms, locale)),
    count: (value) => charset.printable(slipCount(value, locale)),
    typed: (text) => charset.printable(text),
  };
}

/**
 * The words of every slip on one printer: merchant copies and reports in the store's language,
 * the customer's slips in the customer display's; and what Settings → Printer says of them.
 */
export interface SlipWording {
  readonly store: SlipWords;
  readonly customer: SlipWords;
  readonly languages: SlipLanguages;
}

/** The words of slips in both languages on this printer. */
export function slipWording(
  languages: SlipLanguages,
  charset: PrinterCharset,
  cpl: number,
): SlipWording {
  const store = slipWords(languages.store, charset, cpl);
  const customer =
    languages.customer === languages.store ? store : slipWords(languages.customer, charset, cpl);
  return { store, customer, languages };
}

/** The words of one copy: the customer's in the customer's language, the rest in the store's. */
export function wordsFor(wording: SlipWording, copy: SlipCopy): SlipWords {
  return copy === 'customer' ? wording.customer : wording.store;
}
