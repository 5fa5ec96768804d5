import { randomBytes } from 'node:crypto';
import type { HostedRedirect } from '../protocol/relay-wire';

/** A page to send, with the headers that keep it to its one job. */
export interface Page {
  readonly status: number;
  readonly html: string;
  readonly headers: Record<string, string>;
}

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

function headers(nonce: string, formAction: string): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    // The page may run its one script and post its one form to the payment provider: nothing
    // else, and it cannot be framed.
    'content-security-policy': [
      "default-src 'none'",
      `script-src 'nonce-${nonce}'`,
      `style-src 'nonce-${nonce}'`,
      `form-action ${formAction}`,
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ].join('; '),
  };
}

const STYLE =
  'body{font:18px system-ui,sans-serif;margin:2em auto;max-width:28em;padding:0 1em;text-align:center;color:#222}' +
  'button{font:inherit;padding:.7em 1.4em;border-radius:.4em;border:0;background:#1677ff;color:#fff}';

/**
 * The hosted redirect: a form Gate asked the customer's browser to POST (which a QR code cannot
 * carry), posted as soon as the page loads; the button is there for browsers without scripts.
 */
export function redirectPage(redirect: HostedRedirect): Page {
  const nonce = randomBytes(16).toString('base64');
  const inputs = redirect.fields
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('');
  const html =
    `<!doctype html><html lang="zh"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>支付宝 · Alipay</title><style nonce="${nonce}">${STYLE}</style></head><body>` +
    `<p>正在前往支付宝… · Opening Alipay…</p>` +
    `<form id="pay" method="post" action="${escapeHtml(redirect.url)}">${inputs}` +
    `<button type="submit">继续 · Continue</button></form>` +
    `<script nonce="${nonce}">document.getElementById('pay').submit();</script>` +
    `</body></html>`;
  return { status: 200, html, headers: headers(nonce, new URL(redirect.url).origin) };
}

/** A page that says, in both languages, why there is nothing to pay here. */
export function messagePage(status: number, chinese: string, english: string): Page {
  const nonce = randomBytes(16).toString('base64');
  const html =
    `<!doctype html><html lang="zh"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>支付宝 · Alipay</title><style nonce="${nonce}">${STYLE}</style></head><body>` +
    `<p>${escapeHtml(chinese)}</p><p>${escapeHtml(english)}</p></body></html>`;
  return { status, html, headers: headers(nonce, "'none'") };
}
