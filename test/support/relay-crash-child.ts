/**
 * A relay that dies (SIGKILL, no answer sent) right after JetStream acknowledged a callback:
 * the worst moment, for the fault tests. Prints `relay listening on URL`.
 *
 * env: NATS_URL, PORT (0: any free port)
 */
import { startRelay } from '../../src/relay/relay-server';
import { TEST_RELAY_KEY } from './relay-harness';

const relay = await startRelay({
  nats: [process.env['NATS_URL']!],
  port: Number(process.env['PORT']),
  key: TEST_RELAY_KEY,
  counters: [{ store: 'S1', counter: 'C1' }],
  onStored: () => {
    process.stdout.write('STORED\n');
    process.kill(process.pid, 'SIGKILL');
  },
});
process.stdout.write(`relay listening on ${relay.url}\n`);
