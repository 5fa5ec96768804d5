import type { MessageArgs, MessageId } from '../../../shared/i18n/message-args';

/** A message that takes no values: one a table of screens can name without its values. */
export type PlainId = {
  [I in MessageId]: MessageArgs[I] extends undefined ? I : never;
}[MessageId];
