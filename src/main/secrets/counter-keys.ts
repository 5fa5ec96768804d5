import { randomBytes } from 'node:crypto';
import {
  SecretStoreUnavailableError,
  type SecretStore,
  type SecretStoreStatus,
} from './secret-store';

/** The keychain account of the manager PIN's pepper. */
export const PIN_PEPPER_ACCOUNT = 'manager-pin-pepper';
/**
 * The keychain account of the key the PIN's record and its failure count are sealed (MACed)
 * with. A key of its own rather than one derived from the pepper (HKDF): its presence says this
 * counter seals its PIN records, so a record without a seal is taken (and sealed) only on a
 * counter that never had one, from an earlier version. Derived from the pepper, nothing outside
 * the journal would tell such a record from an older copy put back into the file.
 */
export const PIN_SEAL_KEY_ACCOUNT = 'manager-pin-seal-key';
/** The keychain account of the newest PIN state written (see PinHighWater). */
export const PIN_HIGH_WATER_ACCOUNT = 'manager-pin-high-water';
/** The keychain account of the audit log's chain key. */
export const AUDIT_KEY_ACCOUNT = 'audit-chain-key';
/**
 * The keychain account of the id of the first audit entry written after the audit key was made.
 * An item of its own beside the key (not inside it), so that the key's item keeps its format.
 */
export const AUDIT_FIRST_KEYED_ACCOUNT = 'audit-chain-first-keyed-entry';

/** Where the audit log stands, to record where keyed entries start. */
export interface AuditLogPosition {
  /** The id of the first keyed entry, if any. */
  firstKeyedId(): number | undefined;
  /** The id the next entry will get. */
  nextId(): number;
}

/**
 * The newest PIN state the counter wrote, kept in the keychain where whoever edits the journal
 * cannot reach it: a PIN record or failure count sealed with an older audit entry is an older
 * copy put back (with the audit log cut back to match), and is not trusted.
 */
export interface PinHighWater {
  /** The audit entry the PIN's record is sealed with. */
  readonly pin: number;
  /** The audit entry its failure count is sealed with. */
  readonly failures: number;
  readonly count: number;
  readonly lockedUntil: number | null;
}

/**
 * The counter's own keys, kept beside the project secret in the OS keychain (in memory in demo
 * mode), never in the journal: whoever copies or edits the journal file alone can neither guess
 * the manager PIN offline nor rewrite the audit log's chain.
 * - the PIN pepper: made when a manager PIN is first set (so its presence says a PIN existed),
 *   with the key that seals the PIN's records and the newest PIN state written;
 * - the audit key: made the first time the counter runs with a working keychain, with the id of
 *   the first entry written after it (so that a log rewritten without the key is found, even
 *   one with no keyed entry left).
 */
export class CounterKeys {
  private pepperKey: Buffer | undefined;
  private sealKey: Buffer | undefined;
  private highWater: PinHighWater | undefined;
  private auditKeyBytes: Buffer | undefined;
  private auditFirstKeyedId: number | undefined;
  private status: SecretStoreStatus | undefined;

  constructor(
    private readonly store: SecretStore,
    /** The journal's audit log (without it, where keyed entries start is not recorded). */
    private readonly auditLog?: AuditLogPosition,
  ) {}

  /**
   * Reads the keys from the keychain, making the audit key if there is none yet. Never
   * throws: says whether the keychain answered.
   */
  async load(): Promise<SecretStoreStatus> {
    this.status = await this.loadAll();
    return this.status;
  }

  /** Whether the keychain answered at the last load (else a missing key proves nothing). */
  readable(): boolean {
    return this.status?.available === true;
  }

