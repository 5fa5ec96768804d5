import {
  randomBytes,
  scrypt as scryptCallback,
  timingSafeEqual,
  type ScryptOptions,
} from 'node:crypto';
import { err, ok, type Result } from '../../shared/result';
import type { Journal } from '../journal/journal';

const PIN_KEY = 'manager_pin';
const FAILURES_KEY = 'manager_pin_failures';

/** Five wrong PINs lock manager actions for five minutes (issue: "visibly"). */
export const MAX_FAILURES = 5;
export const LOCK_MS = 5 * 60_000;

/** scrypt cost: about 30-50 ms per check on a counter PC, far too slow to guess 10^8 PINs. */
const SCRYPT: ScryptOptions = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

interface StoredPin {
  readonly v: 1;
  readonly salt: string;
  readonly hash: string;
  readonly N: number;
  readonly r: number;
  readonly p: number;
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
}

function scrypt(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCallback(pin, salt, KEY_LENGTH, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** A manager PIN is 4 to 8 digits. */
export function pinFormatProblem(pin: string): string | undefined {
  return /^\d{4,8}$/.test(pin) ? undefined : 'The manager PIN is 4 to 8 digits.';
}

/**
 * The manager PIN (issue 4 §1): stored as a salted scrypt hash in the journal, never the PIN;
 * checked in main only; five wrong PINs lock manager actions for five minutes, across restarts.
 * Every failure and lockout goes to the audit log.
 */
export class ManagerPin {
  /** PIN checks in the order they came (see check). */
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly journal: Journal,
    private readonly now: () => number = Date.now,
  ) {}

  status(): PinStatus {
    const failures = this.failures();
    const locked =
      failures.lockedUntil !== null && failures.lockedUntil > this.now()
        ? failures.lockedUntil
        : null;
    return { set: this.stored() !== undefined, lockedUntil: locked, failures: failures.count };
  }

  /** Sets the PIN: the first time freely, afterwards only with the current PIN. */
  async set(
    newPin: string,
    currentPin: string | undefined,
    actor: string,
  ): Promise<Result<PinStatus, 'INVALID_INPUT' | 'PIN_INCORRECT' | 'PIN_LOCKED'>> {
    const problem = pinFormatProblem(newPin);
    if (problem) return err('INVALID_INPUT', problem);
    if (this.stored() !== undefined) {
      const check = await this.check(currentPin ?? '', 'change the manager PIN');
      if (!check.ok)
        return check.error.code === 'PIN_NOT_SET'
          ? err('PIN_INCORRECT', check.error.message)
          : (check as Result<never, 'PIN_INCORRECT' | 'PIN_LOCKED'>);
    }
    const salt = randomBytes(16);
    const hash = await scrypt(newPin, salt, SCRYPT);
    const stored: StoredPin = {
      v: 1,
      salt: salt.toString('base64'),
      hash: hash.toString('base64'),
      N: SCRYPT.N!,
      r: SCRYPT.r!,
      p: SCRYPT.p!,
    };
    this.journal.setCounterState(PIN_KEY, JSON.stringify(stored));
    this.journal.audit(actor, 'manager PIN set', null);
    return ok(this.status());
  }

  /**
   * Checks a PIN for `action`. Wrong: counts a failure (the fifth locks for five minutes).
   * Locked: refused without even looking at the PIN. Checks run one at a time: overlapping
   * guesses would otherwise all read the same failure count, and a burst of them would count
   * as one failure (and outrun the lock).
   */
  check(
    pin: string,
    action: string,
  ): Promise<Result<void, 'PIN_INCORRECT' | 'PIN_LOCKED' | 'PIN_NOT_SET'>> {
    const result = this.queue.then(() => this.checkNow(pin, action));
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  private async checkNow(
    pin: string,
    action: string,
  ): Promise<Result<void, 'PIN_INCORRECT' | 'PIN_LOCKED' | 'PIN_NOT_SET'>> {
    const stored = this.stored();
    if (!stored) return err('PIN_NOT_SET', 'No manager PIN is set yet: set one in Settings first.');
    const failures = this.failures();
    if (failures.lockedUntil !== null && failures.lockedUntil > this.now()) {
      return err('PIN_LOCKED', lockedMessage(failures.lockedUntil, this.now()));
    }
    const expected = Buffer.from(stored.hash, 'base64');
    const actual = /^\d{4,8}$/.test(pin)
      ? await scrypt(pin, Buffer.from(stored.salt, 'base64'), {
          N: stored.N,
          r: stored.r,
          p: stored.p,
          maxmem: SCRYPT.maxmem,
        })
      : Buffer.alloc(expected.length);
    if (
      actual.length === expected.length &&
      timingSafeEqual(actual, expected) &&
      /^\d{4,8}$/.test(pin)
    ) {
      if (failures.count > 0 || failures.lockedUntil !== null)
        this.saveFailures({ count: 0, lockedUntil: null });
      return ok(undefined);
    }
    const count = (failures.lockedUntil !== null ? 0 : failures.count) + 1;
    if (count >= MAX_FAILURES) {
      const lockedUntil = this.now() + LOCK_MS;
      this.saveFailures({ count, lockedUntil });
      this.journal.audit('manager', 'wrong manager PIN', null, { action, failures: count });
      this.journal.audit('system', 'manager actions locked', null, {
        until: new Date(lockedUntil).toISOString(),
      });
      return err('PIN_LOCKED', lockedMessage(lockedUntil, this.now()));
    }
    this.saveFailures({ count, lockedUntil: null });
    this.journal.audit('manager', 'wrong manager PIN', null, { action, failures: count });
    const left = MAX_FAILURES - count;
    return err(
      'PIN_INCORRECT',
      `Wrong manager PIN: ${left} ${left === 1 ? 'try' : 'tries'} left before manager actions lock for 5 minutes.`,
    );
  }

  private stored(): StoredPin | undefined {
    const text = this.journal.getCounterState(PIN_KEY);
    return text ? (JSON.parse(text) as StoredPin) : undefined;
  }

  private failures(): Failures {
    const text = this.journal.getCounterState(FAILURES_KEY);
    const failures = text ? (JSON.parse(text) as Failures) : { count: 0, lockedUntil: null };
    // A clock set back must not stretch a lock beyond five minutes from now: the lock is
    // moved (and saved) to end five minutes from the clock's new time.
    if (failures.lockedUntil !== null && failures.lockedUntil > this.now() + LOCK_MS) {
      const moved = { ...failures, lockedUntil: this.now() + LOCK_MS };
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
  const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
  return `Too many wrong manager PINs: manager actions are locked for ${minutes} more minute${minutes === 1 ? '' : 's'} (until ${new Date(until).toLocaleTimeString('en-GB')}).`;
}
