import type { JetStreamManager } from '@nats-io/jetstream';
import {
  hostedRedirectSchema,
  REDIRECT_STREAM,
  REDIRECT_TOKEN_PATTERN,
  redirectSubject,
  type CounterAddress,
} from '../protocol/relay-wire';
import { messagePage, redirectPage, type Page } from './redirect-page';

const GONE = [
  '这个付款页面已失效，请让收银员重新收款。',
  'This payment page has expired: ask the cashier to charge again.',
] as const;

/** The page for a token that leads nowhere: unknown counter, unknown or malformed token alike. */
export function goneRedirectPage(): Page {
  return messagePage(404, ...GONE);
}

/**
 * `GET /r/<store>/<counter>/<token>` of a counter the relay serves: the redirect form that
 * counter published under exactly that subject, as a page that posts it on load (https targets
 * only); an unknown, malformed or expired token gets a page that says so (nothing is posted).
 */
export async function hostedRedirectPage(
  address: CounterAddress,
  token: string,
  jsm: JetStreamManager,
  now: number = Date.now(),
): Promise<Page> {
  if (!REDIRECT_TOKEN_PATTERN.test(token)) return goneRedirectPage();
  let stored;
  try {
    stored = await jsm.streams.getMessage(REDIRECT_STREAM, {
      last_by_subj: redirectSubject(address, token),
    });
  } catch {
    return messagePage(
      503,
      '暂时无法打开付款页面，请稍后再扫。',
      'The payment page cannot be opened right now: scan again in a moment.',
    );
  }
  if (!stored) return goneRedirectPage();
  let parsed;
  try {
    parsed = hostedRedirectSchema.safeParse(JSON.parse(new TextDecoder().decode(stored.data)));
  } catch {
    return goneRedirectPage();
  }
  if (!parsed.success) return goneRedirectPage();
  if (parsed.data.expiresAt <= now) return messagePage(410, ...GONE);
  return redirectPage(parsed.data);
}