  private async loadAll(): Promise<SecretStoreStatus> {
    const status = await this.store.probe();
    if (!status.available) return status;
    try {
      this.pepperKey = await this.read(PIN_PEPPER_ACCOUNT);
      this.sealKey = await this.read(PIN_SEAL_KEY_ACCOUNT);
      // What this process wrote is the newest, even if the keychain refused to keep it.
      this.highWater ??= readHighWater(await this.store.get(PIN_HIGH_WATER_ACCOUNT));
      const existing = await this.read(AUDIT_KEY_ACCOUNT);
      this.auditKeyBytes = existing ?? (await this.make(AUDIT_KEY_ACCOUNT));
      this.auditFirstKeyedId =
        readEntryId(await this.store.get(AUDIT_FIRST_KEYED_ACCOUNT)) ??
        (await this.recordFirstKeyed(existing === undefined));
      return status;
    } catch (error) {
      if (error instanceof SecretStoreUnavailableError)
        return { available: false, message: error.message };
      throw error;
    }
  }

  /** The PIN pepper, if one was ever made and the keychain was readable. */
  pepper(): Buffer | undefined {
    return this.pepperKey;
  }

  /** The key the PIN's records are sealed with, if one was ever made. */
  pinSealKey(): Buffer | undefined {
    return this.sealKey;
  }

  /**
   * The pepper and the seal key, each made (and stored in the keychain) if there is none.
   * Throws SecretStoreUnavailableError when they cannot be.
   */
  async pinKeysOrMake(): Promise<{ pepper: Buffer; sealKey: Buffer }> {
    this.pepperKey ??= await this.make(PIN_PEPPER_ACCOUNT);
    this.sealKey ??= await this.make(PIN_SEAL_KEY_ACCOUNT);
    return { pepper: this.pepperKey, sealKey: this.sealKey };
  }

  /** The newest PIN state written, as the keychain had it (or as written since). */
  pinHighWater(): PinHighWater | undefined {
    return this.highWater;
  }

  /** Records the newest PIN state: at once here, then in the keychain (which may refuse). */
  async setPinHighWater(mark: PinHighWater): Promise<void> {
    this.highWater = mark;
    await this.store.set(PIN_HIGH_WATER_ACCOUNT, JSON.stringify(mark));
  }

  /** The audit log's chain key, when the keychain was readable. */
  auditKey(): Buffer | undefined {
    return this.auditKeyBytes;
  }

  /** The id of the first audit entry written after the audit key was made, when known. */
  auditFirstKeyed(): number | undefined {
    return this.auditFirstKeyedId;
  }

  /**
   * Records where keyed entries start: a key made just now keys the next entry; a key made by a
   * version that did not record it, the first keyed entry there is.
   */
  private async recordFirstKeyed(keyJustMade: boolean): Promise<number | undefined> {
    if (!this.auditLog) return undefined;
    const id = keyJustMade
      ? this.auditLog.nextId()
      : (this.auditLog.firstKeyedId() ?? this.auditLog.nextId());
    await this.store.set(AUDIT_FIRST_KEYED_ACCOUNT, String(id));
    return id;
  }

  private async read(account: string): Promise<Buffer | undefined> {
    const text = await this.store.get(account);
    return text === undefined ? undefined : Buffer.from(text, 'base64');
  }

  private async make(account: string): Promise<Buffer> {
    const key = randomBytes(32);
    await this.store.set(account, key.toString('base64'));
    return key;
  }
}

/** An entry id as the keychain keeps it (decimal), or undefined. */
export function readEntryId(text: string | undefined): number | undefined {
  if (text === undefined || !/^[1-9]\d{0,15}$/.test(text)) return undefined;
  return Number(text);
}

/** The PIN high-water mark as the keychain keeps it (JSON), or undefined. */
function readHighWater(text: string | undefined): PinHighWater | undefined {
  if (text === undefined) return undefined;
  try {
    const mark = JSON.parse(text) as Partial<PinHighWater>;
    const id = (n: unknown) => Number.isSafeInteger(n) && (n as number) > 0;
    if (!id(mark.pin) || !id(mark.failures) || !Number.isSafeInteger(mark.count)) return undefined;
    if (mark.lockedUntil !== null && !Number.isFinite(mark.lockedUntil)) return undefined;
    return mark as PinHighWater;
  } catch {
    return undefined;
  }
}
