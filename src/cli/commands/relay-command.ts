import { readFileSync } from 'node:fs';
import { callbackPath } from '../../protocol/relay-wire';
import { counterToken, newRelayKey, relayKeyProblem } from '../../relay/counter-tokens';
import { natsUsersFile } from '../../relay/nats-permissions';
import {
  commaList,
  parseCounterAddress,
  parseRelayConfig,
  RelayConfigError,
} from '../../relay/relay-config';
import { startRelay } from '../../relay/relay-server';
import { CliError } from '../cli-error';
import { untilStopped } from '../until-stopped';
import { optional, parseOptions } from '../options';

const HELP = `relay --nats URL[,URL...] --port P --counters STORE/COUNTER[,...] [--host ADDRESS] [--replicas N] [--ca FILE]
      [--max-per-counter N] [--max-stream-bytes N] [--update-streams] [--trusted-proxy-header NAME]
      [--max-connections-per-source N] [--insecure-broker]
relay --config FILE
  Runs the callback relay: Gate posts a counter's callbacks to /cb/STORE/COUNTER/TOKEN, the raw
  body goes to JetStream and is answered 200 once stored; customers' phones open hosted redirect
  pages at /r/STORE/COUNTER/TOKEN. The relay key comes from RELAY_KEY (and RELAY_KEY_PREVIOUS
  during a change of key), the broker's credentials from RELAY_NATS_USER and RELAY_NATS_PASSWORD,
  never from arguments. --ca FILE: the PEM of the CA that signed the broker's certificate.
relay new-key
  Prints a fresh relay key for RELAY_KEY.
relay token STORE/COUNTER [--url https://RELAY]
  Prints that counter's callback path (with --url, its whole callback URL, for the counter's
  Settings → Callback relay), under the RELAY_KEY of the environment.
relay nats-config --counters STORE/COUNTER[,...] [--relay-user NAME]
  Prints nats-server users, with fresh passwords, for the relay and each counter: each may use
  its own subjects only.`;

/** Reads the relay configuration from a JSON file, or from the command line. */
function configOf(options: Record<string, string | boolean | undefined>): unknown {
  const file = optional(options, 'config');
  if (file !== undefined) {
    const flags = Object.keys(FLAG_FIELDS).filter((name) => options[name] !== undefined);
    if (flags.length > 0)
      throw new CliError(`relay: --config and --${flags[0]} cannot be used together`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new CliError(`relay: cannot read ${file}: ${(error as NodeJS.ErrnoException).code}`);
    }
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new CliError(`relay: ${file} is not JSON`);
    }
  }
  const number = (name: string) => {
    const text = optional(options, name);
    if (text === undefined) return undefined;
    if (!/^\d+$/.test(text)) throw new CliError(`relay: --${name} must be a number, not "${text}"`);
    return Number(text);
  };
  const config: Record<string, unknown> = {
    nats: commaList(optional(options, 'nats') ?? ''),
    port: number('port'),
    counters: commaList(optional(options, 'counters') ?? ''),
  };
  for (const [flag, [field, kind]] of Object.entries(FLAG_FIELDS)) {
    if (flag === 'nats' || flag === 'port' || flag === 'counters') continue;
    if (options[flag] === undefined) continue;
    config[field] =
      kind === 'number'
        ? number(flag)
        : kind === 'boolean'
          ? options[flag] === true
          : optional(options, flag);
  }
  return config;
}

/** The command line's flags and the configuration fields they set. */
const FLAG_FIELDS: Record<string, [field: string, kind: 'string' | 'number' | 'boolean']> = {
  nats: ['nats', 'string'],
  port: ['port', 'number'],
  counters: ['counters', 'string'],
  host: ['host', 'string'],
  replicas: ['replicas', 'number'],
  ca: ['ca', 'string'],
  'max-per-counter': ['maxPerCounter', 'number'],
  'max-stream-bytes': ['maxStreamBytes', 'number'],
  'update-streams': ['updateStreams', 'boolean'],
  'trusted-proxy-header': ['trustedProxyHeader', 'string'],
  'max-connections-per-source': ['maxConnectionsPerSource', 'number'],
  'insecure-broker': ['insecureBroker', 'boolean'],
};

/** The relay key of the environment; a CliError says what is wrong with it. */
function relayKey(name: 'RELAY_KEY' | 'RELAY_KEY_PREVIOUS'): string | undefined {
  const key = process.env[name];
  if (name === 'RELAY_KEY_PREVIOUS' && (key === undefined || key === '')) return undefined;
  const problem = relayKeyProblem(key, name);
  if (problem) throw new CliError(`relay: ${problem}`);
  return key;
}

