import type { Journal } from '../journal/journal';
import { createLogger } from '../logging/logger';
import type { PinHighWater } from '../secrets/counter-keys';
import type { StoredPin } from './pin-hash';
import { FREE_TRIES, lockAfter, lockWords } from './pin-lockout';
import { sealFailures, sealMatches, sealPin } from './pin-seal';
import type { AuditRef, FailureCount, Seal, SealedFailures, SealedPin } from './pin-seal';

const PIN_KEY = 'manager_pin';
const FAILURES_KEY = 'manager_pin_failures';

/** Audit actions written with a new PIN record: any of them says a PIN was set here. */
export const PIN_WRITTEN_ACTIONS = [
  'manager PIN set',
  'manager PIN reset with the secret key',
  'manager PIN upgraded',
  'manager PIN record sealed',
] as const;

/** What the PIN records need from the keychain (CounterKeys). */
export interface PinKeys {
  /** Whether the keychain could be read (else a missing key proves nothing). */
  readable(): boolean;
  pepper(): Buffer | undefined;
  pinSealKey(): Buffer | undefined;
  pinHighWater(): PinHighWater | undefined;
  /** The pepper and the seal key, made if missing. Throws SecretStoreUnavailableError. */
  pinKeysOrMake(): Promise<{ pepper: Buffer; sealKey: Buffer }>;
  setPinHighWater(mark: PinHighWater): Promise<void>;
}

/** Where the manager PIN stands, as the journal and the keychain tell together. */
export type PinState =
  | { readonly kind: 'none' }
  | { readonly kind: 'keychain-unreadable'; readonly pin: StoredPin | undefined }
  | { readonly kind: 'reset-needed'; readonly why: string }
  /** Written by a version without seals, on a counter that never sealed: sealed at its next check. */
  | { readonly kind: 'unsealed'; readonly pin: StoredPin; readonly failures: FailureCount }
  | { readonly kind: 'sealed'; readonly pin: StoredPin; readonly seal: Seal };

/** The sealed state of a trusted PIN. */
export type SealedState = Extract<PinState, { kind: 'sealed' }>;

/** A failure count of a sealed PIN, with the audit entry it is sealed to. */
export type BoundFailures = FailureCount & { readonly entry: AuditRef };

const log = createLogger('manager');

/**
 * The manager PIN's two rows in the journal (its scrypt record and its failure count), each
 * sealed with an HMAC whose key only the keychain holds, bound to the audit entry written with
 * it; and the keychain's record of the newest ones written. What fails any of this is never
 * trusted: a PIN record then needs a reset with the project's secret key, and a failure count
 * is rebuilt as a lock (never as free guesses).
 */
export class PinRecords {
  private pinEverWritten = false;
  private readonly reported = new Set<string>();

  constructor(
    private readonly journal: Journal,
    private readonly keys: PinKeys,
    private readonly now: () => number,
  ) {}

  /** Where the PIN stands. */
  state(): PinState {
    const text = this.journal.getCounterState(PIN_KEY);
    const pin = text === undefined ? undefined : parsePin(text);
    if (!this.keys.readable()) return { kind: 'keychain-unreadable', pin };
    const sealKey = this.keys.pinSealKey();
    const mark = this.keys.pinHighWater();
    if (text === undefined) {
      const traces = this.keys.pepper() ?? sealKey ?? mark ?? this.pinInAuditLog();
      return traces ? this.resetNeeded("the PIN's record is missing from the journal") : none;
    }
    if (!pin) return this.resetNeeded("the PIN's record is not a PIN record");
    if (pin.v !== 2) return this.resetNeeded('a PIN record without the pepper (version 1)');
    if (!this.keys.pepper()) return this.resetNeeded("the PIN's pepper is not in the keychain");
    if (!pin.seal) {
      if (sealKey || mark) return this.resetNeeded("the PIN's record has no seal");
      return { kind: 'unsealed', pin, failures: this.olderFailures() };
    }
    if (!sealKey) return this.resetNeeded("the key of the PIN's seal is not in the keychain");
    const entry = this.auditRef(pin.seal.audit);
    if (!entry || !sealMatches(pin.seal, sealPin(sealKey, pin, entry)))
      return this.resetNeeded("the PIN's record does not match its seal");
    if (mark && pin.seal.audit < mark.pin)
      return this.resetNeeded("the PIN's record is older than the last one written");
    return { kind: 'sealed', pin, seal: pin.seal };
  }

  /**
   * The failure count of a sealed PIN. One that is missing, fails its seal, belongs to another
   * PIN record, or is older than the last one written (per the keychain) is rebuilt: the count
   * known to the keychain plus one, at least the count that locks, locked from now.
   */
  failures(state: SealedState): BoundFailures {
    const stored = parseFailures(this.journal.getCounterState(FAILURES_KEY));
    if (!stored) return this.rebuild(state, 'it is missing');
    const entry = stored.seal ? this.auditRef(stored.seal.audit) : undefined;
    const expected = entry && sealFailures(this.keys.pinSealKey()!, state.seal, stored, entry);
    if (!entry || !expected || !sealMatches(stored.seal, expected))
      return this.rebuild(state, 'it does not match its seal');
    const mark = this.keys.pinHighWater();
    const olderThanMark = mark?.pin === state.seal.audit && entry.id < mark.failures;
    if (entry.id < state.seal.audit || olderThanMark)
      return this.rebuild(state, 'it is an older copy than the last one written');
    const failures = { count: stored.count, lockedUntil: stored.lockedUntil, entry };
    // A clock set back must not stretch a lock beyond its own length from now: the lock is
    // moved (and saved) to end that long from the clock's new time.
    const longest = lockAfter(failures.count);
    if (failures.lockedUntil !== null && failures.lockedUntil > this.now() + longest) {
      const moved = { ...failures, lockedUntil: this.now() + longest };
      this.rememberLater(this.saveFailures(state, moved, entry));
      return moved;
    }
    return failures;
  }

