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
 * The languages a slip prints in: the store's first, the customer's under it where it differs,
 * each as the printer can print it; and what differs from what was asked, for Settings → Printer.
 */
export interface SlipLanguages {
  readonly first: Locale;
  readonly second: Locale | null;
  /** What the Printer settings say about them: the languages, then anything left off. */
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
 * one prints (a Big5 printer has no Simplified characters); undefined when no Chinese prints.
 * A Western language always prints, its missing letters without accents.
 */
function printableAs(locale: Locale, charset: PrinterCharset): Locale | undefined {
  if (locale !== 'zh-Hans' && locale !== 'zh-Hant') return locale;
  const other: Locale = locale === 'zh-Hans' ? 'zh-Hant' : 'zh-Hans';
  return [locale, other].find((candidate) => printsFully(candidate, charset));
}

/** The languages a slip prints in on this printer, and what the Printer settings say of them. */
export function slipLanguages(
  wanted: WantedLanguages,
  charset: PrinterCharset,
  merchantName = '',
): SlipLanguages {
  const problems: Said[] = [];
  const first = printableAs(wanted.store, charset) ?? 'en';
  if (first === 'en' && wanted.store !== 'en')
    problems.push(said('printing.languages.storeFallback', { language: nameOf(wanted.store) }));
  else if (first !== wanted.store)
    problems.push(
      said('printing.languages.substituted', {
        wanted: nameOf(wanted.store),
        printed: nameOf(first),
      }),
    );
  let second: Locale | null = printableAs(wanted.customer, charset) ?? null;
  // A Chinese store on a printer without Chinese already said so for both.
  if (second === null && wanted.customer !== wanted.store)
    problems.push(said('printing.languages.dropped', { language: nameOf(wanted.customer) }));
  else if (second !== null && second !== wanted.customer && second !== first)
    problems.push(
      said('printing.languages.substituted', {
        wanted: nameOf(wanted.customer),
        printed: nameOf(second),
      }),
    );
  if (second === first) second = null;
  const printed: Locale[] = second ? [first, second] : [first];
  for (const locale of printed)
    if (!printsFully(locale, charset))
      problems.push(said('printing.languages.unaccented', { language: nameOf(locale) }));
  if (merchantName !== '' && !charset.prints(merchantName))
    problems.push(said('printing.languages.storeName'));
  const summary = second
    ? said('printing.languages.two', { first: nameOf(first), second: nameOf(second) })
    : said('printing.languages.one', { language: nameOf(first) });
  return { first, second, notes: [summary, ...problems] };
}
