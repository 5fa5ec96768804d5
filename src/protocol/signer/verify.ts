import { timingSafeEqual } from 'node:crypto';
import { hmacBase64, stringToSign } from './sign';
import { PATH_ORDERS, type PathOrder } from './path-order';

/** Why a signed message was refused. */
export type SignatureProblem = 'missing' | 'empty' | 'mismatch' | 'not-an-object' | 'no-secret';

/** The outcome of checking a signature. */
export type VerifyResult =
  | { readonly valid: true; readonly order: PathOrder }
  | { readonly valid: false; readonly problem: SignatureProblem; readonly reason: string };

/** A signed message split into its signature and the data that was signed. */
export interface SignedParts {
  readonly signature: unknown;
  readonly unsigned: Record<string, unknown>;
}

/**
 * Separates the signature from a message: the root `signature` (callbacks, status responses),
 * else `general.signature` (requests, token callbacks). Both are removed from the signed data;
 * the rest of `general` stays signed.
 */
export function splitSignature(message: Record<string, unknown>): SignedParts {
  const { signature: root, ...rest } = message;
  let signature = root;
  const general = rest['general'];
  if (
    typeof general === 'object' &&
    general !== null &&
    !Array.isArray(general) &&
    'signature' in general
  ) {
    const { signature: inGeneral, ...generalRest } = general as Record<string, unknown>;
    if (signature === undefined) signature = inGeneral;
    rest['general'] = generalRest;
  }
  return { signature, unsigned: rest };
}

/**
 * Checks the signature of a callback, a signed response or a request. Accepts byte, natural
 * and per-level order, since ecommpay's own SDKs disagree on the order; every comparison is
 * constant-time.
 */
export function verify(message: unknown, secret: string): VerifyResult {
  const steps = verifySteps(message, secret);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * The same check, giving the event loop a turn between the orders it tries: a large body that
 * fails costs the caller's thread one order's work at a time, not all three at once.
 */
export async function verifyYielding(message: unknown, secret: string): Promise<VerifyResult> {
  const steps = verifySteps(message, secret);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** The check, step by step: it yields before each order after the first. */
export function* verifySteps(message: unknown, secret: string): Generator<void, VerifyResult> {
  // Anyone can sign with an empty key: without a secret nothing is verified.
  if (secret === '') return invalid('no-secret', 'no secret to verify the signature with');
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return invalid('not-an-object', 'the message is not a JSON object');
  }
  const { signature, unsigned } = splitSignature(message as Record<string, unknown>);
  if (signature === undefined || signature === null)
    return invalid('missing', 'no signature in the message');
  if (typeof signature !== 'string') return invalid('mismatch', 'the signature is not a string');
  if (signature === '') return invalid('empty', 'the signature is empty');

  const tried = new Set<string>();
  for (const order of PATH_ORDERS) {
    if (tried.size > 0) yield;
    const text = stringToSign(unsigned, order);
    if (tried.has(text)) continue;
    tried.add(text);
    if (equalInConstantTime(hmacBase64(text, secret), signature)) return { valid: true, order };
  }
  return invalid('mismatch', 'the signature does not match the message');
}

function invalid(problem: SignatureProblem, reason: string): VerifyResult {
  return { valid: false, problem, reason };
}

/** Compares two strings without leaking where they differ. */
export function equalInConstantTime(expected: string, actual: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(actual, 'utf8');
  if (a.length !== b.length) {
    timingSafeEqual(a, a);
    return false;
  }
  return timingSafeEqual(a, b);
}
