/**
 * The languages the counter speaks. Chinese is split by script, not by country: Simplified for
 * visitors from the mainland, Traditional for Taiwan, Hong Kong and Macau.
 */
export const LOCALES = ['en', 'zh-Hans', 'zh-Hant', 'de', 'fr', 'es', 'it'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * A pseudo-locale for testing only: English with every letter accented and every message made
 * longer, so that a string left outside the catalogue or a label that clips shows on screen.
 * A browser asking for `en-XA` gets it; nobody can pick it in Settings.
 */
export const PSEUDO_LOCALE = 'en-XA';
export type DisplayLocale = Locale | typeof PSEUDO_LOCALE;

/** What the cashier window's language setting can be: the system's, or one picked. */
export const LANGUAGE_CHOICES = ['system', ...LOCALES] as const;
export type LanguageChoice = (typeof LANGUAGE_CHOICES)[number];

/** The customer display's languages: its customers are visitors from China, HK and Taiwan. */
export const CUSTOMER_LOCALES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type CustomerLocale = (typeof CUSTOMER_LOCALES)[number];

/** Each language by its own name, as a menu of languages shows them. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: 'English',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  de: 'Deutsch',
  fr: 'Français',
  es: 'Español',
  it: 'Italiano',
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Chinese regions that write Traditional characters. */
const TRADITIONAL_REGIONS = new Set(['TW', 'HK', 'MO']);

/**
 * The counter's language for one BCP 47 tag the system or browser prefers, or undefined when it
 * speaks none of it: `zh-TW`, `zh-HK` and `zh-Hant-*` are Traditional, other Chinese Simplified;
 * `de-AT` is German.
 */
function localeForTag(tag: string): DisplayLocale | undefined {
  if (tag === PSEUDO_LOCALE) return PSEUDO_LOCALE;
  let parsed: Intl.Locale;
  try {
    parsed = new Intl.Locale(tag);
  } catch {
    return undefined;
  }
  if (parsed.language === 'zh') {
    const script = parsed.script ?? parsed.maximize().script;
    if (script === 'Hant' || TRADITIONAL_REGIONS.has(parsed.region ?? '')) return 'zh-Hant';
    return 'zh-Hans';
  }
  return LOCALES.find((locale) => locale === parsed.language);
}

/** The first of the preferred tags the counter speaks, or English. */
export function matchLocale(preferred: readonly string[]): DisplayLocale {
  for (const tag of preferred) {
    const locale = localeForTag(tag);
    if (locale) return locale;
  }
  return 'en';
}

/** The cashier window's language: the one picked in Settings, or the system's. */
export function chosenLocale(choice: LanguageChoice, system: readonly string[]): DisplayLocale {
  return choice === 'system' ? matchLocale(system) : choice;
}