/** `relay token STORE/COUNTER [--url BASE]`: the counter's callback path or URL. */
function tokenCommand(argv: string[]): number {
  const [target, ...rest] = argv;
  if (target === undefined || target.startsWith('--'))
    throw new CliError('relay token: give the counter as STORE/COUNTER');
  const options = parseOptions('relay token', rest, { url: { type: 'string' } });
  let address;
  try {
    address = parseCounterAddress(target);
  } catch (error) {
    throw new CliError(`relay token: ${(error as Error).message}`);
  }
  const path = callbackPath(address, counterToken(relayKey('RELAY_KEY')!, address));
  const base = optional(options, 'url');
  if (base === undefined) {
    process.stdout.write(`${path}\n`);
    return 0;
  }
  if (!/^https?:\/\/[^\s?#]+$/.test(base) || !URL.canParse(base))
    throw new CliError(
      `relay token: --url must be the relay's address, such as https://relay.example.com`,
    );
  process.stdout.write(`${base.replace(/\/+$/, '')}${path}\n`);
  return 0;
}

/** `relay nats-config`: broker users for the relay and its counters. */
function natsConfigCommand(argv: string[]): number {
  const options = parseOptions('relay nats-config', argv, {
    counters: { type: 'string' },
    'relay-user': { type: 'string' },
  });
  const list = commaList(optional(options, 'counters') ?? '');
  if (list.length === 0)
    throw new CliError('relay nats-config: --counters STORE/COUNTER[,...] is required');
  let counters;
  try {
    counters = list.map(parseCounterAddress);
  } catch (error) {
    throw new CliError(`relay nats-config: ${(error as Error).message}`);
  }
  process.stdout.write(natsUsersFile(optional(options, 'relay-user') ?? 'relay', counters));
  return 0;
}

/** `relay`: runs the callback relay until SIGINT/SIGTERM; `relay token|new-key|nats-config`. */
export async function relayCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'token') return tokenCommand(rest);
  if (sub === 'nats-config') return natsConfigCommand(rest);
  if (sub === 'new-key') {
    parseOptions('relay new-key', rest, {});
    process.stdout.write(`${newRelayKey()}\n`);
    return 0;
  }
  const options = parseOptions('relay', argv, {
    nats: { type: 'string' },
    port: { type: 'string' },
    counters: { type: 'string' },
    host: { type: 'string' },
    replicas: { type: 'string' },
    config: { type: 'string' },
    ca: { type: 'string' },
    'max-per-counter': { type: 'string' },
    'max-stream-bytes': { type: 'string' },
    'update-streams': { type: 'boolean' },
    'trusted-proxy-header': { type: 'string' },
    'max-connections-per-source': { type: 'string' },
    'insecure-broker': { type: 'boolean' },
    quiet: { type: 'boolean' },
  });
  const key = relayKey('RELAY_KEY')!;
  const previousKey = relayKey('RELAY_KEY_PREVIOUS');
  let config;
  try {
    config = parseRelayConfig(configOf(options));
  } catch (error) {
    if (error instanceof RelayConfigError) throw new CliError(`relay: ${error.message}`);
    throw error;
  }
  const user = process.env['RELAY_NATS_USER'];
  const password = process.env['RELAY_NATS_PASSWORD'];
  const log = options['quiet']
    ? () => {}
    : (line: string) => process.stderr.write(`${new Date().toISOString()} relay: ${line}\n`);
  const relay = await startRelay({
    ...config,
    key,
    ...(previousKey ? { previousKey } : {}),
    ...(user ? { user, password: password ?? '' } : {}),
    log,
  }).catch((error: NodeJS.ErrnoException) => {
    if (error instanceof RelayConfigError) throw new CliError(`relay: ${error.message}`);
    if (error.code === 'EADDRINUSE' || error.code === 'EACCES')
      throw new CliError(`relay: cannot listen on ${config.host}:${config.port}: ${error.code}`);
    // A broker with a certificate of the merchant's own CA: Node trusts it only when told to.
    if (/CERT/.test(error.code ?? '') || /certificate/i.test(error.message))
      throw new CliError(
        `relay: the NATS server's certificate is not trusted (${error.message}); give its CA with --ca FILE (or "ca" in the config file), or use a certificate from a public CA`,
      );
    throw new CliError(`relay: ${error.message}`);
  });
  process.stdout.write(`relay listening on ${relay.url}\n`);
  await untilStopped();
  await relay.close();
  return 0;
}

relayCommand.help = HELP;
