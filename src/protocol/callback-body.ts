/**
 * The cheap checks a callback body passes before anything stores, parses losslessly or verifies
 * it, at both doors (the relay, which has no secret, and the counter). They are linear in the
 * body's size and bound what a crafted body can cost: parsing and verifying is linear in its
 * number of fields, so the field count is capped, not only the bytes.
 */

/**
 * Largest callback body accepted. Gate's biggest callbacks carry a QR as a Base64 PNG
 * (`display_data` `qr_img`): a QR of a payment URL at 1,000 × 1,000 pixels in 8-bit colour is
 * under 40 KB as PNG, about 53 KB in Base64; the rest of a callback is 2–4 KB. 256 KiB leaves
 * more than four times that, and keeps a relayed message far below a broker's 1 MiB default.
 */
export const MAX_CALLBACK_BYTES = 256 * 1024;

/** Deepest nesting accepted (Gate's callbacks nest four levels: `operation.provider.…`). */
export const MAX_CALLBACK_DEPTH = 16;

/**
 * Most fields (object keys, and array items after each array's first) accepted. Gate's
 * callbacks hold fewer than 150; a body at this cap parses and verifies in a few milliseconds,
 * where 256 KiB of tiny fields would take about 80 ms of the counter's main thread.
 */
export const MAX_CALLBACK_FIELDS = 2048;

/** Why a body is not a callback worth storing or verifying. */
export type CallbackBodyProblem =
  'too_large' | 'too_deep' | 'too_many_fields' | 'not_json' | 'not_an_object' | 'no_signature';

/** A body that passed, decoded once; or why it did not. */
export type CallbackBodyCheck =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: CallbackBodyProblem; readonly message: string };

const MESSAGES: Record<CallbackBodyProblem, string> = {
  too_large: `larger than ${MAX_CALLBACK_BYTES / 1024} KiB`,
  too_deep: `nested deeper than ${MAX_CALLBACK_DEPTH} levels`,
  too_many_fields: `more than ${MAX_CALLBACK_FIELDS} fields`,
  not_json: 'not JSON',
  not_an_object: 'not a JSON object',
  no_signature: 'no signature (at the root or in general)',
};

const fail = (problem: CallbackBodyProblem): CallbackBodyCheck => ({
  ok: false,
  problem,
  message: MESSAGES[problem],
});

/**
 * Checks a callback body: at most MAX_CALLBACK_BYTES, nesting and field count within their
 * caps (counted outside strings before parsing), a JSON object, with a non-empty string
 * `signature` at the root or in `general`. The signature itself is not checked here.
 */
export function checkCallbackBody(bytes: Uint8Array): CallbackBodyCheck {
  if (bytes.byteLength > MAX_CALLBACK_BYTES) return fail('too_large');
  const text = new TextDecoder().decode(bytes);
  const structure = measure(text);
  if (structure === 'too_deep' || structure === 'too_many_fields') return fail(structure);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return fail('not_json');
  }
  if (!isObject(body)) return fail('not_an_object');
  const general = body['general'];
  const signed =
    isSignature(body['signature']) || (isObject(general) && isSignature(general['signature']));
  return signed ? { ok: true, text } : fail('no_signature');
}

/** Nesting depth and field count, stopping as soon as either passes its cap. */
function measure(text: string): 'fine' | 'too_deep' | 'too_many_fields' {
  // Whether each open level is an array (commas separate items) or an object (colons mark keys).
  const inArray: boolean[] = [];
  let fields = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (inArray.push(c === OPEN_BRACKET) > MAX_CALLBACK_DEPTH) return 'too_deep';
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) inArray.pop();
    else if (c === COLON || (c === COMMA && inArray[inArray.length - 1] === true)) {
      if (++fields > MAX_CALLBACK_FIELDS) return 'too_many_fields';
    }
  }
  return 'fine';
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COLON = 0x3a;
const COMMA = 0x2c;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSignature(value: unknown): boolean {
  return typeof value === 'string' && value !== '';
}
