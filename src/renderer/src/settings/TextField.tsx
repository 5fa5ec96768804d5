import { useId } from 'react';

/** A labelled text input with a line saying what it is for. */
export function TextField({
  label,
  hint,
  value,
  onChange,
  disabled,
  placeholder,
  type = 'text',
  inputMode,
  autoFocus,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  placeholder?: string;
  type?: 'text' | 'password' | 'url';
  inputMode?: 'numeric' | 'decimal' | 'url' | 'text';
  autoFocus?: boolean;
}) {
  const hintId = useId();
  return (
    <label>
      {label}
      <input
        type={type}
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        inputMode={inputMode}
        autoComplete="off"
        spellCheck={false}
        autoFocus={autoFocus}
        aria-describedby={hint ? hintId : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint ? (
        <span className="field-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </label>
  );
}
