import { useEffect, useState, type ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import type { MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { PSEUDO_LOCALE, type DisplayLocale } from '../../../shared/i18n/locales';
import { loadMessages } from './catalogues';

/** How the tags a message may use are drawn, the same in every window. */
const TAGS = {
  b: (chunks: ReactNode[]) => <strong>{chunks}</strong>,
  kbd: (chunks: ReactNode[]) => <kbd>{chunks}</kbd>,
};

/** Numbers, money and dates of the pseudo-locale are English ones (Intl has no `en-XA`). */
export function intlLocaleOf(locale: DisplayLocale): string {
  return locale === PSEUDO_LOCALE ? 'en' : locale;
}

/** A missing message or value is a bug: said loudly in the console, where the tests look. */
function reportIntlError(error: Error): void {
  console.error(`[i18n] ${error.message}`);
}

/**
 * Words everything below in `locale`: loads its catalogue, then renders; `<html lang>` follows,
 * so that screen readers and fonts (Simplified and Traditional Chinese glyphs) pick the language.
 */
export function IntlRoot({ locale, children }: { locale: DisplayLocale; children: ReactNode }) {
  const [loaded, setLoaded] = useState<{
    locale: DisplayLocale;
    messages: Record<string, MessageFormatElement[]>;
  } | null>(null);

  useEffect(() => {
    let current = true;
    loadMessages(locale).then(
      (messages) => {
        if (current) setLoaded({ locale, messages });
      },
      (error: unknown) => reportIntlError(error as Error),
    );
    return () => {
      current = false;
    };
  }, [locale]);

  useEffect(() => {
    if (loaded) document.documentElement.lang = loaded.locale;
  }, [loaded]);

  // Until the first catalogue arrives (a few ms, from the app's own files) nothing is drawn; a
  // change of language keeps the old words up until the new ones are in.
  if (!loaded) return null;
  return (
    <IntlProvider
      locale={intlLocaleOf(loaded.locale)}
      messages={loaded.messages}
      defaultLocale="en"
      onError={reportIntlError}
      defaultRichTextElements={TAGS}
    >
      {children}
    </IntlProvider>
  );
}
