import {
  SecretStoreUnavailableError,
  type SecretStore,
  type SecretStoreStatus,
} from './secret-store';

import type * as KeytarModule from 'keytar';

type Keytar = typeof KeytarModule;

/** The keychain service name under which the app stores its secrets. */
export const KEYCHAIN_SERVICE = 'alipay-counter';

const ADVICE =
  'Live payments stay disabled until it works; the secret is never stored anywhere else.';

function unavailable(reason: string): SecretStoreUnavailableError {
  return new SecretStoreUnavailableError(
    `The system keychain is not available (${reason}). ${ADVICE}`,
  );
}

/**
 * The OS keychain through keytar: Keychain on macOS, Credential Manager on Windows, the Secret
 * Service (GNOME Keyring, KWallet) on Linux. The only module that imports keytar. keytar is
 * loaded on first use, so a missing native module or keychain fails closed with a message
 * instead of stopping the app.
 */
export function createKeytarSecretStore(service = KEYCHAIN_SERVICE): SecretStore {
  let loaded: Promise<Keytar> | undefined;
  const keytar = (): Promise<Keytar> => {
    loaded ??= import('keytar').then((m) => ((m as { default?: Keytar }).default ?? m) as Keytar);
    return loaded.catch((error: Error) => {
      loaded = undefined;
      throw unavailable(`keytar could not be loaded: ${error.message}`);
    });
  };
  const call = async <T>(what: (k: Keytar) => Promise<T>): Promise<T> => {
    const k = await keytar();
    try {
      return await what(k);
    } catch (error) {
      throw unavailable(firstLine((error as Error).message));
    }
  };
  return {
    kind: 'keychain',
    async probe(): Promise<SecretStoreStatus> {
      try {
        await call((k) => k.findCredentials(service));
        return { available: true, message: 'The system keychain holds the project secret.' };
      } catch (error) {
        return { available: false, message: (error as Error).message };
      }
    },
    get: (account) => call(async (k) => (await k.getPassword(service, account)) ?? undefined),
    set: (account, secret) => call((k) => k.setPassword(service, account, secret)),
    delete: (account) => call(async (k) => void (await k.deletePassword(service, account))),
  };
}

function firstLine(text: string): string {
  return text.split('\n')[0]!.trim() || 'no reason given';
}
