import type { Settings, SettingsFile } from './settings';

/** The settings in use, and where a live counter keeps them. */
export interface SettingsState {
  current: Settings;
  readonly file: SettingsFile;
}
