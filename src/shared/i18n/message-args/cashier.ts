// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the cashier area that take no values. */
export type CashierPlain =
  | `cashier.amount.${'empty' | 'zero'}`
  | `cashier.banner.${'gateRefusesKey' | 'gateUnverified' | 'keychain' | 'relayNeedsUrl'}`
  | 'cashier.banner.relayUnreachable'
  | 'cashier.details'
  | `cashier.error.${'busy' | 'noProject' | 'notForLink' | 'notOnCounter' | 'nothingToCancel'}`
  | `cashier.key.${'enter' | 'escape' | 'tryAgain'}`
  | `cashier.keypad.${'backspace' | 'clear' | 'label'}`
  | `cashier.late.${'keep' | 'refund' | 'refundNeedsPin' | 'refundReason' | 'say' | 'title'}`
  | `cashier.notReady.${'openSettings' | 'title'}`
  | `cashier.outcome.cancelled.${'say' | 'title'}`
  | `cashier.outcome.declined.${'say' | 'title'}`
  | `cashier.outcome.expired.${'say' | 'title'}`
  | `cashier.outcome.${'newSale' | 'refund' | 'tryAgain'}`
  | 'cashier.outcome.paid.title'
  | `cashier.outcome.rejected.${'network' | 'say' | 'title'}`
  | `cashier.outcome.unknown.${'say' | 'title'}`
  | 'cashier.qr.alt'
  | `cashier.qr.unscannable.${'badAddress' | 'badImage' | 'clarification' | 'imageNotLoaded'}`
  | `cashier.qr.unscannable.${'other' | 'tooLong' | 'webForm'}`
  | `cashier.relay.${'connected' | 'label'}`
  | `cashier.retryLink.${'action' | 'hint' | 'title'}`
  | `cashier.sale.${'amount' | 'charge' | 'currency' | 'title'}`
  | `cashier.waiting.${'cancel' | 'forCustomer' | 'forLink' | 'forQr' | 'sending'}`;

/**
 * The messages of the cashier area and the values each takes (dates as ms since the epoch),
 * the messages that take the same values in one group.
 */
export interface CashierArgs
  extends
    Record<CashierPlain, undefined>,
    Record<'cashier.amount.aboveMaximum', { amount: T; maximum: T }>,
    Record<'cashier.amount.ambiguous', { example: T; group: T; mark: T; text: T; whole: T }>,
    Record<'cashier.amount.belowMinimum', { amount: T; minimum: T }>,
    Record<
      `cashier.amount.${'negative' | 'sign' | 'tooLarge'}` | 'cashier.outcome.gateAnswer',
      { text: T }
    >,
    Record<'cashier.amount.noCurrency', { list: T }>,
    Record<'cashier.amount.noDecimals', { currency: T; text: T }>,
    Record<'cashier.amount.notAnAmount', { example: T; text: T }>,
    Record<'cashier.amount.tooManyDecimals', { count: T; currency: T; places: number; text: T }>,
    Record<'cashier.amount.unknownCurrency', { list: T; text: T }>,
    Record<
      | `cashier.announce.${'cancelled' | 'declined' | 'expired' | 'paid' | 'rejected' | 'unknown'}`
      | 'cashier.announce.waiting'
      | 'cashier.sale.chargeAmount',
      { amount: T }
    >,
    Record<'cashier.banner.heldBack', { count: number }>,
    Record<
      'cashier.banner.since' | `cashier.relay.${'connecting' | 'reconnecting'}`,
      { since: number }
    >,
    Record<'cashier.error.noPayment' | 'cashier.paymentId', { id: T }>,
    Record<`cashier.money.${'decimals' | 'whole'}`, { amount: number; currency: T }>,
    Record<'cashier.qr.unscannable.notAccepted', { kind: T }>,
    Record<'cashier.waiting.validFor', { time: T }> {}
