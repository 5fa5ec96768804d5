import { err, ok, type Result } from '../../shared/result';
import type { Journal } from '../journal/journal';
import { SecretStoreUnavailableError } from '../secrets/secret-store';
import {
  hashPin,
  needsRehash,
  PIN_SCRYPT,
  pinMatches,
  type ScryptCost,
  type StoredPin,
} from './pin-hash';
import { FREE_TRIES, lockAfter, lockWords } from './pin-lockout';

const PIN_KEY = 'manager_pin';
const FAILURES_KEY = 'manager_pin_failures';

/** scrypt's work and memory grow with N·r·p. */
const work = (cost: ScryptCost) => cost.N * cost.r * cost.p;

/** Where the PIN's pepper lives (the OS keychain; in memory in demo mode). */
export interface PinPepper {
  /** The pepper, if one was made and the keychain could be read. */
  pepper(): Buffer | undefined;
  /** The pepper, made and stored if there is none. Throws SecretStoreUnavailableError. */
  pepperOrMake(): Promise<Buffer>;
  /** Whether the keychain could be read (else a missing pepper proves nothing). */
  readable(): boolean;
}

interface Failures {
  count: number;
  lockedUntil: number | null;
}

/** What the screens may know about the PIN: never the PIN, never its hash. */
export interface PinStatus {
  readonly set: boolean;
  readonly lockedUntil: number | null;
  readonly failures: number;
  /**
   * The PIN cannot be checked and must be reset with the project's secret key: its row was
   * removed from the journal while the keychain still holds its pepper, or the pepper is gone.
   */
  readonly resetNeeded: boolean;
}

/** Errors of the PIN's operations. */
export type PinErrorCode =
  'INVALID_INPUT' | 'PIN_INCORRECT' | 'PIN_LOCKED' | 'PIN_NOT_SET' | 'KEYCHAIN_UNAVAILABLE';

/** A manager PIN is 4 to 8 digits. */
export function pinFormatProblem(pin: string): string | undefined {
  return /^\d{4,8}$/.test(pin) ? undefined : 'The manager PIN is 4 to 8 digits.';
}

const RESET_WORDS =
  "The manager PIN cannot be checked on this counter any more: reset it with the project's secret key (Settings → Manager PIN).";

/**
 * The manager PIN: a scrypt hash of the PIN keyed with a pepper from the OS keychain, in the
 * journal; checked in main only, one check at a time. Wrong PINs lock manager actions for longer
 * and longer (5 minutes after the fifth, then 15 minutes, 1 hour, 4 hours, 24 hours), across
 * restarts, until a right PIN. Every failure, lock and change goes to the audit log, in the
 * same transaction as the change it describes.
 */
