/** Something that reports changes of records with an id, such as the payment or refund service. */
export interface RecordEvents<R extends { readonly id: string }> {
  on(event: 'updated', listener: (record: R) => void): unknown;
  off(event: 'updated', listener: (record: R) => void): unknown;
}

/**
 * Follows one record until `done` holds for it or `deadline` (ms since the epoch) passes;
 * `onChange` sees every version in between. Resolves with the record that was done, or
 * undefined at the deadline.
 */
export function watchRecord<R extends { readonly id: string }>(
  events: RecordEvents<R>,
  id: string,
  current: R | undefined,
  done: (record: R) => boolean,
  deadline: number,
  onChange: (record: R) => void = () => {},
): Promise<R | undefined> {
  return new Promise((resolve) => {
    const finish = (record: R | undefined) => {
      clearTimeout(timer);
      events.off('updated', listener);
      resolve(record);
    };
    const listener = (record: R) => {
      if (record.id !== id) return;
      onChange(record);
      if (done(record)) finish(record);
    };
    const timer = setTimeout(() => finish(undefined), Math.max(0, deadline - Date.now()));
    events.on('updated', listener);
    if (current) listener(current);
  });
}
