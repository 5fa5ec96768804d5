import type { Said } from './i18n/said';

/**
 * Errors cross module and process boundaries as data: a closed union of codes
 * and a message a cashier or an engineer can act on. Throw only for bugs.
 */
export const ERROR_CODES = [
  /** An argument failed its schema; the message names the field. */
  'INVALID_INPUT',
  'INVALID_AMOUNT',
  'UNKNOWN_CURRENCY',
  'AMOUNT_BELOW_MINIMUM',
  'AMOUNT_ABOVE_MAXIMUM',
  /** No such payment (or channel). */
  'NOT_FOUND',
  /** A sale is already on the screen: finish or cancel it first. */
  'BUSY',
  /** The action does not apply to the payment in its current state. */
  'INVALID_STATE',
  /** Live payments need settings that are missing (project, Gate URL, callback, secret). */
  'NOT_CONFIGURED',
  /** The OS keychain cannot be used: live payments are refused (fail closed). */
  'KEYCHAIN_UNAVAILABLE',
  /** The manager PIN is wrong (the message says how many tries are left). */
  'PIN_INCORRECT',
  /** Too many wrong PINs: manager actions are locked for a while. */
  'PIN_LOCKED',
  /** No manager PIN is set yet: set one in Settings first. */
  'PIN_NOT_SET',
  /** The manager session is locked and no PIN came with the action: ask for the PIN. */
  'MANAGER_LOCKED',
  /** A manager must do it, or authorise it with their own PIN. */
  'NEEDS_MANAGER',
  /** This shell cannot do it (for example PDF files in the browser shell). */
  'NOT_SUPPORTED',
  /** The message did not come from one of the app's own windows. */
  'FORBIDDEN_SENDER',
  /** A bug: logged in main, shown as a generic failure. */
  'INTERNAL',
] as const;

/** One of the error codes that may cross a boundary. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * An error as data: `message` in English (the log, the command line, tests), and `said`, the
 * same as a catalogue message that each window words in its own language.
 */
export interface AppError<C extends string = ErrorCode> {
  readonly code: C;
  readonly message: string;
  readonly said?: Said;
  /** The field of a form the error is about (`storeIpAddress`, `amountLimits.CNY.max`), if one. */
  readonly field?: string;
}

/** Success with a value, or an error as data. */
export type Result<T, C extends string = ErrorCode> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError<C> };

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps a code and message (and the message for the windows, when known) as a failed Result. */
export function err<C extends string>(
  code: C,
  message: string,
  said?: Said,
): { readonly ok: false; readonly error: AppError<C> } {
  return { ok: false, error: said ? { code, message, said } : { code, message } };
}

/** Marks a switch as exhaustive: the compiler fails when a case is missing. */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(value)}`);
}
