import { ok, type ErrorCode, type Result } from '../../shared/result';
import { said, type Said } from '../../shared/i18n/said';
import type { GateConnection } from '../gate/gate-connection';
import { fail } from '../i18n/fail';
import { settingsProblems, storeIpProblems } from '../settings/settings';
import type { SettingsState } from '../settings/settings-state';
import type { ConnectionTest } from './connection-test';

/**
 * Whether this counter may take payments now, and if not why, as messages: its settings, its
 * keychain, and (live) a passed connection test with the settings in use.
 */
export class CounterReadiness {
  constructor(
    private readonly deps: {
      readonly mode: 'demo' | 'live';
      readonly state: SettingsState;
      readonly connection: GateConnection;
      readonly connectionTest: ConnectionTest;
    },
  ) {}

  /** What stops new sales (empty when the counter may charge). */
  problems(): Said[] {
    const { state, connection, connectionTest, mode } = this.deps;
    const list = settingsProblems(state.current, connection.hasSecret(), mode);
    if (!connection.keychainStatus().available) list.unshift(said('settings.keychain.unavailable'));
    if (mode === 'live' && list.length === 0 && !connectionTest.passedFor(state.current))
      list.push(said('settings.problem.live.testFirst'));
    return list;
  }

  /** A live counter's first run is done once a connection test has passed. */
  setupDone(): boolean {
    return this.deps.mode === 'demo' || this.deps.connectionTest.everPassed();
  }

  /** Why a new sale may not start now. */
  canCharge(): Result<void, ErrorCode> {
    if (!this.deps.connection.keychainStatus().available)
      return fail('KEYCHAIN_UNAVAILABLE', said('settings.keychain.unavailable'));
    const first = this.problems()[0];
    return first === undefined ? ok(undefined) : fail('NOT_CONFIGURED', first);
  }

  /** Why a refund may not be sent now: Gate needs the store's address with it. */
  canRefund(): Result<void, ErrorCode> {
    if (!this.deps.connection.keychainStatus().available)
      return fail('KEYCHAIN_UNAVAILABLE', said('settings.keychain.unavailable'));
    const first =
      this.deps.mode === 'demo' ? undefined : storeIpProblems(this.deps.state.current)[0];
    return first === undefined ? ok(undefined) : fail('NOT_CONFIGURED', first);
  }
}
