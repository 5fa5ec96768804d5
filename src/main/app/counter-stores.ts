import { join } from 'node:path';
import { GateConnection } from '../gate/gate-connection';
import { Journal } from '../journal/journal';
import { backupBeforeMigration, discardEarlierBackups } from '../journal/journal-backup';
import { createLogger } from '../logging/logger';
import { ManagerPin } from '../manager/manager-pin';
import { CounterKeys } from '../secrets/counter-keys';
import { StaffPinMarks } from '../staff/staff-pin-marks';
import { StaffPins } from '../staff/staff-pins';
import {
  createMemorySecretStore,
  projectAccount,
  type SecretStore,
  type SecretStoreStatus,
} from '../secrets/secret-store';
import { DEFAULT_SETTINGS, SettingsFile } from '../settings/settings';
import type { SettingsState } from '../settings/settings-state';
import type { CounterConfig } from './counter-config';
import { DEMO_MANAGER_PIN, startDemo, type DemoSetup } from './demo-mode';

const log = createLogger('app');

/** What a counter keeps: settings, journal, the keychain's secret and keys, the manager PIN. */
export interface CounterStores {
  readonly mode: 'demo' | 'live';
  /** The embedded sandbox and its settings, in demo mode. */
  readonly demo: DemoSetup | undefined;
  readonly secrets: SecretStore;
  readonly state: SettingsState;
  readonly journal: Journal;
  /** The project secret and the Gate client built from it. */
  readonly connection: GateConnection;
  readonly keys: CounterKeys;
  /** The one manager PIN of a counter from before staff (until it becomes "Manager"'s). */
  readonly pin: ManagerPin;
  /** Each staff member's own PIN. */
  readonly staffPins: StaffPins;
  /** Whether the keychain answered (its keys loaded); updated when it comes back. */
  keychain: SecretStoreStatus;
  /** Forgets the journal backups of earlier migrations (once the counter has started). */
  discardBackups(): void;
}

/**
 * Opens what the counter keeps, in the order each needs the last: the secret store (memory in
 * demo mode), the settings, the journal (backed up before a migration), the Gate connection
 * with the secret, the counter's keys, the manager PIN (2468 in demo mode).
 */
export async function openStores(config: CounterConfig): Promise<CounterStores> {
  const demo = config.mode === 'demo' ? await startDemo(config.demo) : undefined;
  const secrets =
    demo !== undefined
      ? createMemorySecretStore({ [projectAccount(demo.settings.projectId!)]: demo.secret })
      : config.secretStore;
  if (!secrets) throw new Error('live mode needs a secret store (the OS keychain)');

  const file = new SettingsFile(join(config.dataDir, 'settings.json'));
  const state: SettingsState = {
    current: { ...(demo?.settings ?? file.load(DEFAULT_SETTINGS)), ...config.settingsOverrides },
    file,
  };
  const journalPath = join(config.dataDir, 'journal.sqlite');
  const backups = await backupBeforeMigration(journalPath);
  if (backups.made) log.info('journal backed up before its migration', { backup: backups.made });
  const journal = new Journal(journalPath, config.inboxLimits);
  const connection = new GateConnection(secrets, config.gateTimeoutMs);
  await connection.reload(state.current);

  const keys = new CounterKeys(secrets, journal.auditTrail);
  const keychain = await keys.load();
  journal.setAuditKey(keys.auditKey());
  const pin = new ManagerPin(journal, keys, {
    mode: config.mode,
    ...(config.pinCost ? { cost: config.pinCost } : {}),
  });
  await pin.sealOlderRecord();
  const staffMarks = new StaffPinMarks(secrets);
  if (keychain.available) await staffMarks.load();
  // Demo mode needs no setup: its manager PIN starts as 2468.
  if (demo && !pin.status().set) await pin.set(DEMO_MANAGER_PIN, undefined, 'system');
  return {
    mode: config.mode,
    demo,
    secrets,
    state,
    journal,
    connection,
    keys,
    pin,
    staffPins: new StaffPins(journal, keys, Date.now, staffMarks, config.pinCost),
    keychain,
    discardBackups: () => discardEarlierBackups(backups),
  };
}
