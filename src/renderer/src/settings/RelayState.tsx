import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';

/** The callback relay's link now: off, connecting, connected or reconnecting, and since when. */
export function RelayState() {
  const { say } = useSay();
  const relay = useCounter((s) => s.session?.relay ?? null);
  const words =
    relay === null
      ? say('settings.relay.state.off')
      : relay.state === 'connected'
        ? say('settings.relay.state.connected', { since: relay.since })
        : relay.state === 'reconnecting'
          ? say('settings.relay.state.reconnecting', { since: relay.since })
          : say('settings.relay.state.connecting', { since: relay.since });
  return (
    <p className={`relay-state relay-${relay?.state ?? 'off'}`} role="status">
      {words}
    </p>
  );
}
