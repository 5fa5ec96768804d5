/**
 * Who the app is to the operating system. The same values as `appId` and `productName` in
 * electron-builder.config.mjs (a test compares them): Windows matches the taskbar, pinned
 * shortcuts and notifications to the installer's shortcuts by this id.
 */
export const APP_ID = 'com.alipaycounter.desktop';
export const PRODUCT_NAME = 'Alipay Counter';

/** The part of Electron's app that names the process on Windows. */
export interface IdentifiableApp {
  setAppUserModelId(id: string): void;
}

/**
 * Names the process with the installer's id before any window exists; without it Electron
 * uses "electron.app.Alipay Counter" and the taskbar treats the running app as another app.
 * Windows only: the call does not exist elsewhere.
 */
export function claimAppIdentity(app: IdentifiableApp, platform: NodeJS.Platform): void {
  if (platform === 'win32') app.setAppUserModelId(APP_ID);
}
