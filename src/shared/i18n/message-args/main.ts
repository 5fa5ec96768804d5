// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from '../said';

type T = string | number | Said;

/** The messages of the main area and the values each takes (dates as ms since the epoch). */
export interface MainArgs {
  'main.error.code.AMOUNT_ABOVE_MAXIMUM': undefined;
  'main.error.code.AMOUNT_BELOW_MINIMUM': undefined;
  'main.error.code.BUSY': undefined;
  'main.error.code.FORBIDDEN_SENDER': undefined;
  'main.error.code.INVALID_AMOUNT': undefined;
  'main.error.code.INVALID_INPUT': undefined;
  'main.error.code.INVALID_STATE': undefined;
  'main.error.code.KEYCHAIN_UNAVAILABLE': undefined;
  'main.error.code.MANAGER_LOCKED': undefined;
  'main.error.code.NEEDS_MANAGER': undefined;
  'main.error.code.NOT_CONFIGURED': undefined;
  'main.error.code.NOT_FOUND': undefined;
  'main.error.code.NOT_SUPPORTED': undefined;
  'main.error.code.PIN_INCORRECT': undefined;
  'main.error.code.PIN_LOCKED': undefined;
  'main.error.code.PIN_NOT_SET': undefined;
  'main.error.code.UNKNOWN_CURRENCY': undefined;
  'main.error.internal': undefined;
  'main.staff.pinPerPerson': undefined;
  'main.staff.signInFirst': undefined;
  'main.staff.unlockFirst': { name: T };
}
