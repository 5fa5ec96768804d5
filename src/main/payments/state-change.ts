import { StaleStateError } from '../journal/stale-state-error';

/** What a state machine decides for one event. */
export type Decision<S> =
  | { readonly kind: 'move'; readonly to: S }
  /** Nothing to do: a repeat, or information the state already holds. */
  | { readonly kind: 'ignore'; readonly reason: string }
  /** A contradiction worth an audit entry: the state does not change. */
  | { readonly kind: 'forbidden'; readonly reason: string };

/** Move to a state: what either state machine decides for an event that changes the record. */
export const move = <S>(to: S): Decision<S> => ({ kind: 'move', to });
/** Nothing to do, and why (a repeat, or something the state already holds). */
export const ignore = (reason: string): Decision<never> => ({ kind: 'ignore', reason });
/** A contradiction, and why: audited, the state stays. */
export const forbidden = (reason: string): Decision<never> => ({ kind: 'forbidden', reason });

/** What applying one event did: the record moved, or why it did not. */
export type Applied =
  | { readonly kind: 'applied'; readonly from: string; readonly to: string }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'refused'; readonly reason: string };

export const ignored = (reason: string): Applied => ({ kind: 'ignored', reason });
export const refused = (reason: string): Applied => ({ kind: 'refused', reason });

/** An outcome in words, as the callback inbox and the logs keep it. */
export function describeApplied(applied: Applied): string {
  switch (applied.kind) {
    case 'applied':
      return `applied: ${applied.from} → ${applied.to}`;
    case 'ignored':
      return `ignored: ${applied.reason}`;
    case 'refused':
      return `refused: ${applied.reason}`;
  }
}

/** How one record is read, judged and written, for `applyWithRetry`. */
export interface StateChange<R, S extends string> {
  /** The record now; undefined when there is none. */
  read(): R | undefined;
  stateOf(record: R): S;
  decide(state: S): Decision<S>;
  /** A contradiction: audit it (the state stays). */
  forbidden(record: R, reason: string): void;
  /**
   * Writes the move and its journal rows; throws StaleStateError when the record changed after
   * it was read (a callback and a status answer racing).
   */
  write(record: R, to: S): void;
}

/**
 * Applies one event the way sales and refunds both do: decide on the record as it is, write
 * the decision (journal first), and when another change got there in between, read and decide
 * again, a few times.
 */
export function applyWithRetry<R, S extends string>(
  change: StateChange<R, S>,
  what: string,
): Applied {
  for (let attempt = 0; attempt < 3; attempt++) {
    const record = change.read();
    if (!record) return ignored(`unknown ${what}`);
    const from = change.stateOf(record);
    const decision = change.decide(from);
    if (decision.kind === 'ignore') return ignored(decision.reason);
    if (decision.kind === 'forbidden') {
      change.forbidden(record, decision.reason);
      return refused(decision.reason);
    }
    try {
      change.write(record, decision.to);
      return { kind: 'applied', from, to: decision.to };
    } catch (error) {
      if (!(error instanceof StaleStateError)) throw error;
    }
  }
  return ignored('state kept changing');
}
