import { effectiveLimits } from '../../shared/money';
import { err, ok, type ErrorCode, type Result } from '../../shared/result';
import type { ChannelHandlers, SettingsUpdate } from '../../shared/ipc/contract';
import type { SettingsView } from '../../shared/ipc/views';
import type { Journal } from '../journal/journal';
import type { ManagerPin } from '../manager/manager-pin';
import { SecretStoreUnavailableError } from '../secrets/secret-store';
import {
  applyUpdate,
  effectivePurchaseMode,
  settingsProblems,
  storeIpProblems,
  URL_FIELDS,
  type Settings,
  type SettingsFile,
} from '../settings/settings';
import { CallbackBindError, type CallbackEndpoint } from './callback-endpoint';
import type { ConnectionTest } from './connection-test';
import type { GateConnection } from './gate-connection';

/** The settings in use, and where a live counter keeps them. */
export interface SettingsState {
  current: Settings;
  readonly file: SettingsFile;
}

/** What the settings handlers need. */
export interface SettingsHandlerDeps {
  readonly mode: 'demo' | 'live';
  readonly state: SettingsState;
  readonly connection: GateConnection;
  readonly endpoint: CallbackEndpoint;
  readonly pin: ManagerPin;
  readonly journal: Journal;
  readonly connectionTest: ConnectionTest;
  readonly settingsChanged: (view: SettingsView) => void;
  /** Stores the callback relay's broker credentials in the keychain (issue 13). */
  readonly storeRelayCredentials?: (credentials: {
    user: string;
    password: string;
  }) => Promise<void>;
  readonly relayCredentialsConfigured?: () => boolean;
  /** Relayed callbacks held back for a failed signature. */
  readonly relayHeldBack?: () => SettingsView['relayHeldBack'];
}

/** Fields demo mode keeps as its sandbox set them (README: "start the app in live mode"). */
const DEMO_FIXED = [
  'gateUrl',
  'projectId',
  'secret',
  'paymentPageUrl',
  'customerReturnUrl',
  'successUrl',
  'storeIpAddress',
] as const;

/**
 * Settings: the view, changes (under the manager PIN, which a live counter must set before
 * anything else), the connection test, and what stops a live counter from charging.
 */
export function createSettingsHandlers(deps: SettingsHandlerDeps) {
  const { state, connection, connectionTest, pin, mode } = deps;
  const demo = mode === 'demo';

  /** What stops new sales, in plain words (empty when the counter may charge). */
  const problems = (): string[] => {
    const list = settingsProblems(state.current, connection.hasSecret(), mode);
    if (!connection.keychainStatus().available) list.unshift(connection.keychainStatus().message);
    if (!demo && list.length === 0 && !connectionTest.passedFor(state.current))
      list.push(
        'Run "Test connection" in Settings: it must pass once with these settings before the first sale.',
      );
    return list;
  };

  const view = (): SettingsView => {
    const list = problems();
    return {
      mode,
      ...state.current,
      effectivePurchaseMode: effectivePurchaseMode(state.current, demo),
      secretConfigured: connection.hasSecret(),
      ready: list.length === 0,
      problems: list,
      connectionTest: connectionTest.view(state.current),
      pinSet: pin.status().set,
      setupDone: demo || connectionTest.everPassed(),
      purchaseLimits: effectiveLimits(state.current.amountLimits),
      relayCredentialsConfigured: deps.relayCredentialsConfigured?.() ?? false,
      relayHeldBack: deps.relayHeldBack?.() ?? [],
    };
  };

  const update: ChannelHandlers['settings:update'] = async (change: SettingsUpdate) => {
    if (demo && DEMO_FIXED.some((field) => change[field] !== undefined)) {
      return err(
        'INVALID_STATE',
        'Demo mode runs against the built-in sandbox: start the app in live mode to change the Gate, project, secret, return pages or store address.',
      );
    }
    // Without the keychain neither the PIN can be checked nor a secret stored: nothing is saved.
    const keychain = connection.keychainStatus();
    if (!demo && !keychain.available) return err('KEYCHAIN_UNAVAILABLE', keychain.message);
    // A live counter's first setting is its manager PIN: without it, anyone at the till could
    // point the counter at another Gate or secret.
    const pinStatus = pin.status();
    if (!pinStatus.set && !pinStatus.resetNeeded)
      return err('PIN_NOT_SET', 'Set a manager PIN first: every setting is saved under it.');
    const allowed = await pin.check(change.pin ?? '', 'change settings');
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
    // The new listener is bound before anything is saved: a failure keeps the old one.
    try {
      await deps.endpoint.apply(next.data);
    } catch (error) {
      if (error instanceof CallbackBindError)
        return err('INVALID_INPUT', `${error.message} The old address stays in use.`);
      throw error;
    }
    const before = state.current;
    try {
      if (change.secret !== undefined) await connection.storeSecret(next.data, change.secret);
      if (change.relayUser !== undefined)
        await deps.storeRelayCredentials?.({
          user: change.relayUser,
          password: change.relayPassword ?? '',
        });
    } catch (error) {
      // Nothing was saved: the listener goes back to where it was.
      await deps.endpoint.apply(before).catch(() => {});
      if (error instanceof SecretStoreUnavailableError)
        return err('KEYCHAIN_UNAVAILABLE', error.message);
      throw error;
    }
    state.current = next.data;
    if (!demo) state.file.save(state.current);
    const addressChanged = URL_FIELDS.some((field) => before[field] !== state.current[field]);
    if (
      change.secret === undefined &&
      (before.projectId !== state.current.projectId || addressChanged)
    ) {
      await connection.reload(state.current);
    }
    const changed = Object.keys(change)
      .filter((key) => key !== 'pin')
      .map((key) => (key === 'secret' || key === 'relayPassword' ? `${key} (not logged)` : key));
    // A change of nothing only checked the PIN (the first-run screen does that).
    if (changed.length > 0) deps.journal.audit('manager', 'settings changed', null, { changed });
    const settingsView = view();
    deps.settingsChanged(settingsView);
    return ok(settingsView);
  };

  const testConnection: ChannelHandlers['settings:test-connection'] = async () => {
    const result = await connectionTest.run(state.current);
    deps.settingsChanged(view());
    return ok(result);
  };

  /** Why a new sale may not start now. */
  const canCharge = (): Result<void, ErrorCode> => {
    const keychain = connection.keychainStatus();
    if (!keychain.available) return err('KEYCHAIN_UNAVAILABLE', keychain.message);
    const first = problems()[0];
    return first === undefined ? ok(undefined) : err('NOT_CONFIGURED', first);
  };

  /** Why a refund may not be sent now: Gate needs the store's address with it. */
  const canRefund = (): Result<void, ErrorCode> => {
    const keychain = connection.keychainStatus();
    if (!keychain.available) return err('KEYCHAIN_UNAVAILABLE', keychain.message);
    const first = demo ? undefined : storeIpProblems(state.current)[0];
    return first === undefined ? ok(undefined) : err('NOT_CONFIGURED', first);
  };

  return { view, update, testConnection, canCharge, canRefund };
}
