import { createIntl, createIntlCache, type IntlShape } from '@formatjs/intl';
import { CATALOGUE } from '../../shared/i18n/catalogue-index';
import type { Locale } from '../../shared/i18n/locales';
import { parseMessage } from '../../shared/i18n/message-shape';
import type { Said, SaidValue } from '../../shared/i18n/said';

/**
 * Main words messages itself only where no window does: its log, the command line (English) and
 * printed slips (the store's language). Everything the windows show goes to them as a Said.
 */
const cache = createIntlCache();
const intls = new Map<Locale, IntlShape>();

/** A language's messages parsed once, when first worded. */
function parsedCatalogue(locale: Locale): Record<string, ReturnType<typeof parseMessage>> {
  return Object.fromEntries(
    Object.entries(CATALOGUE[locale] ?? {}).map(([id, text]) => [id, parseMessage(id, text)]),
  );
}

function intlFor(locale: Locale): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl(
      {
        locale,
        messages: parsedCatalogue(locale),
        defaultLocale: 'en',
        // A missing message or value is a bug the catalogue test catches; words still go out.
        onError: () => undefined,
        defaultRichTextElements: {
          b: (chunks) => chunks.join(''),
          kbd: (chunks) => chunks.join(''),
        },
      },
      cache,
    );
    intls.set(locale, intl);
  }
  return intl;
}

/** A message worded in a language: nested messages first, then the message itself. */
export function wordIn(locale: Locale, message: Said): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {}))
    values[name] = wordValue(locale, value);
  const intl = intlFor(locale);
  const text =
    intl.messages[message.id] === undefined
      ? undefined
      : intl.formatMessage({ id: message.id }, values);
  return typeof text === 'string' ? text : message.id;
}

function wordValue(locale: Locale, value: SaidValue): string | number {
  return typeof value === 'object' ? wordIn(locale, value) : value;
}

/** A message in English: the log's and the command line's language. */
export function english(message: Said): string {
  return wordIn('en', message);
}
