import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Answers a request with a small JSON body, once (a second answer is dropped). Only a request
 * whose body was read whole keeps its connection; any other is closed once the answer is out,
 * rather than left to drain a body nobody reads. The counter's listener and the relay answer
 * every caller this way.
 */
export function answerJson(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: Record<string, unknown>,
  bodyRead: boolean,
): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    connection: bodyRead ? 'keep-alive' : 'close',
  });
  res.end(text);
  if (!bodyRead) res.once('finish', () => req.destroy());
}
