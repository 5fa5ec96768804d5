import { CATALOGUE } from '../../shared/i18n/catalogue-index';
import {
  isLocale,
  matchLocale,
  type CustomerLocale,
  type LanguageChoice,
  type Locale,
} from '../../shared/i18n/locales';
import type { MessageId } from '../../shared/i18n/message-args';
import { said, type Said } from '../../shared/i18n/said';
import type { PrinterCharset } from './printer-charset';
import { slipTime } from './slip-values';

/** The languages asked for: the store's, and the customer display's. */
export interface WantedLanguages {
  readonly store: Locale;
  readonly customer: CustomerLocale;
}

/**
 * The languages slips print in on one printer: merchant copies and reports in the store's, the
 * customer's slips in the customer display's, each as the printer's code page can print it; and
 * what the Printer settings say about them (the languages, then anything that differs from what
 * was asked).
 */
export interface SlipLanguages {
  readonly store: Locale;
  readonly customer: Locale;
  readonly notes: readonly Said[];
}

/**
 * The store's language: the one a manager picked, or the system's (Electron's app.getLocale(),
 * else this process's locale). A language the counter does not speak is English.
 */
export function storeLocale(choice: LanguageChoice, systemLocale?: string | null): Locale {
  if (choice !== 'system') return choice;
  const system = systemLocale || Intl.DateTimeFormat().resolvedOptions().locale;
  const matched = matchLocale([system]);
  return isLocale(matched) ? matched : 'en';
}

/** The languages a counter's settings ask for. */
export function wantedLanguages(
  settings: { readonly language: LanguageChoice; readonly customerLanguage: CustomerLocale },
  systemLocale?: string | null,
): WantedLanguages {
  return {
    store: storeLocale(settings.language, systemLocale),
    customer: settings.customerLanguage,
  };
}

/** Each language's name as a message, to put in a sentence. */
export const LANGUAGE_NAMES: Readonly<
  Record<Locale, Extract<MessageId, `printing.languageName.${string}`>>
> = {
  en: 'printing.languageName.en',
  'zh-Hans': 'printing.languageName.zhHans',
  'zh-Hant': 'printing.languageName.zhHant',
  de: 'printing.languageName.de',
  fr: 'printing.languageName.fr',
  es: 'printing.languageName.es',
  it: 'printing.languageName.it',
};

const nameOf = (locale: Locale): Said => said(LANGUAGE_NAMES[locale]);

/** What a slip in a language needs: its labels, and its month names and date words. */
function slipText(locale: Locale): string {
  const labels = Object.entries(CATALOGUE[locale] ?? {})
    .filter(([id]) => id.startsWith('printing.slip.'))
    .map(([, text]) => text);
  const dates = Array.from({ length: 12 }, (_, month) =>
    slipTime(new Date(2026, month, 28, 17, 40, 12).getTime(), locale),
  );
  return [...labels, ...dates].join('');
}

const fits = new Map<string, boolean>();

/** Whether a language prints on this printer exactly as written. */
export function printsFully(locale: Locale, charset: PrinterCharset): boolean {
  const key = `${locale} ${charset.codePage}`;
  let known = fits.get(key);
  if (known === undefined) {
    known = charset.prints(slipText(locale));
    fits.set(key, known);
  }
  return known;
}

/**
 * A language as this printer can print it: itself; for Chinese the other script when only that
 * one prints (a Big5 printer has no Simplified characters), else English. A Western language
 * always prints, its missing letters without their accents.
 */
function printableAs(locale: Locale, charset: PrinterCharset): Locale {
  if (locale !== 'zh-Hans' && locale !== 'zh-Hant') return locale;
  const other: Locale = locale === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans';
  return [locale, other].find((candidate) => printsFully(candidate, charset)) ?? 'en';
}

type Slips = 'all' | 'merchant' | 'customer';

/** What a code page changes of a language asked for, if anything. */
function change(wanted: Locale, printed: Locale, slips: Slips): Said | undefined {
  if (printed === wanted) return undefined;
  if (printed === 'en')
    return said('printing.languages.fallback', { slips, language: nameOf(wanted) });
  return said('printing.languages.substituted', {
    wanted: nameOf(wanted),
    printed: nameOf(printed),
  });
}

/** The languages slips print in on this printer, and what the Printer settings say of them. */
export function slipLanguages(
  wanted: WantedLanguages,
  charset: PrinterCharset,
  merchantName = '',
): SlipLanguages {
  const store = printableAs(wanted.store, charset);
  const customer = printableAs(wanted.customer, charset);
  const problems: Said[] = [];
  if (wanted.store === wanted.customer) {
    const changed = change(wanted.store, store, 'all');
    if (changed) problems.push(changed);
  } else {
    for (const changed of [
      change(wanted.store, store, 'merchant'),
      change(wanted.customer, customer, 'customer'),
    ])
      if (changed) problems.push(changed);
  }
  for (const locale of new Set([store, customer]))
    if (!printsFully(locale, charset))
      problems.push(said('printing.languages.unaccented', { language: nameOf(locale) }));
  if (merchantName !== '' && !charset.prints(merchantName))
    problems.push(said('printing.languages.storeName'));
  const summary =
    store === customer
      ? said('printing.languages.one', { language: nameOf(store) })
      : said('printing.languages.two', { store: nameOf(store), customer: nameOf(customer) });
  return { store, customer, notes: [summary, ...problems] };
}
