import { describe, expect, it } from 'vitest';
import { StaleStateError } from '../../../src/main/journal/stale-state-error';
import {
  applyWithRetry,
  describeApplied,
  type Decision,
  type StateChange,
} from '../../../src/main/payments/state-change';

type Light = 'red' | 'green' | 'yellow';

interface Lamp {
  state: Light;
  version: number;
}

/**
 * A record in a store another writer may change between a read and a write, with a state
 * machine that moves red → green → yellow, ignores "green" when already green, and forbids
 * going back to red. Counts what reached the store.
 */
function lampChange(store: { lamp: Lamp | undefined }, want: Light) {
  const log = { writes: [] as Light[], forbidden: [] as string[], reads: 0 };
  const decide = (state: Light): Decision<Light> => {
    if (state === want) return { kind: 'ignore', reason: `already ${want}` };
    if (want === 'red') return { kind: 'forbidden', reason: 'no way back to red' };
    return { kind: 'move', to: want };
  };
  const change: StateChange<Lamp, Light> & { log: typeof log; raceOnWrite: number } = {
    log,
    raceOnWrite: 0,
    read() {
      log.reads++;
      return store.lamp ? { ...store.lamp } : undefined;
    },
    stateOf: (lamp) => lamp.state,
    decide,
    forbidden: (_lamp, reason) => void log.forbidden.push(reason),
    write(lamp, to) {
      // Another writer got there first: the record is no longer what was read.
      if (change.raceOnWrite > 0) {
        change.raceOnWrite--;
        store.lamp = { state: 'green', version: store.lamp!.version + 1 };
      }
      if (store.lamp!.version !== lamp.version)
        throw new StaleStateError('lamp', lamp.state, store.lamp!.state);
      store.lamp = { state: to, version: lamp.version + 1 };
      log.writes.push(to);
    },
  };
  return change;
}

describe('applyWithRetry: one event applied to a record others may change', () => {
  it('moves the record when the machine says so, and says from where to where', () => {
    const store = { lamp: { state: 'red', version: 0 } as Lamp };
    const change = lampChange(store, 'green');
    expect(applyWithRetry(change, 'lamp')).toEqual({ kind: 'applied', from: 'red', to: 'green' });
    expect(store.lamp.state).toBe('green');
    expect(change.log.writes).toEqual(['green']);
  });

  it('reads again and decides again when another writer changed the record in between', () => {
    const store = { lamp: { state: 'red', version: 0 } as Lamp };
    const change = lampChange(store, 'yellow');
    change.raceOnWrite = 1;
    // Decided on red, found green when writing: decided again on green, written once.
    expect(applyWithRetry(change, 'lamp')).toEqual({
      kind: 'applied',
      from: 'green',
      to: 'yellow',
    });
    expect(change.log.writes).toEqual(['yellow']);
    expect(change.log.reads).toBe(2);
  });

  it('after a race, an event the new state already holds is ignored, not written again', () => {
    const store = { lamp: { state: 'red', version: 0 } as Lamp };
    const change = lampChange(store, 'green');
    change.raceOnWrite = 1;
    expect(applyWithRetry(change, 'lamp')).toEqual({ kind: 'ignored', reason: 'already green' });
    expect(change.log.writes).toEqual([]);
  });

  it('gives up after three races, having written nothing', () => {
    const store = { lamp: { state: 'red', version: 0 } as Lamp };
    const change = lampChange(store, 'yellow');
    change.raceOnWrite = 10;
    expect(applyWithRetry(change, 'lamp')).toEqual({
      kind: 'ignored',
      reason: 'state kept changing',
    });
    expect(change.log.writes).toEqual([]);
    expect(change.log.reads).toBe(3);
  });

  it('refuses a contradiction: reported once to be audited, nothing written', () => {
    const store = { lamp: { state: 'green', version: 0 } as Lamp };
    const change = lampChange(store, 'red');
    expect(applyWithRetry(change, 'lamp')).toEqual({
      kind: 'refused',
      reason: 'no way back to red',
    });
    expect(change.log.forbidden).toEqual(['no way back to red']);
    expect(change.log.writes).toEqual([]);
  });

  it('ignores what the state already holds, without writing or auditing', () => {
    const store = { lamp: { state: 'green', version: 0 } as Lamp };
    const change = lampChange(store, 'green');
    expect(applyWithRetry(change, 'lamp')).toEqual({ kind: 'ignored', reason: 'already green' });
    expect(change.log).toMatchObject({ writes: [], forbidden: [] });
  });

  it('ignores an event about a record that does not exist, naming what it is', () => {
    const change = lampChange({ lamp: undefined }, 'green');
    expect(applyWithRetry(change, 'refund')).toEqual({
      kind: 'ignored',
      reason: 'unknown refund',
    });
  });

  it('lets any other failure of the write through: only a race is retried', () => {
    const store = { lamp: { state: 'red', version: 0 } as Lamp };
    const change = lampChange(store, 'green');
    change.write = () => {
      throw new Error('disk full');
    };
    expect(() => applyWithRetry(change, 'lamp')).toThrow('disk full');
    expect(change.log.reads).toBe(1);
  });

  it('words each outcome as the callback inbox keeps it', () => {
    expect(describeApplied({ kind: 'applied', from: 'requested', to: 'succeeded' })).toBe(
      'applied: requested → succeeded',
    );
    expect(describeApplied({ kind: 'ignored', reason: 'already paid' })).toBe(
      'ignored: already paid',
    );
    expect(describeApplied({ kind: 'refused', reason: 'amount differs' })).toBe(
      'refused: amount differs',
    );
  });
});
