// Written by `npm run i18n` from src/shared/i18n/catalogue: do not edit.
import type { Said } from './said';

/** Every message id and the values it takes (dates as ms since the epoch). */
export interface MessageArgs {
  'common.action.back': undefined;
  'common.action.cancel': undefined;
  'common.action.close': undefined;
  'common.action.save': undefined;
  'common.demoBadge': undefined;
  'common.language.system': { language: string | number | Said };
  'common.loading': undefined;
  'common.nav.counter': undefined;
  'common.nav.history': undefined;
  'common.nav.label': undefined;
  'common.nav.reports': undefined;
  'common.nav.settings': undefined;
  'common.paymentCount': { count: number };
  'common.productName': undefined;
  'common.terminalFallback': undefined;
  'common.terminalLine': { merchant: string | number | Said; terminal: string | number | Said };
  'main.error.code.AMOUNT_ABOVE_MAXIMUM': undefined;
  'main.error.code.AMOUNT_BELOW_MINIMUM': undefined;
  'main.error.code.BUSY': undefined;
  'main.error.code.FORBIDDEN_SENDER': undefined;
  'main.error.code.INVALID_AMOUNT': undefined;
  'main.error.code.INVALID_INPUT': undefined;
  'main.error.code.INVALID_STATE': undefined;
  'main.error.code.KEYCHAIN_UNAVAILABLE': undefined;
  'main.error.code.MANAGER_LOCKED': undefined;
  'main.error.code.NOT_CONFIGURED': undefined;
  'main.error.code.NOT_FOUND': undefined;
  'main.error.code.NOT_SUPPORTED': undefined;
  'main.error.code.PIN_INCORRECT': undefined;
  'main.error.code.PIN_LOCKED': undefined;
  'main.error.code.PIN_NOT_SET': undefined;
  'main.error.code.UNKNOWN_CURRENCY': undefined;
  'main.error.internal': undefined;
  'manager.duration.hours': { count: number };
  'manager.duration.minutes': { count: number };
  'manager.history.badCursor': undefined;
  'manager.pdf.browser': undefined;
  'manager.pin.keychain': undefined;
  'manager.pin.locked': { left: string | number | Said; until: number };
  'manager.pin.lockedLong': { left: string | number | Said; until: number };
  'manager.pin.newDigits': { max: string | number | Said; min: string | number | Said };
  'manager.pin.notSet': undefined;
  'manager.pin.resetNeeded': undefined;
  'manager.pin.secretNotLoaded': undefined;
  'manager.pin.secretWrong': undefined;
  'manager.pin.wrong': { left: number; lock: string | number | Said };
  'manager.refund.noPayment': { paymentId: string | number | Said };
  'manager.refund.notPaid': undefined;
  'manager.refund.tooMuch': { asked: string | number | Said; remaining: string | number | Said };
  'manager.report.noZ': { number: string | number | Said };
  'manager.session.locked': undefined;
}

export type MessageId = keyof MessageArgs;
