import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createCounter } from '../src/main/app/create-counter';
import { setLogSink } from '../src/main/logging/logger';
import { MAX_CALLBACK_BYTES, MAX_CALLBACK_FIELDS } from '../src/protocol/callback-body';
import { testCallbackPath } from '../test/support/relay-harness';
import { keptAliveClient } from './kept-alive-client';
import { within } from './parts';
import { median, percentile } from './stats';
import { withRelay } from './with-relay';

/** Relay ingest figures: POST → JetStream PubAck → 200, unique bodies, many in flight. */
export interface IngestFigures {
  readonly posts: number;
  readonly inFlight: number;
  readonly rounds: number;
  /** Medians over the rounds, and the spread of the per-round figures. */
  readonly perSecond: number;
  readonly perSecondSpread: [number, number];
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly p99Spread: [number, number];
}

/** The counter's main thread while it drains crafted bodies from the relay. */
export interface DrainFigures {
  readonly bodies: number;
  readonly bodyBytes: number;
  readonly fields: number;
  readonly drainMs: number;
  readonly longestStallMs: number;
  readonly p99StallMs: number;
  /** The floor: the same counter's longest stall over as long a time, idle, right after. */
  readonly idleLongestStallMs: number;
}

/**
 * Relay ingest as Gate would load it: unique callback bodies (each its own message id) posted to
 * one counter's token path of one relay process, `inFlight` at a time, each answered 200 only
 * after JetStream's PubAck. Rounds of `posts` each; the counter is not collecting.
 */
export async function benchRelayIngest(
  rounds: number,
  posts: number,
  inFlight: number,
): Promise<IngestFigures> {
  const address = { store: 'B1', counter: 'C1' };
  const perSecond: number[] = [];
  const p50s: number[] = [];
  const p99s: number[] = [];
  // The stream must hold every round's callbacks: nobody collects them here.
  const relayArgs = ['--counters', 'B1/C1', '--max-per-counter', String(rounds * posts + 1000)];
  await withRelay(relayArgs, async (relay) => {
    const url = relay.url + testCallbackPath(address);
    const client = keptAliveClient(inFlight);
    let serial = 0;
    try {
      // Warm-up: connections open, JIT warm.
      await Promise.all(
        Array.from({ length: inFlight * 4 }, () => client.post(url, body(serial++))),
      );
      for (let round = 0; round < rounds; round++) {
        const latencies: number[] = [];
        let left = posts;
        const started = performance.now();
        await Promise.all(
          Array.from({ length: inFlight }, async () => {
            while (left-- > 0) {
              const sent = performance.now();
              const status = await client.post(url, body(serial++));
              if (status !== 200) throw new Error(`the relay answered ${status}`);
              latencies.push(performance.now() - sent);
            }
          }),
        );
        perSecond.push(posts / ((performance.now() - started) / 1000));
        p50s.push(median(latencies));
        p99s.push(percentile(latencies, 99));
      }
    } finally {
      client.close();
    }
  });
  const spread = (values: number[]): [number, number] => [Math.min(...values), Math.max(...values)];
  return {
    posts,
    inFlight,
    rounds,
    perSecond: median(perSecond),
    perSecondSpread: spread(perSecond),
    p50Ms: median(p50s),
    p99Ms: median(p99s),
    p99Spread: spread(p99s),
  };
}

/** A callback body of about Gate's size, unique per serial. */
function body(serial: number): string {
  return JSON.stringify({
    project_id: 1001,
    payment: { id: `BENCH-${serial}`, status: 'success', sum: { amount: 1000, currency: 'CNY' } },
    operation: { type: 'sale', status: 'success', code: '0', message: 'Success' },
    signature: 'c2lnbmF0dXJlLW5vdC1jaGVja2VkLWJ5LXRoZS1yZWxheQ==',
  });
}

/**
 * A body built to cost the most that passes the relay's checks: as many fields as allowed, each
 * with a long value, up to the size cap, and a signature that will not verify.
 */
export function craftedBody(serial: number): string {
  // Keys of its own, with `payment`, `payment.id` and `signature`: exactly the cap.
  const fields = MAX_CALLBACK_FIELDS - 3;
  const value = 'v'.repeat(Math.floor((MAX_CALLBACK_BYTES - 200) / fields) - 12);
  const entries = Array.from({ length: fields }, (_, i) => [`k${i.toString(36)}`, value]);
  return JSON.stringify({
    payment: { id: `CRAFT-${serial}` },
    ...Object.fromEntries(entries),
    signature: 'x',
  });
}

/**
 * The counter's longest event-loop stall while its relay consumer drains `count` crafted
 * bodies at the caps (stored at the relay while the counter was off, then collected at start).
 */
export async function benchCraftedDrain(count: number): Promise<DrainFigures> {
  setLogSink(null);
  const address = { store: 'B1', counter: 'C2' };
  const sample = craftedBody(0);
  return withRelay(['--counters', 'B1/C2'], async (relay, nats) => {
    const url = relay.url + testCallbackPath(address);
    const client = keptAliveClient(8);
    try {
      for (let i = 0; i < count; i++) {
        const status = await client.post(url, craftedBody(i));
        if (status !== 200) throw new Error(`the relay answered ${status} to a crafted body`);
      }
    } finally {
      client.close();
    }
    const dataDir = mkdtempSync(join(tmpdir(), 'bench-drain-'));
    let seen = 0;
    let drained: () => void = () => {};
    const allSeen = new Promise<void>((resolve) => (drained = resolve));
    const histogram = monitorEventLoopDelay({ resolution: 1 });
    let started = 0;
    let counter: Awaited<ReturnType<typeof createCounter>> | undefined;
    try {
      counter = await createCounter({
        dataDir,
        mode: 'demo',
        demo: {
          sandboxUrl: 'http://127.0.0.1:9',
          sandboxSecret: 'bench-drain-secret',
          projectId: 1001,
        },
        pollSchedule: { firstAfterMs: 600_000, maxIntervalMs: 600_000 },
        settingsOverrides: {
          relayNatsUrls: [nats.url],
          relayCallbackUrl: relay.url + testCallbackPath(address),
        },
        relay: {
          afterIntake: () => {
            // Measured from the first body on: the counter's own start-up is not the drain.
            if (seen === 0) {
              histogram.enable();
              started = performance.now();
            }
            if (++seen === count) drained();
          },
        },
      });
      await within(
        allSeen,
        120_000,
        () => `the counter took in ${seen} of ${count} bodies in 120 s`,
      );
      const drainMs = performance.now() - started;
      histogram.disable();
      // The floor, in the same process, straight after: what this machine does to an idle loop.
      const idle = monitorEventLoopDelay({ resolution: 1 });
      idle.enable();
      await new Promise((resolve) => setTimeout(resolve, Math.min(drainMs, 5000)));
      idle.disable();
      return {
        bodies: count,
        bodyBytes: Buffer.byteLength(sample),
        fields: MAX_CALLBACK_FIELDS,
        drainMs,
        longestStallMs: histogram.max / 1e6,
        p99StallMs: histogram.percentile(99) / 1e6,
        idleLongestStallMs: idle.max / 1e6,
      };
    } finally {
      histogram.disable();
      await counter?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
