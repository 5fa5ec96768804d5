import type { AppError } from '../../shared/result';
import type { Said } from '../../shared/i18n/said';
import { english } from './wording';

/**
 * A failed Result for a person to read: the windows word `said` in their language; the log and
 * the command line read `message`, the same in English.
 */
export function fail<C extends string>(
  code: C,
  message: Said,
): { readonly ok: false; readonly error: AppError<C> } {
  return { ok: false, error: { code, message: english(message), said: message } };
}
