import de from '../../shared/i18n/catalogue/de/shell.json';
import en from '../../shared/i18n/catalogue/en/shell.json';
import es from '../../shared/i18n/catalogue/es/shell.json';
import fr from '../../shared/i18n/catalogue/fr/shell.json';
import it from '../../shared/i18n/catalogue/it/shell.json';
import zhHans from '../../shared/i18n/catalogue/zh-Hans/shell.json';
import zhHant from '../../shared/i18n/catalogue/zh-Hant/shell.json';
import { isLocale, matchLocale, PSEUDO_LOCALE, type Locale } from '../../shared/i18n/locales';
import { pseudoMessage } from '../../shared/i18n/pseudo-locale';

const LOST: Record<Locale, string> = {
  en: en['shell.connection.lost'],
  'zh-Hans': zhHans['shell.connection.lost'],
  'zh-Hant': zhHant['shell.connection.lost'],
  de: de['shell.connection.lost'],
  fr: fr['shell.connection.lost'],
  es: es['shell.connection.lost'],
  it: it['shell.connection.lost'],
};

/**
 * The sentence for a counter that stopped answering, in the window's language (`<html lang>`,
 * which the app sets; the browser's before the app has drawn). The bridge has no intl of its own:
 * the message is plain text in every language.
 */
function lostSentence(): string {
  const lang = document.documentElement.lang;
  const locale = lang === PSEUDO_LOCALE || isLocale(lang) ? lang : matchLocale(navigator.languages);
  if (locale !== PSEUDO_LOCALE) return LOST[locale];
  return pseudoMessage([{ type: 0, value: LOST.en }])
    .map((node) => ('value' in node ? String(node.value) : ''))
    .join('');
}

/**
 * Covers the window with one sentence when the counter stops answering (it was stopped, or the
 * link is from an earlier run): the screens behind it could no longer charge. Drawn once.
 */
export function showConnectionLost(): void {
  if (document.querySelector('.connection-lost')) return;
  const cover = document.createElement('div');
  cover.className = 'connection-lost';
  cover.setAttribute('role', 'alert');
  const line = document.createElement('p');
  line.textContent = lostSentence();
  cover.append(line);
  document.body.append(cover);
}
