import type { IncomingMessage } from 'node:http';

/** A request body read up to a limit. */
export type CappedBody =
  | { readonly kind: 'text'; readonly text: string }
  /** Larger than the limit (declared or as it streamed in): reading stopped there. */
  | { readonly kind: 'too_large' }
  /** The client went away before the body ended. */
  | { readonly kind: 'broken' };

/**
 * Reads a request body as UTF-8, stopping as soon as it passes `maxBytes` (a declared
 * Content-Length above it is refused before a byte is read): an oversized body is never
 * buffered whole.
 */
export function readBodyCapped(req: IncomingMessage, maxBytes: number): Promise<CappedBody> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxBytes) {
      resolve({ kind: 'too_large' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (body: CappedBody) => {
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
    req.once('end', () => finish({ kind: 'text', text: Buffer.concat(chunks).toString('utf8') }));
    req.once('aborted', () => finish({ kind: 'broken' }));
    req.once('error', () => finish({ kind: 'broken' }));
    req.once('close', () => finish({ kind: 'broken' }));
  });
}
