import { randomBytes } from 'node:crypto';
import type { QrView } from '../../shared/ipc/views';
import type { RedirectData } from '../gate/gate-schemas';
import { createLogger } from '../logging/logger';
import {
  hostedRedirectSchema,
  MAX_REDIRECT_LIFETIME_MS,
  type HostedRedirect,
} from '../../protocol/relay-wire';
import { hostedRedirectUrl, type RelayFields } from './relay-settings';

const log = createLogger('relay');

/** How long a hosted page lives when Gate gave the QR no timeout. */
const DEFAULT_LIFETIME_MS = 10 * 60 * 1000;

/** Publishes one redirect form for the relay to serve. */
export type RedirectPublisher = (token: string, redirect: HostedRedirect) => Promise<void>;

/** The form fields of a redirect body: an object's entries, or a query string's. */
export function formFields(body: RedirectData['body']): Array<[string, string]> {
  if (typeof body === 'string') return [...new URLSearchParams(body)];
  if (!body || Array.isArray(body)) return [];
  return Object.entries(body).map(([name, value]) => [
    name,
    typeof value === 'string'
      ? value
      : value !== null && typeof value === 'object'
        ? JSON.stringify(value)
        : String(value),
  ]);
}

/**
 * A POST redirect (which a QR cannot carry) made scannable: the form goes to the relay, which
 * serves it at a short-lived `/r/<token>` page that posts it from the customer's phone; that
 * page's address is the QR. Undefined when it could not be published (the counter then offers
 * its Payment Page link, as without a relay).
 */
export async function hostRedirect(
  redirect: RedirectData,
  qrTimeoutSeconds: number | undefined,
  settings: RelayFields,
  publish: RedirectPublisher | undefined,
  now: number = Date.now(),
): Promise<QrView | undefined> {
  const pageUrl = (token: string) => hostedRedirectUrl(settings, token);
  if (!publish || !redirect.url) return undefined;
  const lifetime = Math.min(
    qrTimeoutSeconds !== undefined ? qrTimeoutSeconds * 1000 : DEFAULT_LIFETIME_MS,
    MAX_REDIRECT_LIFETIME_MS,
  );
  const form = hostedRedirectSchema.safeParse({
    url: redirect.url,
    fields: formFields(redirect.body),
    expiresAt: Math.ceil(now + lifetime),
  });
  if (!form.success) return undefined;
  const token = randomBytes(16).toString('base64url');
  const text = pageUrl(token);
  if (text === undefined) return undefined;
  try {
    await publish(token, form.data);
  } catch (error) {
    log.warn('hosted redirect not published', { message: (error as Error).message });
    return undefined;
  }
  return { kind: 'text', text };
}

/** Hosts a redirect; the shape `hostRedirect` has once its settings and publisher are bound. */
export type RedirectHost = (
  redirect: RedirectData,
  qrTimeoutSeconds: number | undefined,
) => Promise<QrView | undefined>;

/**
 * One hosted page per redirect: Gate's instructions reach the counter twice when its callback
 * and a status answer cross (each decides "first QR" before the other has stored one), and each
 * would publish a page of its own. The same redirect gets the same page while that page lives;
 * a redirect that could not be published may be tried again.
 */
export function oncePerRedirect(host: RedirectHost, now: () => number = Date.now): RedirectHost {
  const pages = new Map<
    string,
    { readonly until: number; readonly page: Promise<QrView | undefined> }
  >();
  return (redirect, qrTimeoutSeconds) => {
    for (const [key, entry] of pages) if (entry.until <= now()) pages.delete(key);
    const key = JSON.stringify([redirect.url, redirect.method, redirect.body]);
    const known = pages.get(key);
    if (known) return known.page;
    const lifetime = Math.min(
      qrTimeoutSeconds !== undefined ? qrTimeoutSeconds * 1000 : DEFAULT_LIFETIME_MS,
      MAX_REDIRECT_LIFETIME_MS,
    );
    const page = host(redirect, qrTimeoutSeconds).then((qr) => {
      if (qr === undefined) pages.delete(key);
      return qr;
    });
    pages.set(key, { until: now() + lifetime, page });
    return page;
  };
}
