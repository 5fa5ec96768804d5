import type { IntakeOutcome } from '../callbacks/callback-intake';

/** Redeliver after: no secret loaded yet, or the journal could not take it. */
const RETRY_NO_SECRET_MS = 30_000;
export const RETRY_NOT_RECORDED_MS = 5_000;
/**
 * A callback whose signature fails is delivered again after these pauses (a secret being
 * changed may be right by then), then held back in the journal: about 18 minutes in all.
 */
export const BAD_SIGNATURE_DELAYS_MS = [10_000, 30_000, 120_000, 300_000, 600_000];
/** A held-back callback with no room in the journal stays at the relay, tried again hourly. */
export const RETRY_QUARANTINE_FULL_MS = 3_600_000;

/** What becomes of a relayed message after its intake. */
export type Settlement =
  /** The journal has it (applied, or refused for good): never delivered again. */
  | { readonly kind: 'ack' }
  /** Delivered again after a pause. */
  | { readonly kind: 'again'; readonly afterMs: number }
  /** Its signature failed on every allowed delivery: held back in the journal. */
  | { readonly kind: 'hold_back' };

/**
 * What to do with a relayed message, by its intake outcome and how often it came. A failed
 * signature is never simply acknowledged, since the relay already answered Gate and nothing
 * would bring it back: it is delivered again a few times, then held back.
 */
export function settlementOf(
  outcome: IntakeOutcome,
  deliveryCount: number,
  badSignatureDelaysMs: readonly number[] = BAD_SIGNATURE_DELAYS_MS,
): Settlement {
  switch (outcome) {
    case 'accepted':
    case 'bad_request':
      return { kind: 'ack' };
    case 'invalid_signature':
      return deliveryCount <= badSignatureDelaysMs.length
        ? { kind: 'again', afterMs: badSignatureDelaysMs[deliveryCount - 1]! }
        : { kind: 'hold_back' };
    case 'retry':
      return { kind: 'again', afterMs: RETRY_NO_SECRET_MS };
    case 'not_recorded':
      return { kind: 'again', afterMs: RETRY_NOT_RECORDED_MS };
  }
}
