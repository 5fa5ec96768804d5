import type { Logger } from '../logging/logger';
import type { CounterActivity } from './counter-activity';

/** The update channels a store can follow; pilot stores get pre-releases first. */
export type UpdateChannel = 'stable' | 'pilot';

/** The part of electron-updater's AppUpdater the counter uses (a fake in tests). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  checkForUpdates(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(
    event: 'update-available' | 'update-downloaded',
    listener: (info: { version: string }) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Where updates stand, for Settings → About. */
export type UpdateStatus =
  | { readonly state: 'not configured'; readonly message: string }
  | { readonly state: 'idle' | 'checking' | 'downloading'; readonly message: string }
  | { readonly state: 'ready'; readonly version: string; readonly message: string }
  | { readonly state: 'installing'; readonly version: string; readonly message: string }
  | { readonly state: 'error'; readonly message: string };

/** A manager's "Restart to update" either starts the install or says why not. */
export type RestartAnswer = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** electron-updater's channel files: a stable release also writes beta.yml (pilot stores). */
const CHANNEL_FILES: Record<UpdateChannel, string> = { stable: 'latest', pilot: 'beta' };

export interface UpdateControllerOptions {
  readonly updater: Updater | null;
  readonly activity: CounterActivity;
  readonly log: Logger;
  readonly channel: UpdateChannel;
  /** How often to look for updates (default every 4 hours). */
  readonly checkEveryMs?: number;
  /** While an install waits for an idle counter after a Z report, how often to look again. */
  readonly retryEveryMs?: number;
}

/**
 * Updates at a counter: downloaded in the background, installed only when nothing is open and
 * no sale is on screen, right after the day is closed (Z report), or when a manager chooses
 * "Restart to update" (never with a sale on screen). Never on quit and never mid-sale.
 */
export class UpdateController {
  private status: UpdateStatus;
  private timers: NodeJS.Timeout[] = [];
  private waitingForIdle: NodeJS.Timeout | undefined;

  constructor(private readonly options: UpdateControllerOptions) {
    this.status = options.updater
      ? { state: 'idle', message: 'No update found yet.' }
      : { state: 'not configured', message: 'This build has no update feed.' };
    const updater = options.updater;
    if (!updater) return;
    updater.autoDownload = true;
    // Installing on quit could happen with a payment open: only the moments above install.
    updater.autoInstallOnAppQuit = false;
    this.setChannel(options.channel);
    updater.on('update-available', (info) => {
      this.status = { state: 'downloading', message: `Downloading version ${info.version}.` };
    });
    updater.on('update-downloaded', (info) => {
      this.status = {
        state: 'ready',
        version: info.version,
        message: `Version ${info.version} is ready: it installs after the next day close, or with Restart to update.`,
      };
      options.log.info('update downloaded', { version: info.version });
    });
    updater.on('error', (error) => {
      this.status = { state: 'error', message: `Updates failed: ${error.message}` };
      options.log.warn('update failed', { error: error.message });
    });
  }

  /** Follows a channel; never downgrades (an older app cannot read a newer journal). */
  setChannel(channel: UpdateChannel): void {
    const updater = this.options.updater;
    if (!updater) return;
    updater.channel = CHANNEL_FILES[channel];
    updater.allowPrerelease = channel === 'pilot';
    // electron-updater allows downgrades when a channel is set: turned off again here.
    updater.allowDowngrade = false;
  }

  /** Looks for updates now and then regularly. */
  start(): void {
    if (!this.options.updater) return;
    void this.check();
    const every = setInterval(() => void this.check(), this.options.checkEveryMs ?? 4 * 3600_000);
    every.unref();
    this.timers.push(every);
  }

  stop(): void {
    this.timers.forEach(clearInterval);
    this.timers = [];
    if (this.waitingForIdle) clearInterval(this.waitingForIdle);
    this.waitingForIdle = undefined;
  }

  /** Looks for an update (it downloads by itself when there is one). */
  async check(): Promise<void> {
    const updater = this.options.updater;
    if (!updater || this.status.state === 'ready' || this.status.state === 'installing') return;
    this.status = { state: 'checking', message: 'Looking for updates.' };
    try {
      await updater.checkForUpdates();
      if (this.status.state === 'checking')
        this.status = { state: 'idle', message: 'This is the latest version.' };
    } catch (error) {
      this.status = { state: 'error', message: `Updates failed: ${(error as Error).message}` };
    }
  }

  current(): UpdateStatus {
    return this.status;
  }

  /**
   * The day was closed: a ready update installs now if the counter is idle, or as soon as it
   * becomes idle (a payment still settling, a refund still open).
   */
  dayClosed(): void {
    if (this.status.state !== 'ready' || this.waitingForIdle) return;
    if (this.installIfIdle()) return;
    this.waitingForIdle = setInterval(() => {
      if (this.installIfIdle() && this.waitingForIdle) {
        clearInterval(this.waitingForIdle);
        this.waitingForIdle = undefined;
      }
    }, this.options.retryEveryMs ?? 60_000);
    this.waitingForIdle.unref();
  }

  /** A manager's "Restart to update" (the PIN is checked by the caller). */
  restartToUpdate(): RestartAnswer {
    if (this.status.state !== 'ready')
      return { ok: false, reason: 'No update is ready to install.' };
    const onScreen = this.options.activity.saleOnScreen();
    if (onScreen)
      return { ok: false, reason: `Not during a sale: ${onScreen}. Finish or cancel it first.` };
    this.install('manager');
    return { ok: true };
  }

  private installIfIdle(): boolean {
    const busy = this.options.activity.busyReason();
    if (busy) {
      this.options.log.info('update waits for an idle counter', { busy });
      return false;
    }
    this.install('day closed');
    return true;
  }

  private install(why: string): void {
    if (this.status.state !== 'ready') return;
    const version = this.status.version;
    this.status = { state: 'installing', version, message: `Installing version ${version}.` };
    this.options.log.info('installing update', { version, why });
    // Silent, and the counter starts again by itself (recovery settles anything left open).
    this.options.updater?.quitAndInstall(true, true);
  }
}
