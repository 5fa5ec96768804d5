import { createServer, type Server, type Socket } from 'node:net';

/** How the fake printer behaves: like a healthy printer, or one of the faults of the issue. */
export type PrinterBehaviour =
  /** Prints: answers status requests, takes everything, closes after the host does. */
  | 'print'
  /** Like `print`, but answers no status request (printers without status support). */
  | 'print-silently'
  /** Answers the real-time status request with "paper end" and prints nothing. */
  | 'paper-out'
  /** Accepts the connection, then neither reads, answers nor closes. */
  | 'hang'
  /** Answers the status request, then resets the connection in the middle of the slip. */
  | 'reset-mid-job';

const DLE_EOT_4 = Buffer.from([0x10, 0x04, 0x04]);
const GS_R_1 = Buffer.from([0x1d, 0x72, 0x31]);
const STATUS_OK = 0x12;
const STATUS_PAPER_END = 0x72;

/** A raw TCP (port 9100 style) receipt printer on 127.0.0.1, for tests. */
export interface FakeReceiptPrinter {
  readonly port: number;
  /** `127.0.0.1:port`, as the printer settings take it. */
  readonly address: string;
  /** The slips it printed (the bytes of each job, without the status request before it). */
  readonly jobs: Buffer[];
  behaviour: PrinterBehaviour;
  /** Waits (bounded) until `count` slips were printed; returns them. */
  waitForJobs(count: number, timeoutMs?: number): Promise<Buffer[]>;
  close(): Promise<void>;
}

/** Starts a fake printer on a free loopback port. */
export async function startFakePrinter(
  behaviour: PrinterBehaviour = 'print',
): Promise<FakeReceiptPrinter> {
  const sockets = new Set<Socket>();
  const jobs: Buffer[] = [];
  const printer = {
    behaviour,
    jobs,
  } as { behaviour: PrinterBehaviour; jobs: Buffer[] };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const mode = printer.behaviour;
    if (mode === 'hang') {
      socket.pause();
      return;
    }
    let received = Buffer.alloc(0);
    let statusAnswered = false;
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (!statusAnswered && received.subarray(0, 3).equals(DLE_EOT_4)) {
        statusAnswered = true;
        if (mode === 'paper-out') socket.write(Buffer.from([STATUS_PAPER_END]));
        else if (mode !== 'print-silently') socket.write(Buffer.from([STATUS_OK]));
      }
      const job = received.subarray(statusAnswered ? 3 : 0);
      if (mode === 'reset-mid-job' && job.length > 0) {
        socket.resetAndDestroy();
        return;
      }
      // GS r 1 ends the slip: a printer answers it once everything before it is processed.
      if (mode === 'print' && job.subarray(-3).equals(GS_R_1)) socket.write(Buffer.from([0x00]));
    });
    socket.on('end', () => {
      const job = received.subarray(received.subarray(0, 3).equals(DLE_EOT_4) ? 3 : 0);
      if ((mode === 'print' || mode === 'print-silently') && job.length > 0) jobs.push(job);
      socket.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;

  return Object.assign(printer, {
    port,
    address: `127.0.0.1:${port}`,
    async waitForJobs(count: number, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (jobs.length < count) {
        if (Date.now() > deadline)
          throw new Error(`the printer got ${jobs.length} slips, not ${count}, in ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return jobs.slice(0, count);
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}

/** A loopback port where nothing listens (connections are refused). */
export async function refusingAddress(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `127.0.0.1:${port}`;
}
