import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { PSEUDO_LOCALE, type DisplayLocale, type Locale } from '../../../shared/i18n/locales';
import { pseudoCatalogue } from '../../../shared/i18n/pseudo-locale';

type Compiled = Record<string, MessageFormatElement[]>;

/**
 * Each language's catalogue, compiled at build time into a chunk of its own (see
 * electron.vite.config.ts): a window loads only its own language.
 */
const LOADERS: Record<Locale, () => Promise<{ default: Compiled }>> = {
  en: () => import('virtual:messages/en'),
  'zh-Hans': () => import('virtual:messages/zh-Hans'),
  'zh-Hant': () => import('virtual:messages/zh-Hant'),
  de: () => import('virtual:messages/de'),
  fr: () => import('virtual:messages/fr'),
  es: () => import('virtual:messages/es'),
  it: () => import('virtual:messages/it'),
};

/** A language's messages; the pseudo-locale is made from English. */
export async function loadMessages(locale: DisplayLocale): Promise<Compiled> {
  if (locale === PSEUDO_LOCALE) return pseudoCatalogue((await LOADERS.en()).default);
  return (await LOADERS[locale]()).default;
}
