import type { Logger } from '../logging/logger';

/** The part of a BrowserWindow that loads a page. */
export interface LoadableWindow {
  isDestroyed(): boolean;
  loadURL(url: string): Promise<void>;
}

/** Chromium's code for a load superseded by another navigation (a reload, say): not a failure. */
const ABORTED = 'ERR_ABORTED';

/** The page a window shows when its own could not load: what happened, and what to do. */
export function loadFailurePage(what: string, reason: string): string {
  const text = (value: string) => value.replace(/[<>&"]/g, '');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>Alipay Counter</title></head>
<body style="font: 18px system-ui, sans-serif; margin: 3em; color: #1f2937">
<h1 style="font-size: 24px">Alipay Counter could not show the ${text(what)}</h1>
<p>${text(reason)}</p>
<p>Quit Alipay Counter and start it again. If this screen comes back, reinstall the app and send
the log file (in the app's data folder, under logs) to support. Open payments are safe in the
journal.</p></body></html>`;
  return `data:text/html;charset=utf-8,${encodeURIComponent(html)}`;
}

/**
 * Loads the UI into a window without leaving its promise unhandled: in main a rejection nobody
 * handles is fatal, so a page that cannot load would relaunch the whole app. A failure is
 * logged and the window shows a page saying what happened instead of staying blank.
 */
export function loadInto(window: LoadableWindow, url: string, what: string, log: Logger): void {
  window.loadURL(url).catch((error: unknown) => {
    const code = (error as { code?: unknown } | null)?.code;
    const reason = error instanceof Error ? error.message : String(error);
    if (code === ABORTED || window.isDestroyed()) {
      log.info('page load stopped', { what, reason });
      return;
    }
    log.error('page failed to load', { what, url, reason });
    window
      .loadURL(loadFailurePage(what, reason))
      .catch((again: unknown) =>
        log.error('error page failed to load', { what, error: String(again) }),
      );
  });
}
