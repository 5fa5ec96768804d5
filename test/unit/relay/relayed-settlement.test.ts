import { describe, expect, it } from 'vitest';
import { settlementOf } from '../../../src/main/relay/relayed-settlement';

describe('what becomes of a relayed callback after its intake', () => {
  it('is acknowledged once the journal has it, applied or refused for good', () => {
    expect(settlementOf('accepted', 1)).toEqual({ kind: 'ack' });
    expect(settlementOf('bad_request', 1)).toEqual({ kind: 'ack' });
  });

  it('is delivered again, never acknowledged, while its signature fails; then held back', () => {
    const delays = [100, 200, 300];
    expect([1, 2, 3].map((n) => settlementOf('invalid_signature', n, delays))).toEqual([
      { kind: 'again', afterMs: 100 },
      { kind: 'again', afterMs: 200 },
      { kind: 'again', afterMs: 300 },
    ]);
    expect(settlementOf('invalid_signature', 4, delays)).toEqual({ kind: 'hold_back' });
    // By default about 18 minutes of deliveries before it is held back.
    const waited = [1, 2, 3, 4, 5].map((n) => settlementOf('invalid_signature', n));
    const total = waited.reduce((ms, s) => ms + (s.kind === 'again' ? s.afterMs : 0), 0);
    expect(total).toBe(1_060_000);
    expect(settlementOf('invalid_signature', 6)).toEqual({ kind: 'hold_back' });
  });

  it('waits for a secret, or for the journal, and tries again', () => {
    expect(settlementOf('retry', 9)).toEqual({ kind: 'again', afterMs: 30_000 });
    expect(settlementOf('not_recorded', 9)).toEqual({ kind: 'again', afterMs: 5_000 });
  });
});
