import { ok, type ErrorCode, type Result } from '../../shared/result';
import { said } from '../../shared/i18n/said';
import { fail } from '../i18n/fail';
import { fieldRefusal } from '../settings/field-refusal';
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
    staffId?: number,
  ) => Promise<Result<{ readonly actor: string }, ErrorCode>>;
  /** Whether the counter has staff (its managers then allow changes with their own PINs). */
  readonly hasStaff: () => boolean;
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
    const fixed = DEMO_FIXED.find((field) => change[field] !== undefined);
    if (mode === 'demo' && fixed)
      return fieldRefusal(
        { field: fixed, said: said('settings.error.demoFixed') },
        'INVALID_STATE',
      );
    // Without the keychain neither the PIN can be checked nor a secret stored: nothing is saved.
    const keychain = connection.keychainStatus();
    if (mode === 'live' && !keychain.available)
      return fail('KEYCHAIN_UNAVAILABLE', said('settings.keychain.unavailable'));
    const pinStatus = pin.status();
    if (!pinStatus.set && !pinStatus.resetNeeded && !this.deps.hasStaff())
      return fail('PIN_NOT_SET', said('settings.error.pinNotSet'));
    // The PIN (or an open manager session) first: whoever has neither learns nothing, not even
    // which field is wrong.
    const allowed = await this.deps.authorize(change.pin, 'change settings', change.staffId);
    if (!allowed.ok) return allowed;
    const next = applyUpdate(state.current, change);
    if (!next.ok) return fieldRefusal(next.problem);
    const bound = await this.bindListener(next.value);
    if (!bound.ok) return bound;
    const before = state.current;
    const kept = await this.keepSecrets(change, next.value, before);
    if (!kept.ok) return kept;
    state.current = next.value;
    if (mode === 'live') state.file.save(state.current);
    const addressChanged = URL_FIELDS.some((field) => before[field] !== state.current[field]);
    if (
      change.secret === undefined &&
      (before.projectId !== state.current.projectId || addressChanged)
    )
      await connection.reload(state.current);
    const changed = Object.keys(change)
      .filter((key) => key !== 'pin' && key !== 'staffId')
      .map((key) => (key === 'secret' || key === 'relayPassword' ? `${key} (not logged)` : key));
    // A change of nothing only checked the PIN (the first-run screen does that).
    if (changed.length > 0)
      this.deps.journal.audit(allowed.value.actor, 'settings changed', null, { changed });
    return ok(state.current);
  }

  /** The new listener, bound before anything is saved: a failure keeps the old one. */
  private async bindListener(next: Settings): Promise<Result<void, ErrorCode>> {
    try {
      await this.deps.endpoint.apply(next);
      return ok(undefined);
    } catch (error) {
      if (error instanceof CallbackBindError)
        return fieldRefusal({
          field:
            error.failure === 'inUse' || error.failure === 'needsAdmin'
              ? 'callbackPort'
              : 'callbackBindAddress',
          said: said('settings.problem.bind', { address: error.address, reason: error.failure }),
        });
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
        return fail('KEYCHAIN_UNAVAILABLE', said('settings.keychain.unavailable'));
      throw error;
    }
  }
}
