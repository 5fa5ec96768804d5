// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the main area that take no values. */
export type MainPlain =
  | `main.error.code.${'AMOUNT_ABOVE_MAXIMUM' | 'AMOUNT_BELOW_MINIMUM' | 'BUSY'}`
  | `main.error.code.${'FORBIDDEN_SENDER' | 'INVALID_AMOUNT' | 'INVALID_INPUT'}`
  | `main.error.code.${'INVALID_STATE' | 'KEYCHAIN_UNAVAILABLE' | 'MANAGER_LOCKED'}`
  | `main.error.code.${'NEEDS_MANAGER' | 'NOT_CONFIGURED' | 'NOT_FOUND' | 'NOT_SUPPORTED'}`
  | `main.error.code.${'PIN_INCORRECT' | 'PIN_LOCKED' | 'PIN_NOT_SET' | 'UNKNOWN_CURRENCY'}`
  | 'main.error.internal'
  | `main.staff.${'pinPerPerson' | 'signInFirst'}`;

/**
 * The messages of the main area and the values each takes (dates as ms since the epoch),
 * the messages that take the same values in one group.
 */
export interface MainArgs
  extends Record<MainPlain, undefined>, Record<'main.staff.unlockFirst', { name: T }> {}
