import type { StateCreator } from 'zustand';
import type { ChannelResult, RequestOf } from '../../../shared/ipc/contract';
import { ok, type AppError } from '../../../shared/result';
import type { Said } from '../../../shared/i18n/said';
import { counter } from '../counter-api';
import type { SectionKey } from '../settings/settings-sections';
import { asManager } from './as-manager';
import type { CounterStore } from './index';

/** The parts of the cashier window. */
export type View = 'counter' | 'settings' | 'history' | 'reports';

/** How a section's Save ended: saved, or refused by main (a wrong PIN stays in its dialog). */
export type SaveOutcome =
  { readonly saved: true } | { readonly saved: false; readonly error: AppError };

/** Which part of the cashier window is open, and what Settings does. */
export interface UiSlice {
  view: View;
  /** The section of Settings the side list shows. */
  settingsSection: SectionKey;
  /** Opens Settings, at a section when one is named. */
  openSettings(section?: SectionKey): void;
  showSettingsSection(section: SectionKey): void;
  closeSettings(): void;
  /** Opens History or Reports (Settings has its own opener). */
  openView(view: Exclude<View, 'settings'>): void;
  /**
   * Saves one section's change, under the manager PIN when one is set (the dialog titled
   * `title`), and says how it ended through `done`. Called only once the section's fields have
   * been checked. A wrong PIN stays in the PIN dialog; anything else main refuses goes back to
   * the section, which shows it on its field. A cancelled dialog calls nothing: the form stays
   * as typed.
   */
  saveSection(
    update: RequestOf<'settings:update'>,
    title: string,
    done: (outcome: SaveOutcome) => void,
  ): void;
  /** Saves settings the simple way (the printer's section): the PIN dialog shows any refusal. */
  submitSettings(update: RequestOf<'settings:update'>, title: string | Said): void;
  /** Saves settings with a PIN already typed (the first-run screen); returns main's answer. */
  saveSettingsWithPin(
    update: RequestOf<'settings:update'>,
    pin: string,
  ): Promise<ChannelResult<'settings:update'>>;
  setPin(newPin: string, currentPin?: string): Promise<ChannelResult<'manager:set-pin'>>;
  /** Resets a PIN that cannot be checked any more, with the project's secret key as proof. */
  resetPin(secret: string, newPin: string): Promise<ChannelResult<'manager:reset-pin'>>;
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

/** Refusals that belong to the PIN dialog: the PIN was wrong, or too many were. */
const PIN_REFUSALS = new Set(['PIN_INCORRECT', 'PIN_LOCKED']);

export const createUiSlice: StateCreator<CounterStore, [], [], UiSlice> = (set, get) => {
  const apply = async (update: RequestOf<'settings:update'>, pin?: string, staffId?: number) => {
    const who = pin === undefined ? {} : { pin, ...(staffId ? { staffId } : {}) };
    const result = await counter().updateSettings({ ...update, ...who });
    if (result.ok) set({ settings: result.value });
    void get().refreshManagerStatus();
    return result;
  };
  return {
    view: 'counter',
    settingsSection: 'store',
    // A click handler passed straight in hands over its event: only a section's name counts.
    openSettings: (section) =>
      set((s) => ({
        view: 'settings',
        settingsSection: typeof section === 'string' ? section : s.settingsSection,
      })),
    showSettingsSection: (section) => set({ settingsSection: section }),
    closeSettings: () => set({ view: 'counter' }),
    openView: (view) => set({ view, detail: null }),
    saveSection(update, title, done) {
      asManager(get, title, async (pin, staffId) => {
        const result = await apply(update, pin, staffId);
        if (result.ok) done({ saved: true });
        // The PIN dialog's part: a wrong PIN, or a session that locked before any was typed.
        else if (PIN_REFUSALS.has(result.error.code)) return result;
        else if (pin === undefined && result.error.code === 'MANAGER_LOCKED') return result;
        else done({ saved: false, error: result.error });
        // A refusal of the change itself is shown on the form.
        return ok(undefined);
      });
    },
    submitSettings(update, title) {
      asManager(get, title, (pin, staffId) => apply(update, pin, staffId));
    },
    saveSettingsWithPin: (update, pin) => apply(update, pin),
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
      if (result.ok) set({ managerStatus: result.value });
      return result;
    },
    async setPin(newPin, currentPin) {
      const result = await counter().setManagerPin({
        newPin,
        ...(currentPin ? { currentPin } : {}),
      });
      if (result.ok) set({ managerStatus: result.value });
      else void get().refreshManagerStatus();
      return result;
    },
  };
};
