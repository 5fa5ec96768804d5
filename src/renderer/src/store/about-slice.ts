import type { StateCreator } from 'zustand';
import type { AboutView, DisplayList } from '../../../shared/ipc/views';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** Settings → About: version, data and log locations, updates, displays. */
export interface AboutSlice {
  about: AboutView | null;
  displays: DisplayList['displays'];
  aboutError: string | null;
  loadAbout(): Promise<void>;
  openLogsFolder(): Promise<void>;
  checkForUpdates(): Promise<void>;
  /** "Restart to update", under the manager PIN. */
  restartToUpdate(): void;
}

export const createAboutSlice: StateCreator<CounterStore, [], [], AboutSlice> = (set, get) => ({
  about: null,
  displays: [],
  aboutError: null,
  async loadAbout() {
    const [about, displays] = await Promise.all([counter().getAbout(), counter().listDisplays()]);
    set({
      about: about.ok ? about.value : null,
      displays: displays.ok ? displays.value.displays : [],
      aboutError: about.ok ? null : about.error.message,
    });
  },
  async openLogsFolder() {
    const result = await counter().openLogsFolder();
    set({ aboutError: result.ok ? null : result.error.message });
  },
  async checkForUpdates() {
    const result = await counter().checkForUpdates();
    if (result.ok) set({ about: result.value, aboutError: null });
    else set({ aboutError: result.error.message });
  },
  restartToUpdate() {
    get().askPin('Restart to update', async (pin) => {
      const result = await counter().restartToUpdate({ pin });
      if (result.ok) set({ about: result.value, aboutError: null });
      return result;
    });
  },
});
