import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCounter } from '../src/main/app/create-counter';
import { setLogSink } from '../src/main/logging/logger';
import { sign } from '../src/protocol/signer';
import { startNatsServer } from '../test/support/nats-server';
import { startRelayProcess, testCallbackPath } from '../test/support/relay-harness';
import { median, percentile } from './stats';

const BENCH_COUNTER = { store: 'B1', counter: 'C1' };

const SECRET = 'bench-relay-secret';

/** Figures of one path (relay or direct listener), medians over the rounds with their spread. */
export interface PathFigures {
  readonly path: 'relay' | 'direct';
  readonly p50: number;
  readonly p99: number;
  /** Lowest and highest p50 of the rounds. */
  readonly p50Spread: [number, number];
  /** Callbacks journaled per second with many in flight (median of the rounds). */
  readonly throughput: number;
  readonly throughputSpread: [number, number];
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
function post(url: string, body: string, retried = false): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      // A kept-alive socket the server closed as idle just as it was reused: send again once,
      // as Gate would (the callback is idempotent), rather than end the benchmark.
      if (req.reusedSocket && error.code === 'ECONNRESET' && !retried)
        resolve(post(url, body, true));
      else reject(error);
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.end(body);
  });
}

/**
 * Callback in → journaled, through the relay (HTTP → JetStream → the counter's consumer) and
 * straight to the counter's own HTTP listener, in interleaved rounds on one counter: per round,
 * `sequential` callbacks one at a time (latency) and `burst` with 32 in flight (throughput).
 */
export async function benchRelay(
  rounds: number,
  sequential: number,
  burst: number,
): Promise<PathFigures[]> {
  setLogSink(null);
  const nats = await startNatsServer();
  const relay = await startRelayProcess(['--nats', nats.url, '--port', '0', '--counters', 'B1/C1']);
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-relay-counter-'));
  const counter = await createCounter({
    dataDir,
    mode: 'demo',
    demo: { sandboxUrl: 'http://127.0.0.1:9', sandboxSecret: SECRET, projectId: 1001 },
    pollSchedule: { firstAfterMs: 600_000, maxIntervalMs: 600_000 },
    settingsOverrides: {
      relayNatsUrls: [nats.url],
      relayCallbackUrl: relay.url + testCallbackPath(BENCH_COUNTER),
    },
  });
  const journaled = new Map<string, () => void>();
  counter.service.events.on('updated', (record) => {
    if (record.state === 'succeeded') journaled.get(record.id)?.();
  });
  for (let tries = 0; tries < 200; tries++) {
    const session = await counter.handlers['session:get']({});
    if (session.ok && session.value.relay?.state === 'connected') break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  let serial = 0;
  const oneCallback = async (target: string): Promise<number> => {
    const id = `B-${serial++}`;
    const now = Date.now();
    counter.journal.create(
      { id, projectId: 1001, terminalId: 'BENCH', amount: 1000, currency: 'CNY', createdAt: now },
      'bench',
    );
    counter.journal.transition(id, 'created', 'requested', 'bench');
    const sum = { amount: 1000, currency: 'CNY' };
    const callback = {
      project_id: 1001,
      payment: { id, status: 'success', sum },
      operation: {
        type: 'sale',
        status: 'success',
        code: '0',
        message: 'Success',
        sum_initial: sum,
      },
    };
    const body = JSON.stringify({ ...callback, signature: sign(callback, SECRET) });
    const done = new Promise<void>((resolve) => journaled.set(id, resolve));
    const start = performance.now();
    const status = await post(target, body);
    if (status !== 200) throw new Error(`${target} answered ${status}`);
    await done;
    journaled.delete(id);
    return performance.now() - start;
  };
  const targets = {
    relay: relay.url + testCallbackPath(BENCH_COUNTER),
    direct: counter.callbackUrl()!,
  };
  const figures = {
    relay: { p50: [] as number[], p99: [] as number[], tp: [] as number[] },
    direct: { p50: [] as number[], p99: [] as number[], tp: [] as number[] },
  };
  for (let round = 0; round < rounds; round++) {
    for (const path of ['relay', 'direct'] as const) {
      const latencies: number[] = [];
      for (let i = 0; i < sequential; i++) latencies.push(await oneCallback(targets[path]));
      figures[path].p50.push(median(latencies));
      figures[path].p99.push(percentile(latencies, 99));
      let left = burst;
      const start = performance.now();
      await Promise.all(
        Array.from({ length: 32 }, async () => {
          while (left-- > 0) await oneCallback(targets[path]);
        }),
      );
      figures[path].tp.push(burst / ((performance.now() - start) / 1000));
    }
  }
  await counter.close();
  await relay.stop();
  await nats.close();
  rmSync(dataDir, { recursive: true, force: true });
  const spread = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];
  return (['relay', 'direct'] as const).map((path) => ({
    path,
    p50: median(figures[path].p50),
    p99: median(figures[path].p99),
    p50Spread: spread(figures[path].p50),
    throughput: median(figures[path].tp),
    throughputSpread: spread(figures[path].tp),
  }));
}
