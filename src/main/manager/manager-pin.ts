import { minNewPinDigits, newPinProblem, PIN_MAX_DIGITS } from '../../shared/manager-pin-rules';
import { said } from '../../shared/i18n/said';
import { ok, type Result } from '../../shared/result';
import { fail } from '../i18n/fail';
import type { Journal } from '../journal/journal';
import { SecretStoreUnavailableError } from '../secrets/secret-store';
import { hashPin, needsRehash, PIN_SCRYPT, pinMatches, type ScryptCost } from './pin-hash';
import { FREE_TRIES, lockAfter, lockDuration, lockWords } from './pin-lockout';
import { PinRecords, type PinKeys, type PinState, type SealedState } from './pin-records';
import type { FailureCount } from './pin-seal';

export type { PinKeys } from './pin-records';

/** scrypt's work and memory grow with N·r·p. */
const work = (cost: ScryptCost) => cost.N * cost.r * cost.p;

/** What the screens may know about the PIN: never the PIN, never its hash. */
export interface PinStatus {
  readonly set: boolean;
  readonly lockedUntil: number | null;
  readonly failures: number;
  /**
   * The PIN cannot be checked or trusted and must be reset with the project's secret key: its
   * record was removed, replaced, rolled back or written without the pepper, or a key it needs
   * is gone from the keychain.
   */
  readonly resetNeeded: boolean;
}

/** Errors of the PIN's operations. */
export type PinErrorCode =
  'INVALID_INPUT' | 'PIN_INCORRECT' | 'PIN_LOCKED' | 'PIN_NOT_SET' | 'KEYCHAIN_UNAVAILABLE';

/** How a counter's manager PIN behaves. */
export interface ManagerPinOptions {
  readonly now?: () => number;
  /** scrypt's cost for new hashes (tests lower it; stored hashes keep their own). */
  readonly cost?: ScryptCost;
  /** A live counter's new PINs have at least 6 digits; demo mode's 4 (its PIN is 2468). */
  readonly mode?: 'demo' | 'live';
}

const RESET_WORDS = said('manager.pin.resetNeeded');
const KEYCHAIN_WORDS = said('manager.pin.keychain');
const NOT_SET_WORDS = said('manager.pin.notSet');
const zero: FailureCount = { count: 0, lockedUntil: null };

/**
 * The manager PIN: a scrypt hash of the PIN keyed with a pepper from the OS keychain, in the
 * journal, sealed with a keychain key (pin-records.ts); checked in main only, one check at a
 * time. Wrong PINs lock manager actions for longer and longer (5 minutes after the fifth, then
 * 15 minutes, 1 hour, 4 hours, 24 hours), across restarts, until a right PIN. Every failure,
 * lock and change goes to the audit log, in the same transaction as the change it describes.
 * PINs of 4 or 5 digits set before new live PINs needed 6 keep working.
 */
export class ManagerPin {
  /** PIN checks in the order they came (see check). */
  private queue: Promise<void> = Promise.resolve();
  private readonly records: PinRecords;
  private readonly now: () => number;
  private readonly cost: ScryptCost;
  private readonly mode: 'demo' | 'live';

  constructor(
    private readonly journal: Journal,
    private readonly keys: PinKeys,
    options: ManagerPinOptions = {},
  ) {
    this.now = options.now ?? Date.now;
    this.cost = options.cost ?? PIN_SCRYPT;
    this.mode = options.mode ?? 'live';
    this.records = new PinRecords(journal, keys, this.now);
  }

  status(): PinStatus {
    const state = this.records.state();
    const failures =
      state.kind === 'sealed'
        ? this.records.failures(state)
        : state.kind === 'unsealed'
          ? state.failures
          : zero;
    const locked =
      failures.lockedUntil !== null && failures.lockedUntil > this.now()
        ? failures.lockedUntil
        : null;
    return {
      set: this.records.hasRecord(),
      lockedUntil: locked,
      failures: failures.count,
      resetNeeded: state.kind === 'reset-needed',
    };
  }

  /** Sets the PIN: the first time freely, afterwards only with the current PIN. */
  async set(
    newPin: string,
    currentPin: string | undefined,
    actor: string,
  ): Promise<Result<PinStatus, PinErrorCode>> {
    const problem = this.newPinProblem(newPin);
    if (problem) return problem;
    const state = this.records.state();
    if (state.kind === 'reset-needed') return fail('PIN_NOT_SET', RESET_WORDS);
    if (state.kind === 'keychain-unreadable') return fail('KEYCHAIN_UNAVAILABLE', KEYCHAIN_WORDS);
    if (state.kind !== 'none') {
      const check = await this.check(currentPin ?? '', 'change the manager PIN');
      if (!check.ok)
        return check.error.code === 'PIN_NOT_SET'
          ? { ok: false, error: { ...check.error, code: 'PIN_INCORRECT' } }
          : check;
    }
    return this.store(newPin, actor, 'manager PIN set');
  }

  /**
   * Sets a new PIN without the old one, once the caller proved the manager holds the project's
   * secret key (the recovery of a PIN that cannot be checked or trusted).
   */
  async reset(newPin: string, actor: string): Promise<Result<PinStatus, PinErrorCode>> {
    const problem = this.newPinProblem(newPin);
    if (problem) return problem;
    if (!this.keys.readable()) return fail('KEYCHAIN_UNAVAILABLE', KEYCHAIN_WORDS);
    return this.store(newPin, actor, 'manager PIN reset with the secret key');
  }

  /**
   * Seals a PIN record written before records were sealed (at start, so that its failure count
   * is sealed as it is before anyone can change it). Nothing happens to any other record.
   */
  async sealOlderRecord(): Promise<void> {
    const state = this.records.state();
    if (state.kind === 'unsealed') await this.seal(state);
  }

