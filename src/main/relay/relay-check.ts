import { said } from '../../shared/i18n/said';
import { timeOfDay } from '../../shared/time-of-day';
import { findingContext, transportFinding, type Finding } from '../gate/connection-findings';
import type { RelayStatus } from './relay-link';
import { relayBaseUrl, shownCallbackUrl, type RelayAddressFields } from './relay-settings';

/** What the connection test needs to know of this counter's relay link. */
export interface RelayLinkNow {
  readonly status: RelayStatus | undefined;
  /** The broker client's words for why it is not connected, when it said. */
  readonly problem: string | undefined;
}

/**
 * Test connection's word on the callback path when a relay is set: Gate posts to the relay,
 * so the checks are that the relay's public address answers (its `/health` says 200 only while
 * it reaches the broker) and that this counter is connected to the broker to collect them. Both
 * are needed for a callback to arrive; neither blocks charging (status polling is the backstop).
 */
export async function checkRelayPath(
  settings: RelayAddressFields,
  link: RelayLinkNow,
  timeoutMs: number,
  now: () => number = Date.now,
): Promise<Finding> {
  const callbackUrl = shownCallbackUrl(settings);
  const health = `${relayBaseUrl(settings) ?? ''}/health`;
  const answered = await relayAnswers(health, timeoutMs);
  const hint = said('settings.test.finding.relayHint');
  if (answered !== true)
    return {
      ...answered,
      ok: false,
      kind: 'relay_unreachable',
      hint,
      detail: `${answered.detail ?? ''} (${callbackUrl ?? ''})`.trim(),
    };
  if (link.status?.state !== 'connected') {
    const since = link.status ? `since ${timeOfDay(link.status.since)}` : '';
    return {
      ok: false,
      kind: 'relay_not_connected',
      said: said('settings.test.finding.relayNotConnected'),
      hint,
      detail: [since, link.problem].filter(Boolean).join(': ') || 'never connected',
    };
  }
  return {
    ok: true,
    kind: 'relay_ok',
    said: said('settings.test.finding.relayOk', { since: link.status.since }),
    detail: `${callbackUrl ?? ''}, checked at ${timeOfDay(now())}`,
  };
}

/**
 * True when GET answered 200; otherwise what happened: an HTTP answer in the relay's terms,
 * no answer in the same words as Gate's (DNS, TLS, refused, proxy, timeout).
 */
async function relayAnswers(
  url: string,
  timeoutMs: number,
): Promise<true | Pick<Finding, 'said' | 'detail'>> {
  try {
    const answer = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await answer.body?.cancel();
    if (answer.status === 200) return true;
    return answer.status === 503
      ? { said: said('settings.test.finding.relayNoServers'), detail: `${url}: HTTP 503` }
      : {
          said: said('settings.test.finding.relayOddAnswer'),
          detail: `${url}: HTTP ${answer.status}`,
        };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const message = cause?.message ?? (error as Error).message;
    const failure =
      (error as Error).name === 'TimeoutError'
        ? { kind: 'timeout' as const, message }
        : { kind: 'network' as const, message, ...(cause?.code ? { code: cause.code } : {}) };
    const finding = transportFinding(failure, findingContext(url, timeoutMs), 'relay');
    return { said: finding.said, ...(finding.detail ? { detail: finding.detail } : {}) };
  }
}
