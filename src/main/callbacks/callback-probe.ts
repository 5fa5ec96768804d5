import { randomBytes } from 'node:crypto';
import { said } from '../../shared/i18n/said';
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
        said: said('settings.test.finding.callbacksReached', { url: publicUrl }),
      };
    const hint = said('settings.test.finding.callbacksHint', {
      host: url.host,
      listener: listener.url,
    });
    const unreachable = (detail: string): Finding => ({
      ok: false,
      kind: 'callbacks_unreachable',
      said: said('settings.test.finding.callbacksUnreachable', { url: publicUrl }),
      hint,
      detail,
    });
    if (!answer.ok) {
      if (answer.failure.kind === 'too_large')
        return unreachable('the answer came from something else than this counter');
      const failure = transportFinding(
        answer.failure.kind === 'timeout'
          ? { kind: 'timeout', message: answer.failure.message }
          : {
              kind: 'network',
              message: answer.failure.message,
              ...(answer.failure.code ? { code: answer.failure.code } : {}),
            },
        findingContext(url.href, timeoutMs),
        'callbacks',
      );
      // What failed on the way is the finding; where to look is the hint.
      return { ...failure, kind: 'callbacks_unreachable', hint };
    }
    return unreachable(`HTTP ${answer.answer.status}, not from this counter's listener`);
  } finally {
    poster.close();
  }
}
