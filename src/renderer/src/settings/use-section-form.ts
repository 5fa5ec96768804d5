import { useEffect, useRef, useState } from 'react';
import type { RequestOf, SettingsUpdate } from '../../../shared/ipc/contract';
import type { Said } from '../../../shared/i18n/said';
import { saidOfError } from '../../../shared/i18n/said';
import { firstPerField, type FieldProblem } from '../../../shared/settings/field-problem';
import { updateProblems } from '../../../shared/settings/update-problems';
import { useSay } from '../i18n/use-say';
import { useCounter } from '../store';
import type { SectionProps } from './section-props';
import { useSectionSaver } from './section-saver';
import { SECTION_NAMES, type SectionKey } from './settings-sections';

/** What the line above a section's Save says. */
export type SectionNotice =
  | { readonly kind: 'saved' }
  | { readonly kind: 'check'; readonly count: number }
  | { readonly kind: 'error'; readonly said: Said };

/** True when main's `field` is one this section shows (`amountLimits` covers `amountLimits.CNY.max`). */
function owns(fields: readonly string[], field: string): boolean {
  return fields.some((own) => field === own || field.startsWith(`${own}.`));
}

/**
 * A settings section's form: the values as typed, each field's error, and Save. Save checks
 * the section's change where it is typed (the same rules main applies) and marks every bad
 * field, focusing the first, before any PIN is asked; main's own refusal after the PIN lands on
 * the field it names.
 */
export function useSectionForm<V>(
  section: SectionKey,
  fields: readonly string[],
  step: SectionProps,
  initial: () => V,
) {
  const { say, sayAll } = useSay();
  const saver = useSectionSaver();
  const settings = useCounter((s) => s.settings);
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<Readonly<Record<string, Said>>>({});
  const [notice, setNotice] = useState<SectionNotice | null>(null);
  const [focusTurn, setFocusTurn] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);

  // After errors are shown, the first bad field gets the focus (its Advanced opened first).
  useEffect(() => {
    if (focusTurn === 0) return;
    const bad = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    const advanced = bad?.closest('details');
    if (advanced) advanced.open = true;
    bad?.focus();
  }, [focusTurn]);

  const showProblems = (problems: readonly FieldProblem[]) => {
    const own = problems.filter((problem) => owns(fields, problem.field));
    const other = problems.find((problem) => !owns(fields, problem.field));
    setErrors(Object.fromEntries(own.map((problem) => [problem.field, problem.said])));
    setNotice(
      own.length > 0
        ? { kind: 'check', count: own.length }
        : { kind: 'error', said: other?.said ?? { id: 'settings.problem.notAccepted' } },
    );
    setFocusTurn((turn) => turn + 1);
  };

  /** Changes one value; its error goes, as the field is being fixed. */
  const change =
    <K extends keyof V>(key: K, field: string = String(key)) =>
    (value: V[K]) => {
      setValues((now) => ({ ...now, [key]: value }));
      setNotice(null);
      if (errors[field]) {
        const { [field]: _fixed, ...rest } = errors;
        setErrors(rest);
      }
    };

  /**
   * Saves `update`, unless a field is wrong: `typed` are problems only the form can see (text
   * that is no number), the rest are the rules main applies too. Once saved, `afterSave` runs,
   * then the wizard's `onSaved` (its next step).
   */
  const save = (
    update: RequestOf<'settings:update'>,
    typed: readonly FieldProblem[] = [],
    afterSave?: () => void,
  ) => {
    if (!settings) return;
    const problems = firstPerField([
      ...typed,
      ...updateProblems(update as SettingsUpdate, settings),
    ]);
    if (problems.length > 0) return showProblems(problems);
    setErrors({});
    setNotice(null);
    saver(
      update,
      say('settings.save.pinTitle', { section: say(SECTION_NAMES[section]) }),
      (outcome) => {
        if (outcome.saved) {
          setNotice({ kind: 'saved' });
          afterSave?.();
          step.onSaved?.();
          return;
        }
        const { error } = outcome;
        if (error.field) showProblems([{ field: error.field, said: saidOfError(error) }]);
        else setNotice({ kind: 'error', said: saidOfError(error) });
      },
    );
  };

  /** The error of `field`, in words, if it has one. */
  const errorOf = (field: string): string | undefined => {
    const problem = errors[field];
    return problem ? sayAll(problem) : undefined;
  };

  /** A field's name, value, error and change handler, for one field of the section. */
  const bind = <K extends keyof V & string>(key: K) => ({
    name: key,
    value: values[key],
    error: errorOf(key),
    onChange: change(key),
  });

  /** What SectionForm draws around the fields: the section's name, Save's words, the notice. */
  const frame = { title: say(SECTION_NAMES[section]), saveLabel: step.saveLabel, notice, formRef };

  return { values, setValues, change, bind, save, errorOf, frame };
}
