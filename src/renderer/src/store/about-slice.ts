import type { StateCreator } from 'zustand';
import type { AboutView, DisplayList } from '../../../shared/ipc/views';
import { saidOfError, type Said } from '../../../shared/i18n/said';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** Settings → About: version, data and log locations, updates, displays. */
export interface AboutSlice {
  about: AboutView | null;
  displays: DisplayList['displays'];
  /** What went wrong with the last About action, as a message. */
  aboutError: Said | null;
  loadAbout(): Promise<void>;
  openLogsFolder(): Promise<void>;
  checkForUpdates(): Promise<void>;
  /** "Restart to update", under the manager PIN (its dialog titled `title`). */
  restartToUpdate(title: string): void;
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
      aboutError: about.ok ? null : saidOfError(about.error),
    });
  },
  async openLogsFolder() {
    const result = await counter().openLogsFolder();
    set({ aboutError: result.ok ? null : saidOfError(result.error) });
  },
  async checkForUpdates() {
    const result = await counter().checkForUpdates();
    if (result.ok) set({ about: result.value, aboutError: null });
    else set({ aboutError: saidOfError(result.error) });
  },
  restartToUpdate(title) {
    get().askPin(title, async (pin, staffId) => {
      const result = await counter().restartToUpdate({ pin, ...(staffId ? { staffId } : {}) });
      if (result.ok) set({ about: result.value, aboutError: null });
      return result;
    });
  },
});
