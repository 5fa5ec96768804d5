import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import { callbackSubject, FROM_HEADER, type CounterAddress } from './protocol';
import { readRawBody } from './raw-body';
import { MAX_BODY_BYTES } from './relay-streams';

/** What the relay answers Gate: only a 200 stops Gate's retries. */
export interface IngressAnswer {
  readonly status: number;
  readonly message: string;
  /** Whether the request body was read to its end (the connection may then be kept). */
  readonly bodyRead: boolean;
}

/** How long a store may take before the answer is 503 (Gate then delivers it again). */
const PUBLISH_TIMEOUT_MS = 5000;

/**
 * The message id of a callback: the same body to the same counter is the same message, so
 * Gate's retries of a callback already stored are dropped by JetStream's de-duplication.
 */
export function callbackMessageId(subject: string, body: Uint8Array): string {
  return createHash('sha256').update(subject).update('\n').update(body).digest('hex');
}

/** Which counter a callback path names, if it is one this relay serves. */
export type CounterLookup = (store: string, counter: string) => CounterAddress | undefined;

/**
 * One callback from Gate: checks the counter and the body's type and size, stores the raw
 * bytes in JetStream under the counter's subject, and answers 200 only once JetStream has
 * acknowledged the write; 503 otherwise, so Gate's own retries cover the outage.
 */
export async function ingestCallback(
  req: IncomingMessage,
  address: CounterAddress,
  js: JetStreamClient,
  onStored: (subject: string) => void = () => {},
): Promise<IngressAnswer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    return { status: 415, message: 'callbacks must be application/json', bodyRead: false };
  const body = await readRawBody(req, MAX_BODY_BYTES);
  if (body.kind === 'too_large')
    return { status: 413, message: 'body larger than 1 MiB', bodyRead: false };
  if (body.kind === 'broken') return { status: 400, message: 'body cut off', bodyRead: false };
  if (body.bytes.length === 0) return { status: 400, message: 'empty body', bodyRead: true };
  const subject = callbackSubject(address);
  const headers = natsHeaders();
  headers.set(FROM_HEADER, req.socket.remoteAddress ?? 'unknown');
  try {
    await js.publish(subject, body.bytes, {
      msgID: callbackMessageId(subject, body.bytes),
      headers,
      timeout: PUBLISH_TIMEOUT_MS,
    });
  } catch {
    return { status: 503, message: 'not stored, deliver again', bodyRead: true };
  }
  onStored(subject);
  return { status: 200, message: 'OK', bodyRead: true };
}
