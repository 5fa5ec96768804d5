import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../../shared/i18n/message-args';
import type { ArgsOf } from '../../../shared/i18n/said';

/**
 * A message as elements, for the few that carry tags (`<b>`, `<kbd>`); plain words go through
 * `useSay`, which returns a string.
 */
export function Say<I extends MessageId>({ id, values }: { id: I; values?: ArgsOf<I>[0] }) {
  return <FormattedMessage id={id} values={values as Record<string, string | number>} />;
}
