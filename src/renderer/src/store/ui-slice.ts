import type { StateCreator } from 'zustand';
import type { ChannelResult, RequestOf } from '../../../shared/ipc/contract';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** The parts of the cashier window. */
export type View = 'counter' | 'settings' | 'history' | 'reports';

/** Which part of the cashier window is open, and the Settings form's state. */
export interface UiSlice {
  view: View;
  settingsError: string | null;
  settingsSaved: boolean;
  openSettings(): void;
  closeSettings(): void;
  /** Opens History or Reports (Settings has its own opener). */
  openView(view: Exclude<View, 'settings'>): void;
  saveSettings(update: RequestOf<'settings:update'>): Promise<boolean>;
  setPin(newPin: string, currentPin?: string): Promise<boolean>;
  /** Resets a PIN that cannot be checked any more, with the project's secret key as proof. */
  resetPin(secret: string, newPin: string): Promise<boolean>;
  /** Saves settings, asking for the manager PIN first when one is set. */
  submitSettings(update: RequestOf<'settings:update'>): void;
  /** Saves settings with a PIN already typed (the first-run screen); returns main's answer. */
  saveSettingsWithPin(
    update: RequestOf<'settings:update'>,
    pin: string,
  ): Promise<ChannelResult<'settings:update'>>;
  /** True while Test connection runs. */
  connectionTesting: boolean;
  /** The first-run screen is on (it stays until "Start selling", even once the test passed). */
  firstRunShowing: boolean;
  startFirstRun(): void;
  finishFirstRun(): void;
  /** Runs Test connection; the result arrives with the settings. */
  testConnection(): Promise<ChannelResult<'settings:test-connection'>>;
  /** Tries the relayed callbacks held back for a failed signature again. */
  retryHeldBack(): Promise<ChannelResult<'relay:retry-held-back'>>;
}

export const createUiSlice: StateCreator<CounterStore, [], [], UiSlice> = (set, get) => ({
  view: 'counter',
  settingsError: null,
  settingsSaved: false,
  openSettings: () => set({ view: 'settings', settingsError: null, settingsSaved: false }),
  closeSettings: () => set({ view: 'counter' }),
  openView: (view) => set({ view, detail: null }),
  async saveSettings(update) {
    const result = await counter().updateSettings(update);
    if (result.ok) set({ settings: result.value, settingsError: null, settingsSaved: true });
    else set({ settingsError: result.error.message, settingsSaved: false });
    return result.ok;
  },
  submitSettings(update) {
    if (!get().managerStatus?.pinSet) {
      void get().saveSettings(update);
      return;
    }
    get().askPin('Save settings', async (pin) => {
      const result = await counter().updateSettings({ ...update, pin });
      if (result.ok) set({ settings: result.value, settingsError: null, settingsSaved: true });
      void get().refreshManagerStatus();
      return result;
    });
  },
  async saveSettingsWithPin(update, pin) {
    const result = await counter().updateSettings({ ...update, pin });
    if (result.ok) set({ settings: result.value, settingsError: null });
    void get().refreshManagerStatus();
    return result;
  },
  connectionTesting: false,
  firstRunShowing: false,
  startFirstRun: () => set({ firstRunShowing: true }),
  finishFirstRun: () => set({ firstRunShowing: false, view: 'counter' }),
  async testConnection() {
    set({ connectionTesting: true });
    try {
      const result = await counter().testConnection();
      const settings = await counter().getSettings();
      if (settings.ok) set({ settings: settings.value });
      return result;
    } finally {
      set({ connectionTesting: false });
    }
  },
  async retryHeldBack() {
    const result = await counter().retryHeldBackCallbacks();
    const settings = await counter().getSettings();
    if (settings.ok) set({ settings: settings.value });
    return result;
  },
  async resetPin(secret, newPin) {
    const result = await counter().resetManagerPin({ secret, newPin });
    if (result.ok) set({ managerStatus: result.value, settingsError: null, settingsSaved: true });
    else set({ settingsError: result.error.message, settingsSaved: false });
    return result.ok;
  },
  async setPin(newPin, currentPin) {
    const result = await counter().setManagerPin({ newPin, ...(currentPin ? { currentPin } : {}) });
    if (result.ok) set({ managerStatus: result.value, settingsError: null, settingsSaved: true });
    else set({ settingsError: result.error.message, settingsSaved: false });
    return result.ok;
  },
});
