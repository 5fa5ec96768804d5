import { parseJsonLossless, verify } from '../../protocol/signer';
import { EXIT } from '../cli-error';
import { secretFromEnvironment } from '../environment';
import { defineCommand, optionSpec } from '../command-frame';
import { readStdin } from '../stdin';

const HELP = `verify
  Reads a signed JSON object (a callback) from stdin; prints "valid" and exits 0, or prints
  "invalid: <reason>" and exits 1.`;

/** `verify`: checks the signature of a callback read from stdin. */
async function verifyInput(): Promise<number> {
  const secret = secretFromEnvironment('verify', 'signatures are checked with it');
  const text = await readStdin();
  let value: unknown;
  try {
    value = parseJsonLossless(text);
  } catch (error) {
    process.stdout.write(`invalid: not JSON (${(error as Error).message})\n`);
    return EXIT.failure;
  }
  const result = verify(value, secret);
  if (result.valid) {
    process.stdout.write('valid\n');
    return EXIT.ok;
  }
  process.stdout.write(`invalid: ${result.reason}\n`);
  return EXIT.failure;
}

/** `verify`, parsed and run by the command frame. */
export const verifyCommand = defineCommand('verify', HELP, optionSpec([]), verifyInput);
