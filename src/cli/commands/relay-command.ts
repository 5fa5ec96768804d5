import { readFileSync } from 'node:fs';
import { commaList, parseRelayConfig, RelayConfigError } from '../../relay/relay-config';
import { startRelay } from '../../relay/relay-server';
import { CliError } from '../cli-error';
import { untilStopped } from '../until-stopped';
import { optional, parseOptions } from '../options';

const HELP = `relay --nats URL[,URL...] --port P --counters STORE/COUNTER[,...] [--host ADDRESS] [--replicas N] [--ca FILE]
relay --config FILE
  Runs the callback relay: Gate posts to /cb/STORE/COUNTER, the raw body goes to JetStream and
  is answered 200 once stored; customers' phones open hosted redirect pages at /r/TOKEN.
  The broker's credentials come from RELAY_NATS_USER and RELAY_NATS_PASSWORD, never arguments.
  --ca FILE: the PEM of the CA that signed the broker's certificate, when it is your own CA.`;

/** Reads the relay configuration from a JSON file, or from the command line. */
function configOf(options: Record<string, string | boolean | undefined>): unknown {
  const file = optional(options, 'config');
  if (file !== undefined) {
    const flags = ['nats', 'port', 'counters', 'host', 'replicas', 'ca'].filter(
      (name) => options[name] !== undefined,
    );
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
  const host = optional(options, 'host');
  const replicas = number('replicas');
  const ca = optional(options, 'ca');
  return {
    nats: commaList(optional(options, 'nats') ?? ''),
    port: number('port'),
    counters: commaList(optional(options, 'counters') ?? ''),
    ...(host !== undefined ? { host } : {}),
    ...(replicas !== undefined ? { replicas } : {}),
    ...(ca !== undefined ? { ca } : {}),
  };
}

/** `relay`: runs the callback relay until SIGINT/SIGTERM. */
export async function relayCommand(argv: string[]): Promise<number> {
  const options = parseOptions('relay', argv, {
    nats: { type: 'string' },
    port: { type: 'string' },
    counters: { type: 'string' },
    host: { type: 'string' },
    replicas: { type: 'string' },
    config: { type: 'string' },
    ca: { type: 'string' },
    quiet: { type: 'boolean' },
  });
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
