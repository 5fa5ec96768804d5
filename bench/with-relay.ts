import { startNatsServer, type NatsServer } from '../test/support/nats-server';
import { startRelayProcess, type RelayProcess } from '../test/support/relay-harness';

/**
 * Starts a JetStream broker and a relay process on it (`relayArgs` added to its command line),
 * runs `use`, and stops both however `use` ends, so that a failed part leaves nothing running.
 */
export async function withRelay<T>(
  relayArgs: readonly string[],
  use: (relay: RelayProcess, nats: NatsServer) => Promise<T>,
): Promise<T> {
  const nats = await startNatsServer();
  try {
    const relay = await startRelayProcess(['--nats', nats.url, '--port', '0', ...relayArgs]);
    try {
      return await use(relay, nats);
    } finally {
      await relay.stop();
    }
  } finally {
    await nats.close();
  }
}
