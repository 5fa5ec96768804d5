import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { headers as natsHeaders } from '@nats-io/transport-node';
import type { JetStreamClient } from '@nats-io/jetstream';
import { checkCallbackBody, MAX_CALLBACK_BYTES } from '../protocol/callback-body';
import { callbackSubject, FROM_HEADER, type CounterAddress } from '../protocol/relay-wire';
import { readRawBody } from '../protocol/raw-body';

/** What the relay answers Gate: only a 200 stops Gate's retries. */
export interface IngressAnswer {
  readonly status: number;
  readonly message: string;
  /** Whether the request body was read to its end (the connection may then be kept). */
  readonly bodyRead: boolean;
  /** For the relay's log: what the broker said when it did not store the callback. */
  readonly problem?: string;
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

/**
 * One callback from Gate, for a counter whose token the caller proved: checks the body's type,
 * size and shape (a signed JSON object, see checkCallbackBody), stores the raw bytes in
 * JetStream under the counter's subject, and answers 200 only once JetStream has acknowledged
 * the write; 503 otherwise (the broker is away, or the counter's queue is full), so that Gate's
 * own retries cover it. Nothing that fails a check is stored.
 */
export async function ingestCallback(
  req: IncomingMessage,
  address: CounterAddress,
  source: string,
  js: JetStreamClient,
  onStored: (subject: string) => void = () => {},
): Promise<IngressAnswer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json')
    return { status: 415, message: 'callbacks must be application/json', bodyRead: false };
  const body = await readRawBody(req, MAX_CALLBACK_BYTES);
  if (body.kind === 'too_large')
    return {
      status: 413,
      message: `body larger than ${MAX_CALLBACK_BYTES / 1024} KiB`,
      bodyRead: false,
    };
  if (body.kind === 'broken') return { status: 400, message: 'body cut off', bodyRead: false };
  const check = checkCallbackBody(body.bytes);
  if (!check.ok) return { status: 400, message: check.message, bodyRead: true };
  const subject = callbackSubject(address);
  const headers = natsHeaders();
  headers.set(FROM_HEADER, source);
  try {
    await js.publish(subject, body.bytes, {
      msgID: callbackMessageId(subject, body.bytes),
      headers,
      timeout: PUBLISH_TIMEOUT_MS,
    });
  } catch (error) {
    // The stream's limits refuse it (this counter's queue, or the whole stream, is full), or the
    // broker did not answer in time: either way Gate delivers it again later.
    return {
      status: 503,
      message: 'not stored, deliver again',
      bodyRead: true,
      problem: (error as Error).message,
    };
  }
  onStored(subject);
  return { status: 200, message: 'OK', bodyRead: true };
}
