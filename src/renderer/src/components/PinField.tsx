import type { Ref } from 'react';
import { PIN_MAX_DIGITS } from '../../../shared/manager-pin-rules';

/**
 * A labelled PIN input: digits only (anything else typed is dropped), hidden as it is typed and
 * never remembered by the browser. The manager's PIN dialog and the staff's PIN pad ask for a
 * PIN this same way, so it lives here once.
 */
export function PinField({
  label,
  className,
  inputRef,
  value,
  onChange,
  describedBy,
}: {
  label: string;
  className?: string;
  inputRef: Ref<HTMLInputElement>;
  value: string;
  onChange: (pin: string) => void;
  describedBy?: string;
}) {
  return (
    <label className={className}>
      {label}
      <input
        ref={inputRef}
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={PIN_MAX_DIGITS}
        value={value}
        aria-describedby={describedBy}
        onChange={(e) => onChange(e.target.value.replace(/\D/g, ''))}
      />
    </label>
  );
}
