/**
 * A promise's `resolve` that takes only the first outcome of several racing ones (an answer, an
 * error, a timeout), running `cleanUp` (clear the timer) just before; later calls do nothing.
 */
export function settleOnce<T>(
  resolve: (value: T) => void,
  cleanUp: () => void,
): (value: T) => void {
  let settled = false;
  return (value) => {
    if (settled) return;
    settled = true;
    cleanUp();
    resolve(value);
  };
}
