import { randomBytes } from 'node:crypto';
import { findingContext, transportFinding, type Finding } from '../gate/connection-findings';
import { createJsonPoster } from '../gate/http-transport';
import { PROBE_PARAMETER, type CallbackListener } from './callback-listener';

/**
 * Whether a request to the public callback URL, sent from this PC, reaches this counter's
 * listener: the listener waits for a one-time nonce, and only its arrival counts (any other
 * answer, even a 200 from something else, means Gate's callbacks would not arrive here).
 */
export async function probeCallbackPath(
  publicUrl: string,
  listener: Pick<CallbackListener, 'expectProbe' | 'url'>,
  timeoutMs = 8000,
): Promise<Finding> {
  const nonce = randomBytes(16).toString('hex');
  const url = new URL(publicUrl);
  url.searchParams.set(PROBE_PARAMETER, nonce);
  let arrived = false;
  listener.expectProbe(nonce, timeoutMs).then(
    (seen) => (arrived = seen),
    () => (arrived = false),
  );
  const poster = createJsonPoster();
  try {
    const answer = await poster.post(url, '{}', { timeoutMs, maxResponseBytes: 64 * 1024 });
    // The listener saw the nonce before answering, so by now the flag is set if it came here.
    await Promise.resolve();
    const reached = answer.ok && answer.answer.status === 200 && arrived;
    if (reached)
      return {
        ok: true,
        kind: 'callbacks_reached',
        text: `Callbacks reach this counter: a request to ${publicUrl} arrived at its listener (${listener.url}).`,
      };
    const hint = ` Check that the tunnel or reverse proxy forwards ${url.host} to ${listener.url}. (A router that cannot send a request from inside the store back in makes this check fail although Gate's callbacks would arrive.)`;
    if (!answer.ok) {
      if (answer.failure.kind === 'too_large')
        return {
          ok: false,
          kind: 'callbacks_unreachable',
          text: `Callbacks unreachable: ${publicUrl} answered with something else than this counter.${hint}`,
        };
      const finding = transportFinding(
        answer.failure.kind === 'timeout'
          ? { kind: 'timeout', message: answer.failure.message }
          : {
              kind: 'network',
              message: answer.failure.message,
              ...(answer.failure.code ? { code: answer.failure.code } : {}),
            },
        findingContext(url.href, timeoutMs),
        'Callbacks unreachable',
      );
      return { ok: false, kind: 'callbacks_unreachable', text: finding.text + hint };
    }
    return {
      ok: false,
      kind: 'callbacks_unreachable',
      text: `Callbacks unreachable: ${publicUrl} answered HTTP ${answer.answer.status}, but the request did not reach this counter.${hint}`,
    };
  } finally {
    poster.close();
  }
}
