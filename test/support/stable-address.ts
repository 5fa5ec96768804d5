import net from 'node:net';

/**
 * A loopback address that stays the same while the server behind it stops and starts again on
 * a port of its own, as a reverse proxy in front of a counter or a relay does. It listens on
 * port 0 (no port is guessed, so none can be taken first) and pipes each connection to the
 * current target; with no target, or a target that is gone, the connection is cut, as it would
 * be by a server that died.
 */
export interface StableAddress {
  /** `http://127.0.0.1:<port>`: give this to Gate. */
  readonly url: string;
  readonly port: number;
  /** Sends new connections to `port` on loopback; undefined cuts them. */
  target(port: number | undefined): void;
  close(): Promise<void>;
}

/** Starts a stable address (see StableAddress) with no target yet. */
export async function startStableAddress(): Promise<StableAddress> {
  let target: number | undefined;
  const sockets = new Set<net.Socket>();
  const keep = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.once('close', () => sockets.delete(socket));
  };
  const server = net.createServer((incoming) => {
    keep(incoming);
    if (target === undefined) return void incoming.destroy();
    const outgoing = net.connect(target, '127.0.0.1');
    keep(outgoing);
    // Either side gone ends both: the caller sees what a dying server would show it.
    outgoing.once('close', () => incoming.destroy());
    incoming.once('close', () => outgoing.destroy());
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as net.AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    target: (next) => void (target = next),
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
