/** Digits typed in a number field as a number; anything else as NaN, which the rules refuse. */
export function wholeNumber(text: string): number {
  const trimmed = text.trim();
  return /^\d{1,9}$/.test(trimmed) ? Number(trimmed) : NaN;
}
