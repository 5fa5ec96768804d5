import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Counter, CounterConfig } from '../../src/main/app/create-counter';
import { sign } from '../../src/protocol/signer';
import { callbackPath, type CounterAddress } from '../../src/protocol/relay-wire';
import { counterToken } from '../../src/relay/counter-tokens';
import { startRelay, type Relay } from '../../src/relay/relay-server';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../src/sandbox';
import { startDemoCounter, TEST_PROJECT, TEST_SECRET } from './counter-harness';
import { startNatsServer, type NatsServer, type NatsUser } from './nats-server';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The store and counter most relay tests use. */
export const STORE_COUNTER: CounterAddress = { store: 'S1', counter: 'C1' };

/** The relay key of the tests' relays (RELAY_KEY). */
export const TEST_RELAY_KEY = 'test-relay-key-0123456789abcdefghijklmnop';

/** A counter's callback path at a test relay, with its token. */
export function testCallbackPath(address: CounterAddress = STORE_COUNTER): string {
  return callbackPath(address, counterToken(TEST_RELAY_KEY, address));
}

/** Relay tuning for tests: redelivery after 1 s, a broker retry every 200 ms. */
export const FAST_RELAY = { ackWaitMs: 1000, retryMs: 200 };

/** A broker, a relay (in this process) and a Gate sandbox on loopback. */
export interface RelayRig {
  readonly nats: NatsServer;
  readonly relay: Relay;
  readonly sandbox: Sandbox;
  close(): Promise<void>;
}

/** Starts a broker, a relay serving `counters`, and a sandbox with the test project. */
export async function startRelayRig(
  options: {
    counters?: readonly CounterAddress[];
    users?: readonly NatsUser[];
    relayUser?: { user: string; password: string };
    sandbox?: Partial<Omit<SandboxOptions, 'projects'>> & {
      qrMode?: NonNullable<SandboxOptions['projects'][number]['qrMode']>;
    };
  } = {},
): Promise<RelayRig> {
  const nats = await startNatsServer({ users: options.users ?? [] });
  const relay = await startRelay({
    nats: [nats.url],
    port: 0,
    key: TEST_RELAY_KEY,
    counters: [...(options.counters ?? [STORE_COUNTER])],
    ...(options.relayUser
      ? { user: options.relayUser.user, password: options.relayUser.password }
      : {}),
  });
  const { qrMode, ...sandboxOptions } = options.sandbox ?? {};
  const sandbox = await createSandbox({
    ...sandboxOptions,
    projects: [{ id: TEST_PROJECT, secret: TEST_SECRET, ...(qrMode ? { qrMode } : {}) }],
  });
  return {
    nats,
    relay,
    sandbox,
    async close() {
      await sandbox.close();
      await relay.close();
      await nats.close();
    },
  };
}

/** The settings that point a counter at the relay. */
export function relaySettings(
  natsUrl: string,
  relayUrl: string,
  address: CounterAddress = STORE_COUNTER,
) {
  return {
    relayNatsUrls: [natsUrl],
    relayCallbackUrl: relayUrl + testCallbackPath(address),
  };
}

/** A demo counter on the rig's sandbox whose callbacks come through the relay. */
export function startRelayCounter(
  rig: { nats: { url: string }; relay: { url: string }; sandbox: { url: string } },
  config: Partial<CounterConfig> & { address?: CounterAddress } = {},
): Promise<Counter> {
  const { address, settingsOverrides, ...rest } = config;
  return startDemoCounter({
    sandboxUrl: rig.sandbox.url,
    relay: FAST_RELAY,
    ...rest,
    settingsOverrides: {
      ...relaySettings(rig.nats.url, rig.relay.url, address),
      ...settingsOverrides,
    },
  });
}

/** Waits (bounded) until `check` holds. */
export async function until(
  what: string,
  check: () => boolean | Promise<boolean>,
  timeoutMs = 10_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The relay's state as the counter's header shows it. */
export async function relayState(counter: Counter): Promise<string | undefined> {
  const session = await counter.handlers['session:get']({});
  return session.ok ? session.value.relay?.state : undefined;
}

/** Posts a body to the relay as Gate would; returns the HTTP status. */
export async function postToRelay(
  relayUrl: string,
  body: string | Uint8Array,
  address: CounterAddress = STORE_COUNTER,
  contentType = 'application/json',
): Promise<number> {
  const res = await fetch(relayUrl + testCallbackPath(address), {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** A callback body signed with the test secret, as text. */
export function signedBody(callback: Record<string, unknown>, secret = TEST_SECRET): string {
  return JSON.stringify({ ...callback, signature: sign(callback, secret) });
}

/** A relay as its own process through the CLI (`alipay-counter relay`), as merchants run it. */
export interface RelayProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Kills it (SIGKILL: a crash) and waits for the exit. */
  kill(): Promise<void>;
  /** Stops it (SIGTERM) and waits for the exit. */
  stop(): Promise<void>;
}

/** Starts `alipay-counter relay` with `args`; resolves once it prints where it listens. */
export async function startRelayProcess(
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<RelayProcess> {
  const child = spawn(process.execPath, ['bin/alipay-counter.mjs', 'relay', '--quiet', ...args], {
    cwd: ROOT,
    env: { ...process.env, RELAY_KEY: TEST_RELAY_KEY, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`relay did not start: ${err}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /relay listening on (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`relay exited with ${code}: ${err}`));
    });
  });
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(signal);
    await exited;
  };
  return { url, child, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}
