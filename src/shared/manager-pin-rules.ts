/** The fewest digits any manager PIN may have: PINs set before new live ones needed 6 still work. */
export const PIN_MIN_DIGITS = 4;
/** The most digits a manager PIN may have. */
export const PIN_MAX_DIGITS = 8;

/**
 * The fewest digits of a new manager PIN: 6 on a live counter (a million PINs to try instead of
 * ten thousand), 4 in demo mode, whose PIN is 2468.
 */
export function minNewPinDigits(mode: 'demo' | 'live'): number {
  return mode === 'live' ? 6 : PIN_MIN_DIGITS;
}

/** Why `pin` cannot be a new manager PIN on this counter, in words, or undefined when it can. */
export function newPinProblem(pin: string, mode: 'demo' | 'live'): string | undefined {
  const min = minNewPinDigits(mode);
  const digits = /^\d+$/.test(pin) ? pin.length : 0;
  return digits >= min && digits <= PIN_MAX_DIGITS
    ? undefined
    : `A new manager PIN is ${min} to ${PIN_MAX_DIGITS} digits.`;
}
