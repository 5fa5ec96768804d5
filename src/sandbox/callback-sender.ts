import http from 'node:http';
import https from 'node:https';
import type { ScaledClock } from './scaled-clock';
import { MAX_CALLBACK_ATTEMPTS, secondsBeforeAttempt } from './retry-schedule';
import type { CallbackDelivery, SandboxFaults } from './sandbox-types';

/** Real-time limit of one delivery attempt. */
const ATTEMPT_TIMEOUT_MS = 10_000;

/** Delivers callbacks like ecommpay: POST JSON, done on HTTP 200, else retry on schedule. */
export interface CallbackSender {
  /** Starts delivering; attempts are recorded on `delivery`. */
  deliver(delivery: CallbackDelivery): void;
  /** Waits for attempts under way (not for scheduled retries). */
  idle(): Promise<void>;
}

/** Creates a sender whose retry pauses follow `clock` and whose faults come from `faults()`. */
export function createCallbackSender(
  clock: ScaledClock,
  faults: () => SandboxFaults,
  consumeDrop: () => boolean,
): CallbackSender {
  const inFlight = new Set<Promise<void>>();

  const attempt = async (delivery: CallbackDelivery, n: number): Promise<void> => {
    if (consumeDrop()) {
      delivery.attempts.push({ attempt: n, at: new Date(), dropped: true });
      delivery.finished = true;
      return;
    }
    const delay = faults().delayCallbacksMs ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const result = await post(delivery);
    delivery.attempts.push({ attempt: n, at: new Date(), ...result });
    if (result.httpStatus === 200) {
      delivery.delivered = true;
      const copies = faults().duplicateCallbacks ?? 0;
      for (let i = 0; i < copies; i++) {
        const copy = await post(delivery);
        delivery.attempts.push({ attempt: n, at: new Date(), ...copy });
      }
      delivery.finished = true;
      return;
    }
    if (n >= MAX_CALLBACK_ATTEMPTS) {
      delivery.finished = true;
      return;
    }
    clock.after(secondsBeforeAttempt(n + 1), () => track(attempt(delivery, n + 1)));
  };

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };

  return {
    deliver: (delivery) => track(attempt(delivery, 1)),
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
  };
}

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * One delivery attempt over node:http(s) with kept-alive connections. Only a 200 counts as
 * delivered; a redirect is an answer, not a reason to post elsewhere.
 */
function post(delivery: CallbackDelivery): Promise<{ httpStatus?: number; error?: string }> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(delivery.url);
    } catch {
      resolve({ error: 'invalid callback URL' });
      return;
    }
    const secure = url.protocol === 'https:';
    const body = Buffer.from(JSON.stringify(delivery.body));
    const req = (secure ? https : http).request(url, {
      method: 'POST',
      agent: agents[secure ? 'https:' : 'http:'],
      headers: { 'content-type': 'application/json', 'content-length': body.length },
      timeout: ATTEMPT_TIMEOUT_MS,
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (error: NodeJS.ErrnoException) =>
      resolve({ error: error.code ?? error.message }),
    );
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve({ httpStatus: res.statusCode ?? 0 }));
      res.on('error', () => resolve({ httpStatus: res.statusCode ?? 0 }));
    });
    req.end(body);
  });
}
