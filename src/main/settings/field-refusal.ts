import type { AppError, ErrorCode } from '../../shared/result';
import type { FieldProblem } from '../../shared/settings/field-problem';
import { english } from '../i18n/wording';

/**
 * A change to the settings refused on one field: INVALID_INPUT with the field's path and its
 * message, so that the Settings screen marks that field; the log and the command line read
 * `settings:update: <field>: <the message in English>`.
 */
export function fieldRefusal(
  problem: FieldProblem,
  code: ErrorCode = 'INVALID_INPUT',
): { readonly ok: false; readonly error: AppError } {
  return {
    ok: false,
    error: {
      code,
      message: `settings:update: ${problem.field}: ${english(problem.said)}`,
      said: problem.said,
      field: problem.field,
    },
  };
}
