import type { StateCreator } from 'zustand';
import type { DisplayView } from '../../../shared/ipc/views';
import { counterDisplay } from '../counter-api';
import type { CounterStore } from './index';

/** What the customer display mirrors: the sale on the counter and the merchant's name. */
export interface DisplaySlice {
  display: DisplayView | null;
  /** Loads the display's view and follows it; returns the unsubscribe function. */
  initDisplay(): Promise<() => void>;
}

export const createDisplaySlice: StateCreator<CounterStore, [], [], DisplaySlice> = (set) => ({
  display: null,
  async initDisplay() {
    const api = counterDisplay();
    const off = api.onDisplayChanged((display) => set({ display }));
    const result = await api.getDisplay();
    if (result.ok) set({ display: result.value });
    return off;
  },
});
