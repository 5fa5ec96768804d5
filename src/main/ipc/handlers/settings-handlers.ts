import { ok } from '../../../shared/result';
import type { ChannelHandlers } from '../../../shared/ipc/contract';
import type { CounterViews } from '../../app/counter-views';
import type { HeldBackCallbacks } from '../../relay/held-back-callbacks';
import type { ConnectionTest } from '../../setup/connection-test';
import type { SettingsChanges } from '../../setup/settings-changes';
import type { SettingsState } from '../../settings/settings-state';

/** The channels of the Settings screen. */
export type SettingsChannels =
  'settings:get' | 'settings:update' | 'settings:test-connection' | 'relay:retry-held-back';

/** Settings: the view, changes, the connection test, held-back relayed callbacks. */
export function settingsHandlers(deps: {
  readonly state: SettingsState;
  readonly changes: SettingsChanges;
  readonly connectionTest: ConnectionTest;
  readonly heldBack: HeldBackCallbacks;
  readonly views: CounterViews;
  /** The settings (or what depends on them, such as the connection test) changed. */
  readonly changed: () => void;
}): Pick<ChannelHandlers, SettingsChannels> {
  return {
    'settings:get': async () => ok(deps.views.settings()),
    'settings:update': async (change) => {
      const result = await deps.changes.apply(change);
      if (!result.ok) return result;
      deps.changed();
      return ok(deps.views.settings());
    },
    'settings:test-connection': async () => {
      const result = await deps.connectionTest.run(deps.state.current);
      deps.changed();
      return ok(result);
    },
    'relay:retry-held-back': async () => ok(await deps.heldBack.retry()),
  };
}