  /**
   * Checks a PIN for `action`. Locked: refused without even looking at the PIN. Checks run one
   * at a time: overlapping guesses would otherwise all read the same failure count, and a burst
   * of them would count as one failure (and outrun the lock).
   */
  check(pin: string, action: string): Promise<Result<void, PinErrorCode>> {
    const result = this.queue.then(() => this.checkNow(pin, action));
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async checkNow(pin: string, action: string): Promise<Result<void, PinErrorCode>> {
    let state = this.records.state();
    if (state.kind === 'unsealed') {
      const sealed = await this.seal(state);
      if (!sealed.ok) return sealed;
      state = this.records.state();
    }
    if (state.kind !== 'sealed') return refusal(state);
    const failures = this.records.failures(state);
    if (failures.lockedUntil !== null && failures.lockedUntil > this.now())
      return fail('PIN_LOCKED', lockedMessage(failures.lockedUntil, this.now()));
    if (await pinMatches(pin, state.pin, this.keys.pepper())) {
      if (failures.count > 0 || failures.lockedUntil !== null)
        await this.records.remember(this.records.saveFailures(state, zero, failures.entry));
      // A PIN of an older cost or salt is stored again, as new PINs are.
      if (needsRehash(state.pin, this.cost)) {
        // Never at a lower cost than the PIN had.
        const cost = work(state.pin) > work(this.cost) ? state.pin : this.cost;
        await this.store(pin, 'system', 'manager PIN upgraded', cost).catch(() => {});
      }
      return ok(undefined);
    }
    return this.wrong(state, failures.count + 1, action);
  }

  /** Counts a wrong PIN (and the lock it sets) with its audit entries, sealed to the first. */
  private async wrong(
    state: SealedState,
    count: number,
    action: string,
  ): Promise<Result<void, PinErrorCode>> {
    const lock = lockAfter(count);
    const lockedUntil = lock > 0 ? this.now() + lock : null;
    const mark = this.journal.inTransaction(() => {
      const entry = this.journal.audit('manager', 'wrong manager PIN', null, {
        action,
        failures: count,
      });
      if (lockedUntil !== null)
        this.journal.audit('system', 'manager actions locked', null, {
          until: new Date(lockedUntil).toISOString(),
          for: lockWords(lock),
        });
      return this.records.saveFailures(state, { count, lockedUntil }, entry);
    });
    await this.records.remember(mark);
    if (lockedUntil !== null) return fail('PIN_LOCKED', lockedMessage(lockedUntil, this.now()));
    return fail(
      'PIN_INCORRECT',
      said('manager.pin.wrong', {
        left: FREE_TRIES - count,
        lock: lockDuration(lockAfter(FREE_TRIES)),
      }),
    );
  }

  /** Why `pin` cannot be a new PIN here, as a failed Result; undefined when it can. */
  private newPinProblem(pin: string): Result<never, PinErrorCode> | undefined {
    return newPinProblem(pin, this.mode) === undefined
      ? undefined
      : fail(
          'INVALID_INPUT',
          said('manager.pin.newDigits', { min: minNewPinDigits(this.mode), max: PIN_MAX_DIGITS }),
        );
  }

  /** Seals a record from before seals, with its failure count as it stands. */
  private async seal(
    state: Extract<PinState, { kind: 'unsealed' }>,
  ): Promise<Result<void, PinErrorCode>> {
    const keys = await this.keysOrMake();
    if (!keys.ok) return keys;
    const mark = this.journal.inTransaction(() => {
      const entry = this.journal.audit('system', 'manager PIN record sealed', null);
      return this.records.savePin(state.pin, keys.value.sealKey, entry, state.failures);
    });
    await this.records.remember(mark);
    return ok(undefined);
  }

  private async store(
    pin: string,
    actor: string,
    action: string,
    cost: ScryptCost = this.cost,
  ): Promise<Result<PinStatus, PinErrorCode>> {
    const keys = await this.keysOrMake();
    if (!keys.ok) return keys;
    const stored = await hashPin(pin, keys.value.pepper, cost);
    const mark = this.journal.inTransaction(() => {
      const entry = this.journal.audit(
        actor,
        action,
        null,
        pin.length < 6 ? { digits: pin.length } : undefined,
      );
      return this.records.savePin(stored, keys.value.sealKey, entry);
    });
    await this.records.remember(mark);
    return ok(this.status());
  }

  private async keysOrMake(): Promise<
    Result<{ pepper: Buffer; sealKey: Buffer }, 'KEYCHAIN_UNAVAILABLE'>
  > {
    try {
      return ok(await this.keys.pinKeysOrMake());
    } catch (error) {
      if (error instanceof SecretStoreUnavailableError)
        return fail('KEYCHAIN_UNAVAILABLE', KEYCHAIN_WORDS);
      throw error;
    }
  }
}

/** Why a PIN that is not (or not yet) trusted cannot be checked. */
function refusal(state: Exclude<PinState, SealedState>): Result<never, PinErrorCode> {
  switch (state.kind) {
    case 'none':
      return fail('PIN_NOT_SET', NOT_SET_WORDS);
    case 'keychain-unreadable':
      return state.pin
        ? fail('KEYCHAIN_UNAVAILABLE', KEYCHAIN_WORDS)
        : fail('PIN_NOT_SET', NOT_SET_WORDS);
    case 'reset-needed':
    case 'unsealed':
      return fail('PIN_NOT_SET', RESET_WORDS);
  }
}

/** Locked until a time (sent as a number: each window words it in its own language). */
function lockedMessage(until: number, now: number) {
  const left = lockDuration(until - now);
  return until - now > 12 * 3600_000
    ? said('manager.pin.lockedLong', { left, until })
    : said('manager.pin.locked', { left, until });
}
