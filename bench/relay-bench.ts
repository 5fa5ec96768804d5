import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCounter } from '../src/main/app/create-counter';
import { setLogSink } from '../src/main/logging/logger';
import { sign } from '../src/protocol/signer';
import { testCallbackPath } from '../test/support/relay-harness';
import { keptAliveClient, type KeptAliveClient } from './kept-alive-client';
import { within } from './parts';
import { median, percentile } from './stats';
import { withRelay } from './with-relay';

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
  return withRelay(['--counters', 'B1/C1'], async (relay, nats) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-relay-counter-'));
    const client = keptAliveClient(64);
    let counter: Counter | undefined;
    try {
      counter = await createCounter({
        dataDir,
        mode: 'demo',
        demo: { sandboxUrl: 'http://127.0.0.1:9', sandboxSecret: SECRET, projectId: 1001 },
        pollSchedule: { firstAfterMs: 600_000, maxIntervalMs: 600_000 },
        settingsOverrides: {
          relayNatsUrls: [nats.url],
          relayCallbackUrl: relay.url + testCallbackPath(BENCH_COUNTER),
        },
      });
      const oneCallback = await callbackSender(counter, client);
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
      const spread = (values: number[]): [number, number] => [
        Math.min(...values),
        Math.max(...values),
      ];
      return (['relay', 'direct'] as const).map((path) => ({
        path,
        p50: median(figures[path].p50),
        p99: median(figures[path].p99),
        p50Spread: spread(figures[path].p50),
        throughput: median(figures[path].tp),
        throughputSpread: spread(figures[path].tp),
      }));
    } finally {
      client.close();
      await counter?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}

type Counter = Awaited<ReturnType<typeof createCounter>>;

/**
 * Once the counter's relay consumer is connected: a function that journals a payment as sent,
 * posts its signed success callback to a target and resolves with the time until it is journaled.
 */
async function callbackSender(
  counter: Counter,
  client: KeptAliveClient,
): Promise<(target: string) => Promise<number>> {
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
  return async (target) => {
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
    const status = await client.post(target, body);
    if (status !== 200) throw new Error(`${target} answered ${status}`);
    await within(done, 30_000, `callback ${id} was answered 200 but not journaled within 30 s`);
    journaled.delete(id);
    return performance.now() - start;
  };
}
