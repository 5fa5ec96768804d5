import type { BrowserWindow, Session, WebContents, WebPreferences } from 'electron';

/** The CSP of every window: only the app's own scripts and styles, QR images as data. */
export const APP_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The scheme and host the renderer is served from. */
export const APP_ORIGIN = 'app://counter';

/**
 * webPreferences set explicitly in one place, overriding the electron-vite
 * template's `sandbox: false`.
 */
export function hardenedWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  };
}

/** Every response gets the CSP header; permission requests (camera, notifications ...) are denied. */
export function hardenSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [APP_CSP] },
    });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * No navigation away from the app, no new windows, no webviews. A link the app opens in a new
 * window goes to `openOutside`, which may hand it to the system's browser (demo mode's page for
 * paying a sale); the window itself never opens.
 */
export function guardNavigation(
  contents: WebContents,
  trustedOrigins: readonly string[],
  openOutside?: (url: string) => void,
): void {
  const allowed = (url: string) => {
    try {
      const parsed = new URL(url);
      const origin = parsed.protocol === 'app:' ? `app://${parsed.host}` : parsed.origin;
      return trustedOrigins.includes(origin);
    } catch {
      return false;
    }
  };
  contents.on('will-navigate', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!allowed(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    openOutside?.(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Applies the navigation guard to a window and reports whether it is one of ours. */
export function secureWindow(
  window: BrowserWindow,
  trustedOrigins: readonly string[],
  openOutside?: (url: string) => void,
): BrowserWindow {
  guardNavigation(window.webContents, trustedOrigins, openOutside);
  return window;
}
