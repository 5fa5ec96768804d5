import { effectiveLimits } from '../../shared/money';
import { said } from '../../shared/i18n/said';
import type {
  AppInfo,
  DisplayView,
  PaymentView,
  SessionView,
  SettingsView,
} from '../../shared/ipc/views';
import type { CounterHealth } from '../counter/counter-health';
import type { CounterSession } from '../counter/counter-session';
import type { GateConnection } from '../gate/gate-connection';
import { toView } from '../journal/payment-record';
import type { ManagerPin } from '../manager/manager-pin';
import type { PaymentService } from '../payments/payment-service';
import type { HeldBackCallbacks } from '../relay/held-back-callbacks';
import type { RelayLink } from '../relay/relay-link';
import type { ConnectionTest } from '../setup/connection-test';
import type { CounterReadiness } from '../setup/counter-readiness';
import { effectivePurchaseMode } from '../settings/settings';
import type { SettingsState } from '../settings/settings-state';

/** What the screens' views are made of. */
export interface ViewSources {
  readonly mode: 'demo' | 'live';
  readonly shell: 'electron' | 'browser';
  readonly version: string;
  readonly systemLocale: string | null;
  readonly state: SettingsState;
  readonly payments: PaymentService;
  readonly session: CounterSession;
  readonly health: CounterHealth;
  readonly relay: RelayLink;
  readonly heldBack: HeldBackCallbacks;
  readonly connection: GateConnection;
  readonly connectionTest: ConnectionTest;
  readonly readiness: CounterReadiness;
  readonly pin: ManagerPin;
  /** Demo mode only: the page a phone opens to pay a sale (see demo-mode.ts). */
  readonly demoPayPage?: (payment: PaymentView) => string | null;
}

/** The views the screens are sent: the counter's state put into the contract's shapes. */
export interface CounterViews {
  /** The cashier's screen: the sale on it, late payments, banners, the relay's link. */
  session(): SessionView;
  /** The customer display: the sale on the counter and the merchant's name. */
  display(): DisplayView;
  settings(): SettingsView;
  appInfo(): AppInfo;
}

/** Builds the views from the counter's services; nothing here changes anything. */
export function counterViews(sources: ViewSources): CounterViews {
  const { state, payments, session } = sources;
  const active = () => {
    const activeId = session.activeId();
    const record = activeId ? payments.get(activeId) : undefined;
    return record ? toView(record) : null;
  };
  return {
    session: () => {
      const onScreen = active();
      const { demoPayPage } = sources;
      return {
        active: onScreen,
        lateAlerts: payments.openLateAlerts().map(toView),
        banners: sources.health.list(),
        relay: sources.relay.status() ?? null,
        ...(demoPayPage ? { demoPayUrl: onScreen ? demoPayPage(onScreen) : null } : {}),
      };
    },
    display: () => ({
      active: active(),
      merchantName: state.current.merchantName,
      locale: state.current.customerLanguage,
    }),
    settings: () => {
      const problems = sources.readiness.problems();
      return {
        mode: sources.mode,
        ...state.current,
        effectivePurchaseMode: effectivePurchaseMode(state.current, sources.mode === 'demo'),
        secretConfigured: sources.connection.hasSecret(),
        ready: problems.length === 0,
        problems,
        connectionTest: sources.connectionTest.view(state.current),
        pinSet: sources.pin.status().set,
        setupDone: sources.readiness.setupDone(),
        purchaseLimits: effectiveLimits(state.current.amountLimits),
        relayCredentialsConfigured: sources.relay.credentialsConfigured(),
        // Held back for one reason only: the signature kept failing.
        relayHeldBack: sources.heldBack
          .list()
          .map((entry) => ({ ...entry, reason: said('settings.relay.heldBackReason.signature') })),
      };
    },
    appInfo: () => ({
      version: sources.version,
      mode: sources.mode,
      shell: sources.shell,
      keychain: keychainView(sources.connection.keychainStatus(), sources.mode),
      systemLocale: sources.systemLocale,
    }),
  };
}

/** The keychain's state for people: our sentence, the system's own words only as a detail. */
function keychainView(
  status: { available: boolean; message: string },
  mode: 'demo' | 'live',
): AppInfo['keychain'] {
  if (mode === 'demo')
    return { available: status.available, message: said('settings.keychain.demo') };
  return status.available
    ? { available: true, message: said('settings.keychain.available') }
    : { available: false, message: said('settings.keychain.unavailable'), detail: status.message };
}
