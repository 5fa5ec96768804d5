import { z } from 'zod';
import type { SecretStore } from '../secrets/secret-store';

/** The keychain account of the relay's broker credentials (never settings.json). */
export const RELAY_ACCOUNT = 'callback-relay';

/** The broker user and password this counter dials the relay's NATS with. */
export interface RelayCredentials {
  readonly user: string;
  readonly password: string;
}

const storedSchema = z.object({ user: z.string().min(1), password: z.string() });

/** The stored credentials, or undefined when none are. Throws SecretStoreUnavailableError. */
export async function readRelayCredentials(
  store: SecretStore,
): Promise<RelayCredentials | undefined> {
  const text = await store.get(RELAY_ACCOUNT);
  if (text === undefined) return undefined;
  try {
    const parsed = storedSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Stores new credentials (an empty user forgets them: a broker without authentication, such as
 * one on this machine). Throws SecretStoreUnavailableError.
 */
export async function storeRelayCredentials(
  store: SecretStore,
  credentials: RelayCredentials,
): Promise<void> {
  if (credentials.user === '') await store.delete(RELAY_ACCOUNT);
  else await store.set(RELAY_ACCOUNT, JSON.stringify(credentials));
}
