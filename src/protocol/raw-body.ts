import type { IncomingMessage } from 'node:http';

/** A request body as it arrived, up to a limit. */
export type RawBody =
  | { readonly kind: 'bytes'; readonly bytes: Buffer }
  /** Larger than the limit (declared, or as it streamed in): reading stopped there. */
  | { readonly kind: 'too_large' }
  /** The sender went away before the body ended. */
  | { readonly kind: 'broken' };

/**
 * Reads a request body as raw bytes (never decoded: the counter verifies Gate's signature over
 * exactly these), stopping as soon as it passes `maxBytes`. A declared Content-Length above the
 * limit is refused before a byte is read.
 */
export function readRawBody(req: IncomingMessage, maxBytes: number): Promise<RawBody> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      resolve({ kind: 'too_large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: RawBody) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(body);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        req.pause();
        finish({ kind: 'too_large' });
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish({ kind: 'bytes', bytes: Buffer.concat(chunks, size) }));
    req.once('aborted', () => finish({ kind: 'broken' }));
    req.once('error', () => finish({ kind: 'broken' }));
    req.once('close', () => finish({ kind: 'broken' }));
  });
}
