import { describe, expect, it } from 'vitest';
import { inBackground } from '../../../src/main/logging/in-background';
import { createLogger, setLogSink } from '../../../src/main/logging/logger';

describe('work left to finish in the background', () => {
  it('a failure is one log line, not a rejection nobody handled', async () => {
    const lines: string[] = [];
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    setLogSink((line) => lines.push(line));
    try {
      inBackground(Promise.reject(new Error('relay unreachable')), createLogger('app'), 'relay');
      for (let turn = 0; turn < 3; turn++) await new Promise((done) => setImmediate(done));
    } finally {
      process.off('unhandledRejection', onUnhandled);
      setLogSink(null);
    }
    expect(unhandled).toEqual([]);
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({
      level: 'error',
      module: 'app',
      message: 'relay failed',
      detail: { error: expect.stringContaining('relay unreachable') },
    });
  });
});
