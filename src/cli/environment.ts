import { CliError } from './cli-error';

/**
 * The project secret, from the environment only: a command-line argument would show in the
 * process list and in shell history.
 */
export function secretFromEnvironment(command: string, why: string): string {
  const secret = process.env['GATE_SECRET'];
  if (!secret)
    throw new CliError(
      `${command}: GATE_SECRET is not set (${why}); export it, never pass it as an argument`,
    );
  return secret;
}

/** The Gate base URL: `--gate`, else GATE_URL, else undefined. */
export function gateFromEnvironment(flag: string | undefined): string | undefined {
  const value = flag ?? process.env['GATE_URL'];
  if (value === undefined || value === '') return undefined;
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)');
  } catch {
    throw new CliError(`--gate must be an http(s) URL, not "${value}"`);
  }
  return value;
}
