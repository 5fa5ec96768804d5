import type { EventEmitter } from 'node:events';
import type { ChannelHandlers } from '../../shared/ipc/contract';
import type {
  DisplayView,
  ManagerStatus,
  ShiftState,
  PaymentView,
  SessionView,
  SettingsView,
} from '../../shared/ipc/views';
import type { PrintStatusView } from '../../shared/printing/print-views';
import type { InboxLimits } from '../journal/callback-inbox';
import type { Journal } from '../journal/journal';
import type { ManagerHolder, SessionErrorCode } from '../manager/manager-session';
import type { Result } from '../../shared/result';
import type { ScryptCost } from '../manager/pin-hash';
import type { PaymentService, SaleStep } from '../payments/payment-service';
import type { PollSchedule } from '../payments/status-poll-schedule';
import type { PrintQueue } from '../printing/print-queue';
import type { TransportOptions } from '../printing/transports';
import type { RelayLinkDeps } from '../relay/relay-link';
import type { SecretStore } from '../secrets/secret-store';
import type { Settings } from '../settings/settings';
import type { CounterStaff } from './counter-staff';
import type { DemoOptions, Sandbox } from './demo-mode';

/** How to build a counter. */
export interface CounterConfig extends CounterTuning {
  /** Folder of the journal and the settings file. */
  readonly dataDir: string;
  readonly mode: 'demo' | 'live';
  /** Where the project secret lives: the keytar store live; demo mode keeps it in memory. */
  readonly secretStore?: SecretStore;
  readonly shell?: 'electron' | 'browser' | 'headless';
  readonly version?: string;
  /** The operating system's language (Electron's app.getLocale()); the browser shell has none. */
  readonly systemLocale?: string;
  readonly demo?: DemoOptions;
  /** Settings to force over the stored ones (tests: fixed callback port, short threshold). */
  readonly settingsOverrides?: Partial<Settings>;
  /** Receipt printing: the Electron shell's driver printer; tests' shorter network timeouts. */
  readonly printing?: TransportOptions;
}

/** What tests change about a counter's timing, and where they stop or watch it. */
export interface CounterTuning {
  readonly pollSchedule?: Partial<Omit<PollSchedule, 'thresholdMs'>>;
  readonly gateTimeoutMs?: number;
  /** How long after a sale Gate's "not found" still means "not yet" (default 60 s). */
  readonly notFoundGraceMs?: number;
  /** How long Test connection waits for Gate and for the callback probe (10 s by default). */
  readonly connectionTestTimeoutMs?: number;
  /** Status polling interval of Payment Page payments (5 s by default). */
  readonly paymentPagePollMs?: number;
  /** Limits of the callback inbox (unverified bodies kept, their age). */
  readonly inboxLimits?: InboxLimits;
  /** Unverified callbacks recorded per source address and minute (30). */
  readonly unverifiedPerMinute?: number;
  /** How long the manager session stays open without activity (3 minutes by default). */
  readonly managerIdleMs?: number;
  /** scrypt's cost for new manager PINs (2^17 by default; tests lower it to run fast). */
  readonly pinCost?: ScryptCost;
  /** Pauses between checks of an unavailable keychain. */
  readonly keychainRetryMs?: readonly number[];
  /** Called at each step of a sale (crash tests stop the process there). */
  readonly onStep?: (step: SaleStep, paymentId: string) => void;
  /** The relay consumer's ack wait and retry pause, and a hook after each intake. */
  readonly relay?: RelayLinkDeps['tuning'];
}

/** Events for the windows, already as views. */
export interface CounterEvents {
  'payments:updated': [PaymentView];
  'payments:late': [PaymentView];
  'session:changed': [SessionView];
  'settings:changed': [SettingsView];
  'display:changed': [DisplayView];
  'printing:changed': [PrintStatusView];
  'manager:changed': [ManagerStatus];
  'shift:changed': [ShiftState];
}

/** A running counter: the IPC handlers, the events, and a way to stop. */
export interface Counter {
  readonly handlers: ChannelHandlers;
  readonly events: EventEmitter<CounterEvents>;
  readonly mode: 'demo' | 'live';
  /** The embedded sandbox in demo mode. */
  readonly sandbox?: Sandbox;
  /** Where the callback listener listens. */
  callbackUrl(): string | undefined;
  readonly service: PaymentService;
  readonly journal: Journal;
  /** The stored settings as they are now. */
  settings(): Settings;
  /** The payment on the counter's screens, if any. */
  activePaymentId(): string | undefined;
  /**
   * Checks a manager's PIN (with its lockout) for an action named in the audit log: the manager
   * picked by staff id on a counter with staff, else the counter's one manager PIN.
   */
  authorizeManager(
    pin: string,
    action: string,
    staffId?: number,
  ): Promise<Result<ManagerHolder, SessionErrorCode>>;
  /** The receipt printer's queue. */
  readonly printQueue: PrintQueue;
  /** Staff, shifts, the role rules and the reports by person and shift. */
  readonly staff: CounterStaff;
  close(): Promise<void>;
}
