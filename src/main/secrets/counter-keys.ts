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
 * The counter's own keys, kept beside the project secret in the OS keychain (in memory in demo
 * mode), never in the journal: whoever copies or edits the journal file alone can neither guess
 * the manager PIN offline nor rewrite the audit log's chain.
 * - the PIN pepper: made when a manager PIN is first set (so its presence says a PIN existed);
 * - the audit key: made the first time the counter runs with a working keychain.
 */
export class CounterKeys {
  private pepperKey: Buffer | undefined;
  private auditKeyBytes: Buffer | undefined;

  constructor(private readonly store: SecretStore) {}

  /**
   * Reads both keys from the keychain, making the audit key if there is none yet. Never
   * throws: says whether the keychain answered.
   */
  async load(): Promise<SecretStoreStatus> {
    const status = await this.store.probe();
    if (!status.available) return status;
    try {
      this.pepperKey = await this.read(PIN_PEPPER_ACCOUNT);
      this.auditKeyBytes =
        (await this.read(AUDIT_KEY_ACCOUNT)) ?? (await this.make(AUDIT_KEY_ACCOUNT));
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
