import { timeOfDay } from '../../../shared/time-of-day';

/** The callback relay's state in the cashier's header: connected, or since when it is not. */
export function RelayBadge({
  state,
  since,
}: {
  state: 'connecting' | 'connected' | 'reconnecting';
  since: number;
}) {
  const time = timeOfDay(since);
  const text =
    state === 'connected'
      ? 'Relay connected'
      : state === 'reconnecting'
        ? `Relay reconnecting since ${time}`
        : `Relay connecting since ${time}`;
  return (
    <span className={`relay-badge relay-${state}`} role="status" aria-label="Callback relay">
      {text}
    </span>
  );
}
