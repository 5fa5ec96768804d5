import type { IncomingMessage, ServerResponse } from 'node:http';
import { readRawBody } from '../protocol/raw-body';

/** Largest request body the sandbox reads. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body as UTF-8 with the reader the counter and the relay use; undefined when it
 * is larger than `MAX_BODY_BYTES` or the sender went away before it ended.
 */
export async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const body = await readRawBody(req, MAX_BODY_BYTES);
  return body.kind === 'bytes' ? body.bytes.toString('utf8') : undefined;
}

/** Sends a JSON answer. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Sends an HTML page. */
export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=UTF-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
  });
  res.end(html);
}

/** Sends a 303 redirect (after a form POST). */
export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { location, 'content-length': 0 });
  res.end();
}

/** Sends a short plain-text answer. */
export function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'content-type': 'text/plain; charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}
