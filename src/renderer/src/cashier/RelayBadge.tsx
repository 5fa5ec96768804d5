import { useSay } from '../i18n/use-say';

/** The callback relay's state in the cashier's header: connected, or since when it is not. */
export function RelayBadge({
  state,
  since,
}: {
  state: 'connecting' | 'connected' | 'reconnecting';
  since: number;
}) {
  const { say } = useSay();
  const text =
    state === 'connected'
      ? say('cashier.relay.connected')
      : state === 'reconnecting'
        ? say('cashier.relay.reconnecting', { since })
        : say('cashier.relay.connecting', { since });
  return (
    <span
      className={`relay-badge relay-${state}`}
      role="status"
      aria-label={say('cashier.relay.label')}
    >
      {text}
    </span>
  );
}
