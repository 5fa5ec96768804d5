import { EventEmitter } from 'node:events';
import type { UpdateCheck, Updater } from '../../src/main/updates/update-controller';

/**
 * electron-updater 6.8's AppUpdater as the counter sees it, failing the way it fails: a check
 * that finds a version emits `update-available` and, with `autoDownload` on, starts the download
 * itself and returns its promise in the result; a download that fails emits `error` and then
 * rejects that promise with the same error (AppUpdater.downloadUpdate's errorHandler).
 */
export class FakeUpdater extends EventEmitter implements Updater {
  autoDownload = true; // electron-updater's default
  autoInstallOnAppQuit = true;
  allowPrerelease = false;
  allowDowngrade = false;
  private channelName: string | null = null;
  installs: Array<[boolean | undefined, boolean | undefined]> = [];
  checks = 0;
  downloads = 0;
  /** The version the feed offers, or null for none. */
  offered: string | null = null;
  /** Why the check fails, if it does. */
  checkFailure: Error | null = null;
  /** Why the download fails, if it does. */
  downloadFailure: Error | null = null;

  get channel() {
    return this.channelName;
  }
  set channel(value: string | null) {
    this.channelName = value;
    this.allowDowngrade = true; // as electron-updater does
  }

  async checkForUpdates(): Promise<
    (UpdateCheck & { downloadPromise?: Promise<unknown> | null }) | null
  > {
    this.checks += 1;
    await Promise.resolve();
    if (this.checkFailure) {
      this.emit('error', this.checkFailure);
      throw this.checkFailure;
    }
    if (!this.offered) return { isUpdateAvailable: false };
    const updateInfo = { version: this.offered };
    this.emit('update-available', updateInfo);
    return {
      isUpdateAvailable: true,
      updateInfo,
      downloadPromise: this.autoDownload ? this.downloadUpdate() : null,
    };
  }

  downloadUpdate(): Promise<unknown> {
    this.downloads += 1;
    const version = this.offered ?? '0.0.0';
    return Promise.resolve().then(() => {
      if (this.downloadFailure) {
        this.emit('error', this.downloadFailure);
        throw this.downloadFailure;
      }
      this.emit('update-downloaded', { version });
      return [`/tmp/alipay-counter-${version}.exe`];
    });
  }

  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean) {
    this.installs.push([isSilent, isForceRunAfter]);
  }

  /** An update that arrives complete (both events), without a check. */
  download(version: string) {
    this.emit('update-available', { version });
    this.emit('update-downloaded', { version });
  }
}
