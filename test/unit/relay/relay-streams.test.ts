import { describe, expect, it } from 'vitest';
import { DiscardPolicy, type StreamConfig } from '@nats-io/jetstream';
import { callbackStreamConfig, streamShortfalls } from '../../../src/relay/relay-streams';

const limits = { maxStreamBytes: 2 ** 30, maxPerCounter: 1000 };

describe("the relay's streams", () => {
  it('bound the callback stream: bytes, per counter, refusing new ones per counter when full', () => {
    const config = callbackStreamConfig(1, limits);
    expect(config).toMatchObject({
      max_bytes: 2 ** 30,
      max_msgs_per_subject: 1000,
      discard: DiscardPolicy.New,
      discard_new_per_subject: true,
    });
    // Far under nats-server's default max_payload of 1 MB.
    expect(config.max_msg_size).toBeLessThan(1024 * 1024);
  });

  it('say what an existing stream without limits lacks', () => {
    const wanted = callbackStreamConfig(1, limits);
    const old = {
      ...wanted,
      max_bytes: -1,
      max_msgs_per_subject: -1,
      discard: DiscardPolicy.Old,
      discard_new_per_subject: false,
      max_msg_size: 1024 * 1024 + 4096,
      max_age: 12 * 24 * 3600 * 1e9,
    } as StreamConfig;
    const notes = streamShortfalls(old, wanted);
    expect(notes).toEqual([
      expect.stringMatching(/no byte limit/),
      expect.stringMatching(/no per-subject limit/),
      expect.stringMatching(/discards old messages/),
      expect.stringMatching(/does not refuse per subject/),
      expect.stringMatching(/takes messages larger than/),
    ]);
    expect(streamShortfalls({ ...wanted } as StreamConfig, wanted)).toEqual([]);
  });
});
