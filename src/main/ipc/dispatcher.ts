import {
  CHANNELS,
  invalidInput,
  type Channel,
  type ChannelHandlers,
  type HandlerContext,
} from '../../shared/ipc/contract';
import { err, type ErrorCode, type Result } from '../../shared/result';
import { said } from '../../shared/i18n/said';
import { fail } from '../i18n/fail';
import { createLogger } from '../logging/logger';

const log = createLogger('ipc');

/** Routes one request to its handler: the channel checked, the argument parsed, errors as data. */
export type Dispatch = (
  channel: unknown,
  payload: unknown,
  context?: HandlerContext,
) => Promise<Result<unknown, ErrorCode>>;

function isChannel(channel: unknown): channel is Channel {
  return typeof channel === 'string' && Object.hasOwn(CHANNELS, channel);
}

/**
 * Builds the one dispatcher both transports use (Electron IPC and the browser shell's
 * WebSocket). Every argument arrives as `unknown` and is parsed with its zod schema, at
 * the edge; a bad one gets INVALID_INPUT naming the field. A handler that throws is a bug: it is
 * logged and answered with INTERNAL, never with the exception's text.
 */
export function createDispatcher(handlers: ChannelHandlers): Dispatch {
  return async (channel, payload, context = {}) => {
    if (!isChannel(channel)) return err('NOT_FOUND', `unknown channel ${JSON.stringify(channel)}`);
    const parsed = CHANNELS[channel].request.safeParse(payload ?? {});
    if (!parsed.success) return { ok: false, error: invalidInput(channel, parsed.error) };
    try {
      const handler = handlers[channel] as (
        input: unknown,
        context: HandlerContext,
      ) => Promise<Result<unknown, ErrorCode>>;
      return await handler(parsed.data, context);
    } catch (error) {
      log.error('handler failed', { channel, error: (error as Error).stack ?? String(error) });
      return fail('INTERNAL', said('main.error.internal'));
    }
  };
}
