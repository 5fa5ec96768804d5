/** Thrown when a transition finds a record in another state than the caller read. */
export class StaleStateError extends Error {
  constructor(id: string, expected: string, actual: string) {
    super(`${id} is ${actual}, not ${expected}`);
    this.name = 'StaleStateError';
  }
}
