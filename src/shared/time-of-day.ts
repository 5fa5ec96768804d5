/** "14:02": the time of day something began, as the cashier's screens and messages show it. */
export function timeOfDay(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB', { timeStyle: 'short' });
}
