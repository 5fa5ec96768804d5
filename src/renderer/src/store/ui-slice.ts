import type { StateCreator } from 'zustand';
import type { RequestOf } from '../../../shared/ipc/contract';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** Which part of the cashier window is open, and the Settings form's state. */
export interface UiSlice {
  view: 'counter' | 'settings';
  settingsError: string | null;
  settingsSaved: boolean;
  openSettings(): void;
  closeSettings(): void;
  saveSettings(update: RequestOf<'settings:update'>): Promise<boolean>;
}

export const createUiSlice: StateCreator<CounterStore, [], [], UiSlice> = (set) => ({
  view: 'counter',
  settingsError: null,
  settingsSaved: false,
  openSettings: () => set({ view: 'settings', settingsError: null, settingsSaved: false }),
  closeSettings: () => set({ view: 'counter' }),
  async saveSettings(update) {
    const result = await counter().updateSettings(update);
    if (result.ok) set({ settings: result.value, settingsError: null, settingsSaved: true });
    else set({ settingsError: result.error.message, settingsSaved: false });
    return result.ok;
  },
});
