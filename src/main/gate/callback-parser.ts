import { parseJsonLossless, verifySteps, type PathOrder } from '../../protocol/signer';
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
  const steps = parseSteps(rawText, secret);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * The same, giving the event loop a turn between parsing and each signature order, so that a
 * large body costs the main thread a few milliseconds at a time (the relay's consumer).
 */
export async function parseCallbackYielding(
  rawText: string,
  secret: string | undefined,
): Promise<ParsedCallback> {
  const steps = parseSteps(rawText, secret);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

function* parseSteps(rawText: string, secret: string | undefined): Generator<void, ParsedCallback> {
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
  yield;
  const check = yield* verifySteps(body, secret);
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
