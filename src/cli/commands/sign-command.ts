import { createInterface } from 'node:readline';
import { parseJsonLossless, sign, splitSignature } from '../../protocol/signer';
import { CliError, EXIT } from '../cli-error';
import { secretFromEnvironment } from '../environment';
import { defineCommand, optionSpec, type CommandOptions } from '../command-frame';
import { readStdin } from '../stdin';

const HELP = `sign [--lines]
  Reads one JSON object from stdin and prints its signature (a signature already in it, at the
  root or in general, is left out). With --lines: one JSON object per line, one signature per line.`;

function signText(text: string, secret: string, where: string): string {
  let value: unknown;
  try {
    value = parseJsonLossless(text);
  } catch (error) {
    throw new CliError(`sign: ${where} is not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CliError(`sign: ${where} is not a JSON object; Gate signs objects`);
  }
  return sign(splitSignature(value as Record<string, unknown>).unsigned, secret);
}

/** `sign`: prints the signature of JSON read from stdin. */
async function signInput(options: CommandOptions): Promise<number> {
  const secret = secretFromEnvironment('sign', 'it is the signing key');
  if (!options.switch('lines')) {
    process.stdout.write(`${signText(await readStdin(), secret, 'the input')}\n`);
    return EXIT.ok;
  }
  let lineNumber = 0;
  const out: string[] = [];
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    out.push(signText(line, secret, `line ${lineNumber}`));
    if (out.length >= 512) process.stdout.write(out.splice(0).join('\n') + '\n');
  }
  if (out.length > 0) process.stdout.write(out.join('\n') + '\n');
  return EXIT.ok;
}

/** `sign`, parsed and run by the command frame. */
export const signCommand = defineCommand('sign', HELP, optionSpec([], ['lines']), signInput);
