import { createLogger } from '../logging/logger';
import type { SecretStore } from '../secrets/secret-store';

const log = createLogger('staff');

/** The keychain account of each staff member's newest PIN state (see StaffPinMark). */
export const STAFF_PIN_MARKS_ACCOUNT = 'staff-pin-high-water';

/**
 * A staff member's newest PIN state, as audit entry ids: the one their PIN record is sealed
 * with, and the one their failure count is sealed with. The journal's rows are sealed, but an
 * older copy of them is sealed too; these marks in the keychain tell the newest from an older
 * copy put back to win a new PIN or free guesses.
 */
export interface StaffPinMark {
  readonly pin: number;
  readonly failures: number;
}

/**
 * The marks of every member, read once from the keychain and written back after each change.
 * Writes go one after another so that an older map never lands after a newer one; a keychain
 * that refuses one is logged and the counter goes on with what it holds in memory.
 */
export class StaffPinMarks {
  private marks = new Map<number, StaffPinMark>();
  private loaded = false;
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly store: SecretStore) {}

  /** Reads the marks (a keychain without them, or with a damaged entry, has none). */
  async load(): Promise<void> {
    const read = parseMarks(await this.store.get(STAFF_PIN_MARKS_ACCOUNT));
    // What this process wrote already is the newest.
    for (const [id, mark] of read) if (!this.marks.has(id)) this.marks.set(id, mark);
    this.loaded = true;
  }

  /** A member's newest PIN state, when known. */
  of(staffId: number): StaffPinMark | undefined {
    return this.marks.get(staffId);
  }

  /** Records a member's newest PIN state: at once here, then in the keychain (see `written`). */
  remember(staffId: number, mark: StaffPinMark): void {
    this.marks.set(staffId, mark);
    this.writes = this.writes
      // Other members' marks the keychain holds are kept (a counter that started without it).
      .then(() => (this.loaded ? undefined : this.load()))
      .then(() => this.store.set(STAFF_PIN_MARKS_ACCOUNT, JSON.stringify(this.snapshot())))
      .catch((error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        log.warn('the keychain did not keep the newest staff PIN state', { reason });
      });
  }

  private snapshot(): Record<number, StaffPinMark> {
    return Object.fromEntries(this.marks);
  }

  /** Resolves once every mark remembered so far reached the keychain (or was refused). */
  written(): Promise<void> {
    return this.writes;
  }
}

/** The marks as the keychain keeps them (JSON by member id); anything malformed is left out. */
function parseMarks(text: string | undefined): Map<number, StaffPinMark> {
  const marks = new Map<number, StaffPinMark>();
  if (text === undefined) return marks;
  try {
    const entries = Object.entries(JSON.parse(text) as Record<string, Partial<StaffPinMark>>);
    const id = (n: unknown) => Number.isSafeInteger(n) && (n as number) > 0;
    for (const [key, mark] of entries)
      if (id(Number(key)) && id(mark.pin) && id(mark.failures))
        marks.set(Number(key), { pin: mark.pin!, failures: mark.failures! });
  } catch {
    log.warn('the staff PIN marks in the keychain could not be read');
  }
  return marks;
}