  /**
   * Writes a PIN record and its failure count (zero for a new PIN), both sealed to `entry`
   * (written by the caller in the same transaction). Returns what to remember once committed.
   */
  savePin(
    pin: StoredPin,
    sealKey: Buffer,
    entry: AuditRef,
    failures: FailureCount = zero,
  ): PinHighWater {
    const seal = sealPin(sealKey, pin, entry);
    const { v, salt, hash, N, r, p } = pin;
    const record: SealedPin = { v, salt, hash, N, r, p, seal };
    this.journal.setCounterState(PIN_KEY, JSON.stringify(record));
    this.pinEverWritten = true;
    return this.saveFailures({ kind: 'sealed', pin, seal }, failures, entry);
  }

  /** Whether the journal has a PIN record at all (trusted or not). */
  hasRecord(): boolean {
    return this.journal.getCounterState(PIN_KEY) !== undefined;
  }

  /** Writes a failure count sealed to `entry`. Returns what to remember once committed. */
  saveFailures(state: SealedState, failures: FailureCount, entry: AuditRef): PinHighWater {
    const count = { count: failures.count, lockedUntil: failures.lockedUntil };
    const seal = sealFailures(this.keys.pinSealKey()!, state.seal, count, entry);
    this.journal.setCounterState(
      FAILURES_KEY,
      JSON.stringify({ ...count, seal } satisfies SealedFailures),
    );
    return { pin: state.seal.audit, failures: entry.id, ...count };
  }

  /**
   * Notes the newest PIN state in the keychain, once the journal holds it. A keychain that
   * refuses is logged: the journal's seals still hold, only an older copy put back into the file
   * (with the audit log cut back to match) would go unnoticed meanwhile.
   */
  remember(mark: PinHighWater): Promise<void> {
    return this.keys.setPinHighWater(mark).catch(notKept);
  }

  /** As remember, without waiting (where the caller cannot: status and rebuilds). */
  private rememberLater(mark: PinHighWater): void {
    this.keys.setPinHighWater(mark).catch(notKept);
  }

  private rebuild(state: SealedState, why: string): BoundFailures {
    const newest = this.keys.pinHighWater();
    const known = newest?.pin === state.seal.audit ? newest.count : 0;
    const count = Math.max(known + 1, FREE_TRIES);
    const lock = lockAfter(count);
    const lockedUntil = this.now() + lock;
    const { entry, mark } = this.journal.inTransaction(() => {
      const written = this.journal.audit('system', 'manager PIN failure count not trusted', null, {
        why,
        failures: count,
        locked: lockWords(lock),
      });
      return { entry: written, mark: this.saveFailures(state, { count, lockedUntil }, written) };
    });
    this.rememberLater(mark);
    log.warn('manager PIN failure count not trusted: manager actions locked', { why, count });
    return { count, lockedUntil, entry };
  }

  /** The failure count written before seals (trusted once, when the PIN is first sealed). */
  private olderFailures(): FailureCount {
    const stored = parseFailures(this.journal.getCounterState(FAILURES_KEY));
    return stored ? { count: stored.count, lockedUntil: stored.lockedUntil } : zero;
  }

  private auditRef(id: number): AuditRef | undefined {
    const entry = Number.isSafeInteger(id) ? this.journal.auditTrail.entry(id) : undefined;
    return entry ? { id: entry.id, hash: entry.hash } : undefined;
  }

  /** Whether the audit log says a PIN record was ever written (remembered once seen). */
  private pinInAuditLog(): boolean {
    this.pinEverWritten ||= this.journal.auditTrail.hasAny(PIN_WRITTEN_ACTIONS);
    return this.pinEverWritten;
  }

  private resetNeeded(why: string): PinState {
    if (!this.reported.has(why)) {
      this.reported.add(why);
      log.warn('the manager PIN cannot be trusted: it must be reset with the secret key', { why });
    }
    return { kind: 'reset-needed', why };
  }
}

const none: PinState = { kind: 'none' };

function notKept(error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  log.warn('the keychain did not keep the newest PIN state', { reason });
}
const zero: FailureCount = { count: 0, lockedUntil: null };

/** A PIN record, if the text is one (scrypt parameters within what a check can afford). */
function parsePin(text: string): SealedPin | undefined {
  try {
    const pin = JSON.parse(text) as SealedPin;
    const base64 = (s: unknown) => typeof s === 'string' && /^[A-Za-z0-9+/]+=*$/.test(s);
    const whole = (n: unknown) => Number.isSafeInteger(n) && (n as number) > 0;
    const costOk = whole(pin.N) && whole(pin.r) && whole(pin.p) && pin.N * pin.r * pin.p <= 2 ** 23;
    return (pin.v === 1 || pin.v === 2) && base64(pin.salt) && base64(pin.hash) && costOk
      ? pin
      : undefined;
  } catch {
    return undefined;
  }
}

function parseFailures(text: string | undefined): SealedFailures | undefined {
  if (text === undefined) return undefined;
  try {
    const failures = JSON.parse(text) as SealedFailures;
    const countOk = Number.isSafeInteger(failures.count) && failures.count >= 0;
    const lockOk = failures.lockedUntil === null || Number.isFinite(failures.lockedUntil);
    return countOk && lockOk ? failures : undefined;
  } catch {
    return undefined;
  }
}
