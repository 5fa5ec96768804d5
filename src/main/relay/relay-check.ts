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
  if (answered !== true)
    return {
      ok: false,
      kind: 'relay_unreachable',
      text: `${answered} Gate's callbacks to ${callbackUrl} would not be stored; payments are confirmed by status polling, more slowly.`,
    };
  if (link.status?.state !== 'connected') {
    const why = link.problem ? ` (${link.problem})` : '';
    const since = link.status ? ` since ${timeOfDay(link.status.since)}` : '';
    return {
      ok: false,
      kind: 'relay_not_connected',
      text: `The callback relay answers, but this counter has not been connected to its NATS servers${since}${why}: callbacks wait at the relay, and payments are confirmed by status polling until it connects.`,
    };
  }
  return {
    ok: true,
    kind: 'relay_ok',
    text: `Callbacks come through the relay: Gate posts to ${callbackUrl}, the relay answers, and this counter has been connected to its NATS servers since ${timeOfDay(link.status.since)} (checked at ${timeOfDay(now())}).`,
  };
}

/**
 * True when GET answered 200; otherwise what happened, as a sentence: an HTTP answer in the
 * relay's terms, no answer in the same words as Gate's (DNS, TLS, refused, proxy, timeout).
 */
async function relayAnswers(url: string, timeoutMs: number): Promise<true | string> {
  try {
    const answer = await fetch(url, {
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    await answer.body?.cancel();
    if (answer.status === 200) return true;
    return answer.status === 503
      ? `Callback relay unreachable: ${url} answered 503: the relay runs but cannot reach its NATS servers.`
      : `Callback relay unreachable: ${url} answered HTTP ${answer.status}: is this the relay's address?`;
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const message = cause?.message ?? (error as Error).message;
    const failure =
      (error as Error).name === 'TimeoutError'
        ? { kind: 'timeout' as const, message }
        : { kind: 'network' as const, message, ...(cause?.code ? { code: cause.code } : {}) };
    return transportFinding(failure, findingContext(url, timeoutMs), 'Callback relay unreachable')
      .text;
  }
}
