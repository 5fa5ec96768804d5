import http from 'node:http';

/** POSTs over kept-alive sockets, as Gate and a phone's browser do. */
export interface KeptAliveClient {
  /** Sends `body` and resolves with the status code once the whole answer has arrived. */
  post(url: string, body: string, contentType?: string): Promise<number>;
  /** Ends the kept-alive sockets. */
  close(): void;
}

/**
 * An HTTP client for the benchmarks' loads. A kept-alive socket that the server closed as idle
 * just as it was reused fails with ECONNRESET (or EPIPE while the body is written): that request
 * is sent again once, on a fresh socket, as Gate would (callbacks and presses are idempotent),
 * rather than end the benchmark. Any other failure, or a second one, rejects.
 */
export function keptAliveClient(maxSockets = Infinity): KeptAliveClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const post = (url: string, body: string, contentType: string, retried: boolean) =>
    new Promise<number>((resolve, reject) => {
      const req = http.request(url, {
        method: 'POST',
        agent,
        headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        const closedWhenReused =
          req.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE');
        if (closedWhenReused && !retried) resolve(post(url, body, contentType, true));
        else reject(error);
      });
      req.on('response', (res) => {
        res.on('error', reject);
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.resume();
      });
      req.end(body);
    });
  return {
    post: (url, body, contentType = 'application/json') => post(url, body, contentType, false),
    close: () => agent.destroy(),
  };
}
