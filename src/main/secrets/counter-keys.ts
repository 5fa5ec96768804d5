import { randomBytes } from 'node:crypto';
import {
  SecretStoreUnavailableError,
  type SecretStore,
  type SecretStoreStatus,
} from './secret-store';

/** The keychain account of the manager PIN's pepper. */
export const PIN_PEPPER_ACCOUNT = 'manager-pin-pepper';
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
 * The counter's own keys, kept beside the project secret in the OS keychain (in memory in demo
 * mode), never in the journal: whoever copies or edits the journal file alone can neither guess
 * the manager PIN offline nor rewrite the audit log's chain.
 * - the PIN pepper: made when a manager PIN is first set (so its presence says a PIN existed);
 * - the audit key: made the first time the counter runs with a working keychain, with the id of
 *   the first entry written after it (so that a log rewritten without the key is found, even
 *   one with no keyed entry left).
 */
export class CounterKeys {
  private pepperKey: Buffer | undefined;
  private auditKeyBytes: Buffer | undefined;
  private auditFirstKeyedId: number | undefined;

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
    const status = await this.store.probe();
    if (!status.available) return status;
    try {
      this.pepperKey = await this.read(PIN_PEPPER_ACCOUNT);
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

  /** The pepper, made (and stored in the keychain) if there is none. Throws when it cannot be. */
  async pepperOrMake(): Promise<Buffer> {
    this.pepperKey ??= await this.make(PIN_PEPPER_ACCOUNT);
    return this.pepperKey;
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
