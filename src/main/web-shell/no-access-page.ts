import { matchLocale, PSEUDO_LOCALE } from '../../shared/i18n/locales';
import { pseudoMessage } from '../../shared/i18n/pseudo-locale';
import { said, type Said } from '../../shared/i18n/said';
import { wordIn } from '../i18n/wording';

/** Why a page of the browser shell was opened without the counter: no key, or another one. */
export type NoAccessReason = 'missing' | 'wrong';

/**
 * The browser's languages from its Accept-Language header (`de-DE,de;q=0.9,en;q=0.8`), most
 * wanted first. The page is drawn before any script runs, so this is all main knows of them.
 */
export function acceptedLanguages(header: string | undefined): string[] {
  return (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag !== '' && entry.tag !== '*' && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((entry) => entry.tag);
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/**
 * The page the browser shell answers instead of the counter when a link lacks its access key (or
 * carries an old one): a cashier screen there could not charge, so it says what is wrong and
 * where the right link is printed, in the browser's language. No script: nothing to run.
 */
export function noAccessPage(reason: NoAccessReason, acceptLanguage: string | undefined): string {
  const locale = matchLocale(acceptedLanguages(acceptLanguage));
  const word = (message: Said) => {
    if (locale !== PSEUDO_LOCALE) return wordIn(locale, message);
    // The pseudo-locale's words, as the windows show them: English, accented and longer.
    return pseudoMessage([{ type: 0, value: wordIn('en', message) }])
      .map((node) => ('value' in node ? String(node.value) : ''))
      .join('');
  };
  const title = escapeHtml(word(said('shell.noAccess.title')));
  const why = escapeHtml(
    word(said(reason === 'missing' ? 'shell.noAccess.missing' : 'shell.noAccess.wrong')),
  );
  const where = escapeHtml(word(said('shell.noAccess.where')));
  return `<!doctype html>
<html lang="${escapeHtml(locale)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${title}</title>
    <link rel="stylesheet" href="/no-access.css" />
  </head>
  <body>
    <main class="no-access">
      <h1>${title}</h1>
      <p>${why}</p>
      <p>${where}</p>
    </main>
  </body>
</html>
`;
}

/** The page's look: the counter's colours, readable from across the counter. */
export const NO_ACCESS_CSS = `
body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center;
  background: #eef2f7; color: #14202e; font-family: system-ui, -apple-system, 'Segoe UI',
  'Noto Sans', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; }
.no-access { max-width: 40em; margin: 32px; padding: 32px 40px; background: #ffffff;
  border: 2px solid #8a4b00; border-radius: 16px; font-size: 20px; line-height: 1.5;
  overflow-wrap: anywhere; }
.no-access h1 { margin: 0 0 16px; font-size: 28px; line-height: 1.25; }
.no-access p { margin: 0 0 12px; }
:lang(zh) { word-break: keep-all; overflow-wrap: anywhere; }
`;
