import { checkCallbackBody } from '../../protocol/callback-body';
import { parseCallbackYielding, type ParsedCallback } from '../gate/callback-parser';
import type { ReceivedCallback } from './callback-listener';

/**
 * What became of one callback body, whatever carried it (the HTTP listener, the relay):
 * - `accepted`: verified and recorded (applied, or a valid shape we do not handle);
 * - `retry`: recorded, but no secret is loaded to verify it: deliver it again later;
 * - `invalid_signature` / `bad_request`: recorded, never applied;
 * - `not_recorded`: the journal could not take it: deliver it again.
 */
export type IntakeOutcome =
  'accepted' | 'retry' | 'invalid_signature' | 'bad_request' | 'not_recorded';

/**
 * The one callback path, whatever carried the body: the cheap checks first (size, nesting,
 * field count, a signed JSON object); then parse and verify with the project secret, giving the
 * event loop a turn between the steps, so that a crafted body costs the main thread a few
 * milliseconds at a time; hand it over to be recorded (and applied when verified), and say
 * what became of it.
 */
export async function intakeCallback(
  body: Uint8Array,
  remoteAddress: string,
  secret: string | undefined,
  onCallback: (callback: ReceivedCallback) => void | Promise<void>,
): Promise<IntakeOutcome> {
  const check = checkCallbackBody(body);
  await new Promise<void>((resolve) => setImmediate(resolve));
  const rawText = check.ok ? check.text : new TextDecoder().decode(body);
  const parsed: ParsedCallback = check.ok
    ? await parseCallbackYielding(check.text, secret)
    : {
        ok: false,
        // A body with no signature at all is refused as the signature check would refuse it.
        problem: check.problem === 'no_signature' ? 'bad_signature' : 'malformed_json',
        message: check.message,
      };
  try {
    await onCallback({ rawText, receivedAt: new Date(), remoteAddress, parsed });
  } catch {
    return 'not_recorded';
  }
  if (parsed.ok || parsed.problem === 'unsupported_shape') return 'accepted';
  if (parsed.problem === 'no_secret') return 'retry';
  return parsed.problem === 'bad_signature' ? 'invalid_signature' : 'bad_request';
}
