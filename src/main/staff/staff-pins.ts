import { err, ok, type Result } from '../../shared/result';
import type { Journal } from '../journal/journal';
import type { StaffRow } from '../journal/staff-table';
import {
  hashPin,
  needsRehash,
  PIN_SCRYPT,
  pinMatches,
  type ScryptCost,
  type StoredPin,
} from '../manager/pin-hash';
import { FREE_TRIES, lockAfter, lockWords } from '../manager/pin-lockout';
import type { PinKeys } from '../manager/pin-records';
import { sealFailures, sealMatches, sealPin } from '../manager/pin-seal';
import type { AuditRef, FailureCount, Seal } from '../manager/pin-seal';
import { SecretStoreUnavailableError } from '../secrets/secret-store';
import type { StaffPinMarks } from './staff-pin-marks';

/** Errors of a staff member's PIN. */
export type StaffPinError = 'PIN_INCORRECT' | 'PIN_LOCKED' | 'PIN_NOT_SET' | 'KEYCHAIN_UNAVAILABLE';

/** A staff member's records are sealed always (there were never staff records without). */
type SealedPin = StoredPin & { readonly seal: Seal };
type SealedFailures = FailureCount & { readonly seal: Seal };

const zero: FailureCount = { count: 0, lockedUntil: null };

/**
 * Each staff member's PIN, as the manager PIN is kept: scrypt keyed with the keychain's pepper,
 * sealed with the keychain's seal key to the audit entry written with it (which names the
 * member, so a record copied onto another member is not trusted), with the same locks that grow
 * after five wrong PINs, per person. Checks run one at a time, so a burst of guesses cannot all
 * read the same failure count. The keychain marks each member's newest record and count, so an
 * older copy of the rows put back (an old PIN, fewer wrong tries) is not trusted either.
 */
