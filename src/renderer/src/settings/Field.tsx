import { useId, type ReactNode } from 'react';
import { useSay } from '../i18n/use-say';

/** What every field of a settings section shows around its input. */
interface FieldFrame {
  /** The setting's path (`storeIpAddress`, `amountLimits.CNY.max`): errors and focus find it by this. */
  name: string;
  label: string;
  hint?: string;
  /** The usual value, shown for fields under Advanced so that a changed one stands out. */
  usual?: string;
  /** Why the typed value cannot be saved, shown under the field. */
  error?: string;
}

/** The ids a field's input points to with aria-describedby: its error first, then its hint. */
function useDescription(frame: FieldFrame) {
  const id = useId();
  const ids = {
    input: `${id}-input`,
    error: `${id}-error`,
    hint: `${id}-hint`,
    usual: `${id}-usual`,
  };
  const describedBy = [
    frame.error ? ids.error : null,
    frame.hint ? ids.hint : null,
    frame.usual !== undefined ? ids.usual : null,
  ]
    .filter((part) => part !== null)
    .join(' ');
  return { ids, describedBy: describedBy === '' ? undefined : describedBy };
}

/** The lines under an input: what is wrong (if anything), what it is for, and its default. */
function FieldNotes({ frame, ids }: { frame: FieldFrame; ids: Record<string, string> }) {
  const { say } = useSay();
  return (
    <>
      {frame.error ? (
        <span className="field-error" id={ids['error']}>
          {frame.error}
        </span>
      ) : null}
      {frame.hint ? (
        <span className="field-hint" id={ids['hint']}>
          {frame.hint}
        </span>
      ) : null}
      {frame.usual !== undefined ? (
        <span className="field-usual" id={ids['usual']}>
          {say('settings.default', { value: frame.usual })}
        </span>
      ) : null}
    </>
  );
}

/** A labelled text input with its error, its hint and, under Advanced, its default. */
export function TextField(
  props: FieldFrame & {
    value: string;
    onChange: (value: string) => void;
    disabled?: boolean;
    placeholder?: string;
    type?: 'text' | 'password' | 'url';
    inputMode?: 'numeric' | 'decimal' | 'url' | 'text';
    autoFocus?: boolean;
    rows?: number;
  },
) {
  const { ids, describedBy } = useDescription(props);
  const common = {
    id: ids.input,
    name: props.name,
    value: props.value,
    disabled: props.disabled,
    placeholder: props.placeholder,
    autoComplete: 'off',
    spellCheck: false,
    autoFocus: props.autoFocus,
    'aria-invalid': props.error ? true : undefined,
    'aria-describedby': describedBy,
  } as const;
  return (
    <div className={props.rows ? 'field wide' : 'field'}>
      <label className="field-label" htmlFor={ids.input}>
        {props.label}
      </label>
      {props.rows ? (
        <textarea {...common} rows={props.rows} onChange={(e) => props.onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={props.type ?? 'text'}
          inputMode={props.inputMode}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      <FieldNotes frame={props} ids={ids} />
    </div>
  );
}

/** A labelled select with its error, hint and default. */
export function SelectField(
  props: FieldFrame & {
    value: string;
    onChange: (value: string) => void;
    disabled?: boolean;
    children: ReactNode;
  },
) {
  const { ids, describedBy } = useDescription(props);
  return (
    <div className="field">
      <label className="field-label" htmlFor={ids.input}>
        {props.label}
      </label>
      <select
        id={ids.input}
        name={props.name}
        value={props.value}
        disabled={props.disabled}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => props.onChange(e.target.value)}
      >
        {props.children}
      </select>
      <FieldNotes frame={props} ids={ids} />
    </div>
  );
}

/** A group of checkboxes saved as one field (the QR forms), with its error and default. */
export function ChecksField(
  props: FieldFrame & {
    options: ReadonlyArray<{ value: string; label: string }>;
    checked: readonly string[];
    onChange: (checked: string[]) => void;
  },
) {
  const { ids, describedBy } = useDescription(props);
  const labelId = useId();
  return (
    <div
      className="field checks"
      role="group"
      aria-labelledby={labelId}
      aria-describedby={describedBy}
    >
      <span className="field-label" id={labelId}>
        {props.label}
      </span>
      <span className="checks-row">
        {props.options.map((option, index) => (
          <label key={option.value} className="check">
            <input
              type="checkbox"
              name={index === 0 ? props.name : undefined}
              aria-invalid={props.error ? true : undefined}
              checked={props.checked.includes(option.value)}
              onChange={(e) =>
                props.onChange(
                  e.target.checked
                    ? [...props.checked, option.value]
                    : props.checked.filter((kind) => kind !== option.value),
                )
              }
            />
            {option.label}
          </label>
        ))}
      </span>
      <FieldNotes frame={props} ids={ids} />
    </div>
  );
}

/** Technical fields, closed until asked for: most stores never change them. */
export function Advanced({ children }: { children: ReactNode }) {
  const { say } = useSay();
  return (
    <details className="advanced">
      <summary>{say('settings.advanced')}</summary>
      <p className="field-hint">{say('settings.advanced.hint')}</p>
      <div className="advanced-fields">{children}</div>
    </details>
  );
}
