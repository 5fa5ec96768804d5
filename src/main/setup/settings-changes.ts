import { err, ok, type ErrorCode, type Result } from '../../shared/result';
import type { SettingsUpdate } from '../../shared/ipc/contract';
import { CallbackBindError, type CallbackEndpoint } from '../callbacks/callback-endpoint';
import type { GateConnection } from '../gate/gate-connection';
import type { Journal } from '../journal/journal';
import type { ManagerPin } from '../manager/manager-pin';
import { SecretStoreUnavailableError } from '../secrets/secret-store';
import { applyUpdate, URL_FIELDS, type Settings } from '../settings/settings';
import type { SettingsState } from '../settings/settings-state';

/** Fields demo mode keeps as its sandbox set them. */
const DEMO_FIXED = [
  'gateUrl',
  'projectId',
  'secret',
  'paymentPageUrl',
  'customerReturnUrl',
  'successUrl',
  'storeIpAddress',
] as const;

/** What changing the settings needs. */
export interface SettingsChangesDeps {
  readonly mode: 'demo' | 'live';
  readonly state: SettingsState;
  readonly connection: GateConnection;
  readonly endpoint: CallbackEndpoint;
  readonly pin: ManagerPin;
  /** Whether a change may be saved: the PIN typed with it, or the open manager session. */
  readonly authorize: (
    pin: string | undefined,
    action: string,
  ) => Promise<Result<unknown, ErrorCode>>;
  readonly journal: Journal;
  /** Stores the callback relay's broker credentials in the keychain. */
  readonly storeRelayCredentials: (credentials: {
    user: string;
    password: string;
  }) => Promise<void>;
}

/**
 * Changes to the settings, under the manager PIN (a live counter's first setting is the PIN
 * itself: without it anyone at the till could point the counter at another Gate or secret).
 * A change is checked whole before anything is saved; the new callback listener is bound
 * before the settings are saved, so a failure keeps the old one; the secret and the relay's
 * password go to the keychain, never to the settings file; each change is audited.
 */
export class SettingsChanges {
  constructor(private readonly deps: SettingsChangesDeps) {}

  /** Applies a change; resolves with the settings now in use, or why nothing was saved. */
  async apply(change: SettingsUpdate): Promise<Result<Settings, ErrorCode>> {
    const { state, connection, pin, mode } = this.deps;
    if (mode === 'demo' && DEMO_FIXED.some((field) => change[field] !== undefined))
      return err(
        'INVALID_STATE',
        'Demo mode runs against the built-in sandbox: start the app in live mode to change the Gate, project, secret, return pages or store address.',
      );
    // Without the keychain neither the PIN can be checked nor a secret stored: nothing is saved.
    const keychain = connection.keychainStatus();
    if (mode === 'live' && !keychain.available)
      return err('KEYCHAIN_UNAVAILABLE', keychain.message);
    const pinStatus = pin.status();
    if (!pinStatus.set && !pinStatus.resetNeeded)
      return err('PIN_NOT_SET', 'Set a manager PIN first: every setting is saved under it.');
    const allowed = await this.deps.authorize(change.pin, 'change settings');
    if (!allowed.ok) return allowed;
    if (change.relayPassword !== undefined && change.relayUser === undefined)
      return err(
        'INVALID_INPUT',
        'settings:update: relayUser: enter the relay user with its password',
      );
    const next = applyUpdate(state.current, change);
    if (!next.success) {
      const issue = next.error.issues[0];
      return err(
        'INVALID_INPUT',
        `settings:update: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`,
      );
    }
    const bound = await this.bindListener(next.data);
    if (!bound.ok) return bound;
    const before = state.current;
    const kept = await this.keepSecrets(change, next.data, before);
    if (!kept.ok) return kept;
    state.current = next.data;
    if (mode === 'live') state.file.save(state.current);
    const addressChanged = URL_FIELDS.some((field) => before[field] !== state.current[field]);
    if (
      change.secret === undefined &&
      (before.projectId !== state.current.projectId || addressChanged)
    )
      await connection.reload(state.current);
    const changed = Object.keys(change)
      .filter((key) => key !== 'pin')
      .map((key) => (key === 'secret' || key === 'relayPassword' ? `${key} (not logged)` : key));
    // A change of nothing only checked the PIN (the first-run screen does that).
    if (changed.length > 0)
      this.deps.journal.audit('manager', 'settings changed', null, { changed });
    return ok(state.current);
  }

  /** The new listener, bound before anything is saved: a failure keeps the old one. */
  private async bindListener(next: Settings): Promise<Result<void, ErrorCode>> {
    try {
      await this.deps.endpoint.apply(next);
      return ok(undefined);
    } catch (error) {
      if (error instanceof CallbackBindError)
        return err('INVALID_INPUT', `${error.message} The old address stays in use.`);
      throw error;
    }
  }

  /** The secret and the relay's credentials to the keychain; on failure the listener goes back. */
  private async keepSecrets(
    change: SettingsUpdate,
    next: Settings,
    before: Settings,
  ): Promise<Result<void, ErrorCode>> {
    try {
      if (change.secret !== undefined) await this.deps.connection.storeSecret(next, change.secret);
      if (change.relayUser !== undefined)
        await this.deps.storeRelayCredentials({
          user: change.relayUser,
          password: change.relayPassword ?? '',
        });
      return ok(undefined);
    } catch (error) {
      await this.deps.endpoint.apply(before).catch(() => {});
      if (error instanceof SecretStoreUnavailableError)
        return err('KEYCHAIN_UNAVAILABLE', error.message);
      throw error;
    }
  }
}
