/** Whether the store can be used, in words a manager can act on. */
export interface SecretStoreStatus {
  readonly available: boolean;
  readonly message: string;
}

/** Thrown when the keychain cannot be read or written: callers fail closed. */
export class SecretStoreUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretStoreUnavailableError';
  }
}

/**
 * Where the project secret lives. Only main holds one; the renderer never sees the secret, only
 * whether it is configured. There is no file-backed implementation on purpose.
 */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory';
  /** Checks that the store answers at all. */
  probe(): Promise<SecretStoreStatus>;
  /** The secret of `account`, or undefined when none is stored. Throws SecretStoreUnavailableError. */
  get(account: string): Promise<string | undefined>;
  /** Stores the secret of `account`. Throws SecretStoreUnavailableError. */
  set(account: string, secret: string): Promise<void>;
  /** Forgets the secret of `account`. */
  delete(account: string): Promise<void>;
}

/** The keychain account of a project's secret. */
export function projectAccount(projectId: number): string {
  return `project-${projectId}`;
}

/** A store that keeps secrets in this process only: demo mode and tests of the callers. */
export function createMemorySecretStore(initial: Record<string, string> = {}): SecretStore {
  const secrets = new Map(Object.entries(initial));
  return {
    kind: 'memory',
    probe: () =>
      Promise.resolve({
        available: true,
        message: 'demo mode: the sandbox secret is kept in memory',
      }),
    get: (account) => Promise.resolve(secrets.get(account)),
    set: (account, secret) => {
      secrets.set(account, secret);
      return Promise.resolve();
    },
    delete: (account) => {
      secrets.delete(account);
      return Promise.resolve();
    },
  };
}
