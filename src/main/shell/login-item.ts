import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../logging/logger';

/**
 * Whether the app starts when the user logs in: a live counter's setting (on by default), never
 * in demo mode, and never from a checkout (that would register the bare Electron binary).
 */
export function opensAtLogin(options: {
  readonly mode: 'demo' | 'live';
  readonly packaged: boolean;
  readonly startAtLogin: boolean;
}): boolean {
  return options.mode === 'live' && options.packaged && options.startAtLogin;
}

/** What the operating system says of the app's login item (Electron's LoginItemSettings). */
export interface LoginItemState {
  readonly openAtLogin: boolean;
  /** macOS 13 and later: `requires-approval` once someone turned it off in System Settings. */
  readonly status?: string;
  /** Windows: the Run entries that start this executable; `enabled` false once turned off. */
  readonly launchItems?: ReadonlyArray<{ readonly name: string; readonly enabled: boolean }>;
}

/** The part of Electron's app that reads and writes the login item. */
export interface LoginItemApi {
  getLoginItemSettings(): LoginItemState;
  setLoginItemSettings(settings: { openAtLogin: boolean; name?: string }): void;
}

export interface LoginItemOptions {
  readonly api: LoginItemApi;
  /** The entry's name in Windows' Run key (and Task Manager's Startup list). */
  readonly name: string;
  /** Remembers that this app registered the entry, to tell a removal from outside. */
  readonly memoryFile: string;
  readonly log: Logger;
}

/** What applying the setting did. */
export type LoginItemChange = 'registered' | 'removed' | 'unchanged' | 'left off';

function remembered(file: string): boolean {
  try {
    return (JSON.parse(readFileSync(file, 'utf8')) as { registered?: unknown }).registered === true;
  } catch {
    return false;
  }
}

function remember(file: string, registered: boolean): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ registered }));
  } catch {
    // Without the note, a later removal from outside looks like a fresh install: re-registered.
  }
}

/**
 * Makes the login item follow the setting. At start, an entry someone turned off outside the
 * app (Task Manager or Settings → Apps → Startup on Windows, System Settings → Login Items on
 * macOS, or removed) stays off: an administrator's choice is never undone by the app. Only a
 * manager changing the setting in the app turns it on again.
 */
export function applyLoginItem(
  options: LoginItemOptions,
  wanted: boolean,
  cause: 'start' | 'setting changed',
): LoginItemChange {
  const { api, name, memoryFile, log } = options;
  const state = api.getLoginItemSettings();
  const items = state.launchItems ?? [];
  const approvalNeeded = state.status === 'requires-approval';
  const registered = state.openAtLogin || items.length > 0 || approvalNeeded;
  const turnedOff = approvalNeeded || items.some((item) => !item.enabled);
  if (!wanted) {
    remember(memoryFile, false);
    if (!registered) return 'unchanged';
    // Every entry that starts this executable, also one an older version named differently.
    const names = items.length > 0 ? items.map((item) => item.name) : [name];
    for (const entry of names) api.setLoginItemSettings({ openAtLogin: false, name: entry });
    return 'removed';
  }
  if (registered && !turnedOff) {
    remember(memoryFile, true);
    return 'unchanged';
  }
  const removedOutside = !registered && remembered(memoryFile);
  if (cause === 'start' && (turnedOff || removedOutside)) {
    log.warn('start at login was turned off outside the app: left off', {
      how: turnedOff ? 'disabled' : 'removed',
    });
    return 'left off';
  }
  api.setLoginItemSettings({ openAtLogin: true, name });
  remember(memoryFile, true);
  return 'registered';
}
