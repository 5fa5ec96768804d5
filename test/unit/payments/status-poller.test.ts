import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLogSink } from '../../../src/main/logging/logger';
import { StatusPoller } from '../../../src/main/payments/status-poller';

const SCHEDULE = { firstAfterMs: 10_000, maxIntervalMs: 60_000, thresholdMs: 3_600_000 };

describe('status polling', () => {
  afterEach(() => {
    vi.useRealTimers();
    setLogSink(null);
  });

  it('a poll that throws is logged, and the payment is asked about again at its next time', async () => {
    vi.useFakeTimers({ now: 0 });
    const lines: string[] = [];
    setLogSink((line) => lines.push(line));
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const polls: number[] = [];
    const poller = new StatusPoller(
      () => SCHEDULE,
      async () => {
        polls.push(Date.now());
        if (polls.length === 1) throw new Error('journal is busy');
      },
    );
    try {
      poller.track('T01-1', 0);
      await vi.advanceTimersByTimeAsync(10_000);
      await vi.advanceTimersByTimeAsync(15_000);
      vi.useRealTimers();
      for (let turn = 0; turn < 3; turn++) await new Promise((done) => setImmediate(done));
    } finally {
      poller.stop();
      process.off('unhandledRejection', onUnhandled);
    }
    expect(unhandled).toEqual([]);
    expect(polls).toEqual([10_000, 25_000]);
    expect(lines.filter((line) => line.includes('status poll of T01-1 failed'))).toHaveLength(1);
  });
});