export class StaffPins {
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly journal: Journal,
    private readonly keys: PinKeys,
    private readonly now: () => number,
    private readonly marks: Pick<StaffPinMarks, 'of' | 'remember'>,
    private readonly cost: ScryptCost = PIN_SCRYPT,
  ) {}

  /** Stores a new PIN for a member, audited as `action` with the count of wrong PINs reset. */
  async set(member: StaffRow, pin: string, action: string): Promise<Result<void, StaffPinError>> {
    let keys: { pepper: Buffer; sealKey: Buffer };
    try {
      keys = await this.keys.pinKeysOrMake();
    } catch (error) {
      if (error instanceof SecretStoreUnavailableError)
        return err('KEYCHAIN_UNAVAILABLE', error.message);
      throw error;
    }
    this.write(member, await hashPin(pin, keys.pepper, this.cost), keys.sealKey, action);
    return ok(undefined);
  }

  /**
   * Stores a PIN already hashed with the keychain's pepper (the manager PIN a manager brings
   * along), sealed to this member. Runs inside the caller's transaction.
   */
  adopt(member: StaffRow, stored: StoredPin, action: string): boolean {
    const sealKey = this.keys.pinSealKey();
    if (!sealKey) return false;
    this.write(member, stored, sealKey, action);
    return true;
  }

  private write(member: StaffRow, stored: StoredPin, sealKey: Buffer, action: string): void {
    const entry = this.journal.inTransaction(() => {
      const entry = this.journal.audit('staff', action, null, {
        staff: member.id,
        name: member.name,
      });
      const { v, salt, hash, N, r, p } = stored;
      const seal = sealPin(sealKey, stored, entry);
      this.journal.people.staff.setPin(
        member.id,
        JSON.stringify({ v, salt, hash, N, r, p, seal } satisfies SealedPin),
        this.failuresJson(sealKey, seal, zero, entry),
      );
      return entry;
    });
    this.marks.remember(member.id, { pin: entry.id, failures: entry.id });
  }

  /** Whether the member has a PIN the counter can check. */
  trusted(member: StaffRow): boolean {
    return this.record(member) !== undefined;
  }

  /** Checks a member's PIN for `action`; locked members are refused without looking at it. */
  check(member: StaffRow, pin: string, action: string): Promise<Result<void, StaffPinError>> {
    const result = this.queue.then(() => this.checkNow(member.id, pin, action));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** The lock on a member's PIN, if any (ms since the epoch). */
  lockedUntil(member: StaffRow): number | null {
    const record = this.record(member);
    if (!record) return null;
    const failures = this.failures(member, record);
    return failures.lockedUntil !== null && failures.lockedUntil > this.now()
      ? failures.lockedUntil
      : null;
  }

  private async checkNow(
    id: number,
    pin: string,
    action: string,
  ): Promise<Result<void, StaffPinError>> {
    const member = this.journal.people.staff.get(id);
    if (!this.keys.readable())
      return err('KEYCHAIN_UNAVAILABLE', 'PINs cannot be checked while the keychain is locked.');
    const record = member && this.record(member);
    if (!member || !record)
      return err('PIN_NOT_SET', 'This PIN cannot be checked: a manager must give a new one.');
    const failures = this.failures(member, record);
    if (failures.lockedUntil !== null && failures.lockedUntil > this.now())
      return err('PIN_LOCKED', lockedWords(member.name, failures.lockedUntil - this.now()));
    if (await pinMatches(pin, record.pin, this.keys.pepper())) {
      if (failures.count > 0) this.saveFailures(member, record.pin.seal, zero, failures.entry);
      // A PIN of a lower cost or older salt (one adopted from the manager PIN) is stored again.
      if (needsRehash(record.pin, this.cost)) await this.set(member, pin, 'staff PIN upgraded');
      return ok(undefined);
    }
    const count = failures.count + 1;
    const lock = lockAfter(count);
    const lockedUntil = lock > 0 ? this.now() + lock : null;
    this.journal.inTransaction(() => {
      const entry = this.journal.audit('staff', 'wrong staff PIN', null, {
        staff: member.id,
        name: member.name,
        action,
        failures: count,
        ...(lockedUntil !== null ? { locked: lockWords(lock) } : {}),
      });
      this.saveFailures(member, record.pin.seal, { count, lockedUntil }, entry);
    });
    if (lockedUntil !== null) return err('PIN_LOCKED', lockedWords(member.name, lock));
    const left = FREE_TRIES - count;
    return err(
      'PIN_INCORRECT',
      `Wrong PIN for ${member.name}: ${left} ${left === 1 ? 'try' : 'tries'} left before it locks for 5 minutes.`,
    );
  }

  /** The member's PIN record if its seal holds and its audit entry names this member. */
  private record(member: StaffRow): { pin: SealedPin; entry: AuditRef } | undefined {
    const sealKey = this.keys.pinSealKey();
    const pin = parse<SealedPin>(member.pin);
    if (!pin?.seal || !sealKey) return undefined;
    const entry = this.journal.auditTrail.entry(pin.seal.audit);
    const names = (entry?.detail as { staff?: unknown } | null)?.staff === member.id;
    if (!entry || !names) return undefined;
    // A record older than the newest one this counter wrote for them was put back.
    const newest = this.marks.of(member.id);
    if (newest && entry.id < newest.pin) return undefined;
    const { seal, ...stored } = pin;
    return sealMatches(seal, sealPin(sealKey, stored, entry)) ? { pin, entry } : undefined;
  }

  /** A trusted failure count, or one rebuilt as a lock (never as free guesses). */
  private failures(
    member: StaffRow,
    record: { pin: SealedPin },
  ): FailureCount & { entry: AuditRef } {
    const sealKey = this.keys.pinSealKey()!;
    const stored = parse<SealedFailures>(member.failures);
    const entry = stored?.seal && this.journal.auditTrail.entry(stored.seal.audit);
    const count = stored && { count: stored.count, lockedUntil: stored.lockedUntil };
    // A count older than the newest written for this PIN was put back to win free guesses.
    const newest = this.marks.of(member.id);
    const older = entry && newest?.pin === record.pin.seal.audit && entry.id < newest.failures;
    if (
      stored &&
      entry &&
      count &&
      !older &&
      sealMatches(stored.seal, sealFailures(sealKey, record.pin.seal, count, entry))
    )
      return { ...count, entry };
    const rebuilt = { count: FREE_TRIES, lockedUntil: this.now() + lockAfter(FREE_TRIES) };
    const written = this.journal.inTransaction(() => {
      const audit = this.journal.audit('system', 'staff PIN failure count not trusted', null, {
        staff: member.id,
        name: member.name,
      });
      this.saveFailures(member, record.pin.seal, rebuilt, audit);
      return audit;
    });
    return { ...rebuilt, entry: written };
  }

  private saveFailures(member: StaffRow, pinSeal: Seal, count: FailureCount, entry: AuditRef) {
    this.journal.people.staff.setFailures(
      member.id,
      this.failuresJson(this.keys.pinSealKey()!, pinSeal, count, entry),
    );
    this.marks.remember(member.id, { pin: pinSeal.audit, failures: entry.id });
  }

  private failuresJson(key: Buffer, pinSeal: Seal, count: FailureCount, entry: AuditRef): string {
    const failures = { count: count.count, lockedUntil: count.lockedUntil };
    const seal = sealFailures(key, pinSeal, failures, entry);
    return JSON.stringify({ ...failures, seal } satisfies SealedFailures);
  }
}

function parse<T>(text: string | null): T | undefined {
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

function lockedWords(name: string, ms: number): string {
  return `Too many wrong PINs for ${name}: locked for ${lockWords(ms)} more. A right PIN afterwards ends the count.`;
}
