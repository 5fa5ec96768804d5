import type { Said } from '../i18n/said';

/**
 * A setting that cannot be saved as typed: the field, as a path (`storeIpAddress`,
 * `amountLimits.CNY.max`), and why, as a message. Settings marks that field with it; main
 * answers a refused change with the same pair, so its refusal lands on the field too.
 */
export interface FieldProblem {
  readonly field: string;
  readonly said: Said;
}

/** The first problem of each field, in the order found (one message per field is enough). */
export function firstPerField(problems: readonly FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    if (seen.has(problem.field)) return false;
    seen.add(problem.field);
    return true;
  });
}
