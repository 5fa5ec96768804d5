import { parseJsonLossless, verify, type PathOrder } from './signer';
import { callbackSchema, type GateCallback } from './gate-schemas';
import { withoutNulls } from './without-nulls';

/** Why a callback body was not accepted. */
export type CallbackProblem =
  | 'malformed_json'
  | 'bad_signature'
  | 'unsupported_shape'
  /** The counter has no secret loaded (keychain locked, not entered yet): Gate must retry. */
  | 'no_secret';

/** A verified callback, or what is wrong with it. */
export type ParsedCallback =
  | { readonly ok: true; readonly callback: GateCallback; readonly order: PathOrder }
  | { readonly ok: false; readonly problem: CallbackProblem; readonly message: string };

/**
 * Turns the raw text of a callback into a verified, typed callback: parse losslessly (numbers
 * as written), check the signature, then the shape. Only a verified callback is ever read.
 */
export function parseCallback(rawText: string, secret: string | undefined): ParsedCallback {
  if (secret === undefined || secret === '')
    return {
      ok: false,
      problem: 'no_secret',
      message: 'the project secret is not loaded, so the callback cannot be verified',
    };
  let body: unknown;
  try {
    body = parseJsonLossless(rawText);
  } catch (error) {
    return {
      ok: false,
      problem: 'malformed_json',
      message: `not JSON: ${(error as Error).message}`,
    };
  }
  const check = verify(body, secret);
  if (!check.valid) return { ok: false, problem: 'bad_signature', message: check.reason };
  const parsed = callbackSchema.safeParse(withoutNulls(body));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'body';
    return {
      ok: false,
      problem: 'unsupported_shape',
      message: `${where}: ${issue?.message ?? 'unexpected shape'}`,
    };
  }
  return { ok: true, callback: parsed.data, order: check.order };
}
