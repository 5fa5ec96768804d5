import { useMemo } from 'react';
import { useIntl, type IntlShape } from 'react-intl';
import type { MessageId } from '../../../shared/i18n/message-args';
import { saidOfError, type ArgsOf, type Said } from '../../../shared/i18n/said';

/** A message main sent, worded: its nested messages first, then the message itself. */
function word(intl: IntlShape, message: Said): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(message.values ?? {}))
    values[name] = typeof value === 'object' ? word(intl, value) : value;
  return intl.formatMessage({ id: message.id }, values);
}

/**
 * The window's words: `say('common.nav.history')`, `say('common.paymentCount', { count })`, the
 * values each message takes checked by the compiler; `sayAll(said)` for messages main sent;
 * `sayError(error)` for an error main answered with.
 */
export function useSay(): {
  say: <I extends MessageId>(id: I, ...values: ArgsOf<I>) => string;
  sayAll: (message: Said) => string;
  sayError: (error: { readonly code: string; readonly said?: Said }) => string;
} {
  const intl = useIntl();
  return useMemo(
    () => ({
      say: <I extends MessageId>(id: I, ...values: ArgsOf<I>): string =>
        word(intl, { id, ...(values[0] ? { values: values[0] as Said['values'] } : {}) }),
      sayAll: (message: Said): string => word(intl, message),
      sayError: (error: { readonly code: string; readonly said?: Said }): string =>
        word(intl, saidOfError(error)),
    }),
    [intl],
  );
}
