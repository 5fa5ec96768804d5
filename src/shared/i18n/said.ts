import { z } from 'zod';
import type { MessageArgs, MessageId } from './message-args';

/**
 * Something for a person to read, as data: a message id of the catalogue and its values. Main
 * sends these instead of sentences, and each window words them in its own language; main words
 * them in English only for its log and the command line.
 */
export interface Said {
  readonly id: string;
  readonly values?: Readonly<Record<string, SaidValue>>;
}

/** A value in a message: a name or a figure, or another message worded first. */
export type SaidValue = string | number | Said;

export const saidSchema: z.ZodType<Said> = z.lazy(() =>
  z.object({
    id: z.string().min(1).max(120),
    values: z.record(z.string(), z.union([z.string(), z.number(), saidSchema])).optional(),
  }),
);

/** The values a message needs, as a rest parameter: none for a message without arguments. */
export type ArgsOf<I extends MessageId> = MessageArgs[I] extends undefined ? [] : [MessageArgs[I]];

/** A message for a person, checked against the English catalogue's arguments. */
export function said<I extends MessageId>(id: I, ...values: ArgsOf<I>): Said {
  const [given] = values;
  return given === undefined ? { id } : { id, values: given as Record<string, SaidValue> };
}

/**
 * What a window says for an error: its own message, or, for an error that came without one, the
 * plain sentence for its code (an error code is never shown alone).
 */
export function saidOfError(error: { readonly code: string; readonly said?: Said }): Said {
  if (error.said) return error.said;
  return {
    id: error.code === 'INTERNAL' ? 'main.error.internal' : `main.error.code.${error.code}`,
  };
}