export class ManagerPin {
  /** PIN checks in the order they came (see check). */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly journal: Journal,
    private readonly keys: PinPepper,
    private readonly now: () => number = Date.now,
    /** scrypt's cost for new hashes (tests lower it; stored hashes keep their own). */
    private readonly cost: ScryptCost = PIN_SCRYPT,
  ) {}

  status(): PinStatus {
    const failures = this.failures();
    const locked =
      failures.lockedUntil !== null && failures.lockedUntil > this.now()
        ? failures.lockedUntil
        : null;
    return {
      set: this.stored() !== undefined,
      lockedUntil: locked,
      failures: failures.count,
      resetNeeded: this.resetNeeded(),
    };
  }

  /** Sets the PIN: the first time freely, afterwards only with the current PIN. */
  async set(
    newPin: string,
    currentPin: string | undefined,
    actor: string,
  ): Promise<Result<PinStatus, PinErrorCode>> {
    const problem = pinFormatProblem(newPin);
    if (problem) return err('INVALID_INPUT', problem);
    if (this.resetNeeded()) return err('PIN_NOT_SET', RESET_WORDS);
    if (this.stored() !== undefined) {
      const check = await this.check(currentPin ?? '', 'change the manager PIN');
      if (!check.ok)
        return check.error.code === 'PIN_NOT_SET'
          ? err('PIN_INCORRECT', check.error.message)
          : check;
    }
    return this.store(newPin, actor, 'manager PIN set');
  }

  /**
   * Sets a new PIN without the old one, once the caller proved the manager holds the project's
   * secret key (the recovery of a PIN that cannot be checked).
   */
  reset(newPin: string, actor: string): Promise<Result<PinStatus, PinErrorCode>> {
    const problem = pinFormatProblem(newPin);
    if (problem) return Promise.resolve(err('INVALID_INPUT', problem));
    return this.store(newPin, actor, 'manager PIN reset with the secret key');
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
    if (this.resetNeeded()) return err('PIN_NOT_SET', RESET_WORDS);
    const stored = this.stored();
    if (!stored) return err('PIN_NOT_SET', 'No manager PIN is set yet: set one in Settings first.');
    if (stored.v === 2 && !this.keys.pepper())
      return err(
        'KEYCHAIN_UNAVAILABLE',
        'The manager PIN cannot be checked while the system keychain is unavailable.',
      );
    const failures = this.failures();
    if (failures.lockedUntil !== null && failures.lockedUntil > this.now())
      return err('PIN_LOCKED', lockedMessage(failures.lockedUntil, this.now()));
    if (await pinMatches(pin, stored, this.keys.pepper())) {
      if (failures.count > 0 || failures.lockedUntil !== null)
        this.saveFailures({ count: 0, lockedUntil: null });
      // A PIN of an older version, cost or salt is stored again, as new PINs are.
      if (needsRehash(stored, this.cost)) {
        // Never at a lower cost than the PIN had.
        const cost = work(stored) > work(this.cost) ? stored : this.cost;
        await this.store(pin, 'system', 'manager PIN upgraded', cost).catch(() => {});
      }
      return ok(undefined);
    }
    const count = failures.count + 1;
    const lock = lockAfter(count);
    const lockedUntil = lock > 0 ? this.now() + lock : null;
    this.journal.inTransaction(() => {
      this.saveFailures({ count, lockedUntil });
      this.journal.audit('manager', 'wrong manager PIN', null, { action, failures: count });
      if (lockedUntil !== null)
        this.journal.audit('system', 'manager actions locked', null, {
          until: new Date(lockedUntil).toISOString(),
          for: lockWords(lock),
        });
    });
    if (lockedUntil !== null) return err('PIN_LOCKED', lockedMessage(lockedUntil, this.now()));
    const left = FREE_TRIES - count;
    return err(
      'PIN_INCORRECT',
      `Wrong manager PIN: ${left} ${left === 1 ? 'try' : 'tries'} left before manager actions lock for 5 minutes.`,
    );
  }

  private async store(
    pin: string,
    actor: string,
    action: string,
    cost: ScryptCost = this.cost,
  ): Promise<Result<PinStatus, PinErrorCode>> {
    let pepper: Buffer;
    try {
      pepper = await this.keys.pepperOrMake();
    } catch (error) {
      if (error instanceof SecretStoreUnavailableError)
        return err('KEYCHAIN_UNAVAILABLE', error.message);
      throw error;
    }
    const stored = await hashPin(pin, pepper, cost);
    this.journal.inTransaction(() => {
      this.journal.setCounterState(PIN_KEY, JSON.stringify(stored));
      this.saveFailures({ count: 0, lockedUntil: null });
      this.journal.audit(actor, action, null, pin.length < 6 ? { digits: pin.length } : undefined);
    });
    return ok(this.status());
  }

  /**
   * True when the PIN cannot be checked: the keychain holds a pepper but the journal no PIN
   * (its row was deleted), or a peppered PIN whose pepper the keychain no longer holds.
   */
  private resetNeeded(): boolean {
    if (!this.keys.readable()) return false;
    const stored = this.stored();
    if (!stored) return this.keys.pepper() !== undefined;
    return stored.v === 2 && this.keys.pepper() === undefined;
  }

  private stored(): StoredPin | undefined {
    const text = this.journal.getCounterState(PIN_KEY);
    return text ? (JSON.parse(text) as StoredPin) : undefined;
  }

  private failures(): Failures {
    const text = this.journal.getCounterState(FAILURES_KEY);
    const failures = text ? (JSON.parse(text) as Failures) : { count: 0, lockedUntil: null };
    // A clock set back must not stretch a lock beyond its own length from now: the lock is
    // moved (and saved) to end that long from the clock's new time.
    const longest = lockAfter(failures.count);
    if (failures.lockedUntil !== null && failures.lockedUntil > this.now() + longest) {
      const moved = { ...failures, lockedUntil: this.now() + longest };
      this.saveFailures(moved);
      return moved;
    }
    return failures;
  }

  private saveFailures(failures: Failures): void {
    this.journal.setCounterState(FAILURES_KEY, JSON.stringify(failures));
  }
}

function lockedMessage(until: number, now: number): string {
  const long = until - now > 12 * 3600_000;
  const when = new Date(until).toLocaleString(
    'en-GB',
    long ? { dateStyle: 'short', timeStyle: 'short' } : { timeStyle: 'short' },
  );
  return `Too many wrong manager PINs: manager actions are locked for ${lockWords(until - now)} more (until ${when}). A right PIN afterwards ends the count.`;
}
