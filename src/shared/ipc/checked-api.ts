import { z } from 'zod';
import { ERROR_CODES, err } from '../result';
import { saidSchema } from '../i18n/said';
import type { ApiOf, BridgeOf } from './api';
import { eventsOf, requestsOf, type BridgeName } from './bridges';
import { CHANNELS, EVENTS, firstIssue, type Channel } from './contract';

const errorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  said: saidSchema.optional(),
  field: z.string().max(120).optional(),
});

/** A channel's answer: its value as its schema says, or an error with a known code. */
function answerSchema(channel: Channel) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: CHANNELS[channel].response }),
    z.object({ ok: z.literal(false), error: errorSchema }),
  ]);
}

/**
 * Wraps a window's bridge so that nothing from main is believed before it is parsed: an answer
 * of the wrong shape, or a call that got no answer at all, becomes an INTERNAL error Result;
 * event data of the wrong shape is dropped. Each is reported, since each is a bug: the contract
 * and main disagree. Values come back as their schemas output them.
 */
export function checkedApi<N extends BridgeName>(
  name: N,
  bridge: BridgeOf<N>,
  report: (problem: string) => void,
): ApiOf<N> {
  const unchecked = bridge as unknown as Record<string, (argument?: unknown) => unknown>;
  const api: Record<string, unknown> = {};
  for (const [method, channel] of requestsOf(name)) {
    const answer = answerSchema(channel);
    const call = unchecked[method]!;
    api[method] = async (input?: unknown) => {
      let raw: unknown;
      try {
        raw = await call(input);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const problem = `${channel}: no answer from the counter (${reason})`;
        report(problem);
        return err('INTERNAL', problem);
      }
      const parsed = answer.safeParse(raw);
      if (parsed.success) return parsed.data;
      const problem = `${channel}: an answer of the wrong shape: ${firstIssue(parsed.error, '(answer)')}`;
      report(problem);
      return err('INTERNAL', problem);
    };
  }
  for (const [method, event] of eventsOf(name)) {
    const schema = EVENTS[event];
    const subscribe = unchecked[method]!;
    api[method] = (listener: (data: unknown) => void) =>
      subscribe((data: unknown) => {
        const parsed = schema.safeParse(data);
        if (parsed.success) listener(parsed.data);
        else
          report(
            `${event}: an event of the wrong shape, dropped: ${firstIssue(parsed.error, '(data)')}`,
          );
      });
  }
  // The loops above give each method of the table its function; the compiler cannot follow them.
  return Object.freeze(api) as ApiOf<N>;
}
