import { spawn } from 'node:child_process';
import { startCallbackListener } from '../src/main/callbacks/callback-listener';
import { createGateClient, customerInstructions, type GateCallback } from '../src/main/gate';
import { keptAliveClient } from './kept-alive-client';
import { within } from './parts';
import { percentile } from './stats';

const PROJECT = 9001;
const SECRET = 'bench-round-trip-secret';

/** Latency figures of one run, in milliseconds. */
export interface RoundTripFigures {
  readonly label: string;
  readonly payments: number;
  readonly inFlight: number;
  readonly p50: number;
  readonly p99: number;
  readonly ackP50: number;
  readonly ackP99: number;
  readonly throughput: number;
}

/** Starts the sandbox as its own process through the CLI, as a real Gate would be. */
async function startSandboxProcess(): Promise<{ url: string; stop(): void }> {
  const child = spawn(
    process.execPath,
    ['bin/alipay-counter.mjs', 'sandbox', '--port', '0', '--project', String(PROJECT), '--quiet'],
    {
      env: { ...process.env, GATE_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /sandbox listening on (\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.on('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/**
 * The whole sale on loopback: request → acknowledgement → intermediate callback (QR) →
 * the customer presses Success on the QR's page → final callback. Measured per payment.
 */
export async function benchRoundTrip(
  payments: number,
  inFlightRuns: readonly number[],
): Promise<RoundTripFigures[]> {
  const sandbox = await startSandboxProcess();
  const waiting = new Map<
    string,
    { intermediate: (c: GateCallback) => void; final: (c: GateCallback) => void }
  >();
  const listener = await startCallbackListener({
    secret: () => SECRET,
    onCallback: ({ parsed }) => {
      if (!parsed.ok) throw new Error(`bad callback: ${parsed.message}`);
      const entry = waiting.get(parsed.callback.payment.id);
      if (!entry) return;
      if (parsed.callback.payment.status === 'success') entry.final(parsed.callback);
      else entry.intermediate(parsed.callback);
    },
  }).catch((error: unknown) => {
    sandbox.stop();
    throw error;
  });
  const client = createGateClient({ baseUrl: sandbox.url, projectId: PROJECT, secret: SECRET });
  // The customer's phone: presses Success on the QR's page, a form POST on a kept-alive socket.
  const phone = keptAliveClient();
  const press = async (url: string) => {
    const status = await phone.post(url, 'action=success', 'application/x-www-form-urlencoded');
    if (status !== 303) throw new Error(`customer page answered ${status}`);
  };
  let serial = 0;

  const onePayment = async (): Promise<{ total: number; ack: number }> => {
    const paymentId = `bench-${process.pid}-${++serial}`;
    let intermediate!: (c: GateCallback) => void;
    let final!: (c: GateCallback) => void;
    const gotIntermediate = new Promise<GateCallback>((resolve) => (intermediate = resolve));
    const gotFinal = new Promise<GateCallback>((resolve) => (final = resolve));
    waiting.set(paymentId, { intermediate, final });
    const start = performance.now();
    const ack = await client.sale({
      paymentId,
      amount: 1000,
      currency: 'CNY',
      description: 'bench',
      customerId: 'bench',
      customerIp: '192.0.2.10',
      returnUrls: { return: 'https://shop.example/return' },
      callbackUrl: listener.callbackUrl,
    });
    if (!ack.ok) throw new Error(`sale failed: ${JSON.stringify(ack.error)}`);
    const acked = performance.now();
    const wait = <T>(what: Promise<T>, which: string) =>
      within(what, 30_000, `payment ${paymentId}: no ${which} callback within 30 s`);
    const qr = customerInstructions(await wait(gotIntermediate, 'intermediate'))?.qr;
    if (qr?.kind !== 'qr_data') throw new Error('no QR');
    await press(qr.data);
    await wait(gotFinal, 'final');
    waiting.delete(paymentId);
    return { total: performance.now() - start, ack: acked - start };
  };

  const run = async (count: number, inFlight: number) => {
    const totals: number[] = [];
    const acks: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: inFlight }, async () => {
        while (next < count) {
          next++;
          const { total, ack } = await onePayment();
          totals.push(total);
          acks.push(ack);
        }
      }),
    );
    return { totals, acks, seconds: (performance.now() - started) / 1000 };
  };

  try {
    await run(100, 10); // warm-up: JIT, keep-alive sockets
    const figures: RoundTripFigures[] = [];
    for (const inFlight of inFlightRuns) {
      const { totals, acks, seconds } = await run(payments, inFlight);
      figures.push({
        label: inFlight === 1 ? 'sequential' : `${inFlight} in flight`,
        payments: totals.length,
        inFlight,
        p50: percentile(totals, 50),
        p99: percentile(totals, 99),
        ackP50: percentile(acks, 50),
        ackP99: percentile(acks, 99),
        throughput: totals.length / seconds,
      });
    }
    return figures;
  } finally {
    phone.close();
    client.close();
    await listener.close();
    sandbox.stop();
  }
}
