import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError } from './cli-error';

/** What parseArgs takes: each option's name and type. */
export type Spec = NonNullable<ParseArgsConfig['options']>;

/** Parsed `--name value` options of one command. */
export type Options = Record<string, string | boolean | undefined>;

/** Parses a command's options strictly: an unknown option or a stray argument is an error. */
export function parseOptions(command: string, argv: string[], spec: Spec): Options {
  // "--amount -5" is a (wrong) value, not an option: keep it attached so it gets a clear error.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!.startsWith('--') ? argv[i]!.slice(2) : undefined;
    const next = argv[i + 1];
    if (name && spec[name]?.type === 'string' && next !== undefined && /^-\d/.test(next)) {
      args.push(`--${name}=${next}`);
      i++;
    } else args.push(argv[i]!);
  }
  try {
    const { values } = parseArgs({ args, options: spec, strict: true, allowPositionals: false });
    return values as Options;
  } catch (error) {
    throw new CliError(`${command}: ${(error as Error).message.split('\n')[0]}`);
  }
}

/** A required string option. */
export function required(options: Options, name: string, command: string): string {
  const value = options[name];
  if (typeof value !== 'string' || value === '')
    throw new CliError(`${command}: --${name} is required`);
  return value;
}

/** An optional string option. */
export function optional(options: Options, name: string): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

/** A number option that `fits`, else the fallback when absent; the error says what it must be. */
function numberOption(
  options: Options,
  name: string,
  command: string,
  fallback: number,
  fits: (value: number) => boolean,
  mustBe: string,
): number {
  const text = optional(options, name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!fits(value)) throw new CliError(`${command}: --${name} must be ${mustBe}, not "${text}"`);
  return value;
}

/** A positive number option (seconds, scales). */
export function positiveNumber(
  options: Options,
  name: string,
  command: string,
  fallback: number,
): number {
  const fits = (value: number) => Number.isFinite(value) && value > 0;
  return numberOption(options, name, command, fallback, fits, 'a positive number');
}

/** A port number option (0 = any free port). */
export function portOption(
  options: Options,
  name: string,
  command: string,
  fallback: number,
): number {
  const fits = (value: number) => Number.isInteger(value) && value >= 0 && value <= 65535;
  return numberOption(options, name, command, fallback, fits, 'a port number (0-65535)');
}

/** A Gate project id: a positive integer. */
export function projectId(text: string, command: string): number {
  if (!/^\d+$/.test(text) || Number(text) <= 0 || !Number.isSafeInteger(Number(text))) {
    throw new CliError(
      `${command}: --project must be a positive integer project id, not "${text}"`,
    );
  }
  return Number(text);
}
