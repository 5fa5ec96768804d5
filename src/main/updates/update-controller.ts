import { said, type Said } from '../../shared/i18n/said';
import type { Logger } from '../logging/logger';
import type { CounterActivity } from './counter-activity';

/** The update channels a store can follow; pilot stores get pre-releases first. */
export type UpdateChannel = 'stable' | 'pilot';

/** What a check found, as electron-updater's UpdateCheckResult says it (null: no check ran). */
export interface UpdateCheck {
  readonly isUpdateAvailable?: boolean;
  readonly updateInfo?: { readonly version: string };
}

/** The part of electron-updater's AppUpdater the counter uses (a fake in tests). */
export interface Updater {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowPrerelease: boolean;
  allowDowngrade: boolean;
  channel: string | null;
  /** Rejects when the check fails, after emitting `error` with the same error. */
  checkForUpdates(): Promise<UpdateCheck | null>;
  /** Rejects when the download fails (checksum, publisher, disk, network), after `error`. */
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void;
  on(
    event: 'update-available' | 'update-downloaded',
    listener: (info: { version: string }) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
}

/** Where updates stand, for Settings → About: a message, and a failure's own words apart. */
export type UpdateStatus =
  | { readonly state: 'not configured'; readonly message: Said }
  | { readonly state: 'idle' | 'checking' | 'downloading'; readonly message: Said }
  | { readonly state: 'ready'; readonly version: string; readonly message: Said }
  | { readonly state: 'installing'; readonly version: string; readonly message: Said }
  | { readonly state: 'error'; readonly message: Said; readonly detail: string };

/** A manager's "Restart to update" either starts the install or says why not. */
export type RestartAnswer =
  { readonly ok: true } | { readonly ok: false; readonly reason: Said; readonly detail?: string };

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
  /** The last failure logged: electron-updater reports each one twice (event and rejection). */
  private lastFailure: unknown;

  constructor(private readonly options: UpdateControllerOptions) {
    this.status = options.updater
      ? { state: 'idle', message: said('settings.updates.idle') }
      : { state: 'not configured', message: said('settings.updates.notConfigured') };
    const updater = options.updater;
    if (!updater) return;
    // With autoDownload on, electron-updater starts the download inside checkForUpdates() and
    // leaves its promise rejected when it fails; a rejection nobody handles is fatal in main
    // and would relaunch the counter. The controller downloads itself and handles the outcome.
    updater.autoDownload = false;
    // Installing on quit could happen with a payment open: only the moments above install.
    updater.autoInstallOnAppQuit = false;
    this.setChannel(options.channel);
    updater.on('update-available', (info) => {
      this.status = {
        state: 'downloading',
        message: said('settings.updates.downloading', { version: info.version }),
      };
    });
    updater.on('update-downloaded', (info) => {
      this.status = {
        state: 'ready',
        version: info.version,
        message: said('settings.updates.ready', { version: info.version }),
      };
      options.log.info('update downloaded', { version: info.version });
    });
    updater.on('error', (error) => this.failed(error));
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
    this.checkInBackground();
    const every = setInterval(
      () => this.checkInBackground(),
      this.options.checkEveryMs ?? 4 * 3600_000,
    );
    every.unref();
    this.timers.push(every);
  }

  stop(): void {
    this.timers.forEach(clearInterval);
    this.timers = [];
    if (this.waitingForIdle) clearInterval(this.waitingForIdle);
    this.waitingForIdle = undefined;
  }

  /** Looks for an update and starts downloading it when there is one; never rejects. */
  async check(): Promise<void> {
    const updater = this.options.updater;
    const busy = ['checking', 'downloading', 'ready', 'installing'];
    if (!updater || busy.includes(this.status.state)) return;
    this.status = { state: 'checking', message: said('settings.updates.checking') };
    try {
      const found = await updater.checkForUpdates();
      if (found?.isUpdateAvailable) this.download(updater, found.updateInfo?.version);
      else if (this.status.state === 'checking')
        this.status = { state: 'idle', message: said('settings.updates.latest') };
    } catch (error) {
      this.failed(error);
    }
  }

  private checkInBackground(): void {
    this.check().catch((error: unknown) => this.failed(error));
  }

  private download(updater: Updater, version: string | undefined): void {
    if (this.status.state !== 'downloading')
      this.status = {
        state: 'downloading',
        message: version
          ? said('settings.updates.downloading', { version })
          : said('settings.updates.downloadingUnknown'),
      };
    // Ready comes with the update-downloaded event; a failure stays a status until the next check.
    updater.downloadUpdate().catch((error: unknown) => this.failed(error));
  }

  /** A failed check or download: a status in Settings → About and one log line, nothing more. */
  private failed(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    this.status = { state: 'error', message: said('settings.updates.failed'), detail: message };
    if (error === this.lastFailure) return;
    this.lastFailure = error;
    this.options.log.warn('update failed', { error: message });
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
      return { ok: false, reason: said('settings.updates.notReady') };
    const onScreen = this.options.activity.saleOnScreen();
    if (onScreen)
      return { ok: false, reason: said('settings.updates.notDuringSale'), detail: onScreen };
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
    this.status = {
      state: 'installing',
      version,
      message: said('settings.updates.installing', { version }),
    };
    this.options.log.info('installing update', { version, why });
    // Silent, and the counter starts again by itself (recovery settles anything left open).
    this.options.updater?.quitAndInstall(true, true);
  }
}
