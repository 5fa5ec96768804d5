import type { StateCreator } from 'zustand';
import { said } from '../../../shared/i18n/said';
import { counter } from '../counter-api';
import type { CounterStore } from './index';

/** The screens only the manager may open (under the manager session). */
export type ManagerView = 'reports' | 'settings';

/**
 * The manager session as this window mirrors it: main holds it (opens it with the PIN, locks it
 * on Lock or when idle) and says when it changes; this slice asks, follows and reports activity.
 */
export interface ManagerSessionSlice {
  /** Follows main's session; returns the unsubscribe function. */
  watchManagerSession(): () => void;
  /** Opens `view`, asking for the manager PIN first when the session is locked. */
  openManagerView(view: ManagerView): void;
  /** Asks for the PIN and opens the session (then runs `then`). */
  unlockManager(then?: () => void): void;
  lockManager(): Promise<void>;
  /** A key or a click while the session is open keeps it open (told to main now and then). */
  noteManagerActivity(): void;
}

/** Whether the manager session is open, as main last said. */
export const selectManagerOpen = (s: CounterStore): boolean => Boolean(s.managerStatus?.session);

/**
 * Whether `view` may be shown: with the session open; Settings also while no PIN can be asked
 * (none set yet, or one that must be reset there), else nobody could ever set one.
 */
export const selectManagerViewOpen =
  (view: ManagerView) =>
  (s: CounterStore): boolean => {
    if (selectManagerOpen(s)) return true;
    const status = s.managerStatus;
    return view === 'settings' && status !== null && (!status.pinSet || status.resetNeeded);
  };

/** Activity is told to main at most this often (the session's idle time is minutes). */
const TOUCH_EVERY_MS = 10_000;
let lastTouch = 0;

export const createManagerSessionSlice: StateCreator<CounterStore, [], [], ManagerSessionSlice> = (
  set,
  get,
) => ({
  watchManagerSession() {
    const off = counter().onManagerChanged((managerStatus) => set({ managerStatus }));
    void get().refreshManagerStatus();
    return off;
  },
  openManagerView(view) {
    const open = () => (view === 'settings' ? get().openSettings() : get().openView(view));
    if (selectManagerViewOpen(view)(get())) open();
    else get().unlockManager(open);
  },
  unlockManager(then) {
    get().askPin(said('manager.unlock.title'), async (pin, staffId) => {
      const result = await counter().unlockManager({ pin, ...(staffId ? { staffId } : {}) });
      if (result.ok) {
        set({ managerStatus: result.value });
        then?.();
      } else void get().refreshManagerStatus();
      return result;
    });
  },
  async lockManager() {
    const result = await counter().lockManager();
    if (result.ok) set({ managerStatus: result.value });
  },
  noteManagerActivity() {
    if (!selectManagerOpen(get())) return;
    const now = Date.now();
    if (now - lastTouch < TOUCH_EVERY_MS) return;
    lastTouch = now;
    void counter()
      .touchManager()
      .then((result) => result.ok && set({ managerStatus: result.value }));
  },
});
