import { BrowserWindow, screen } from 'electron';
import type { Logger } from '../logging/logger';
import { loadInto } from '../shell/window-loading';
import { hardenedWebPreferences, secureWindow } from './window-security';

/** Where the renderer comes from: app://counter/ when built, the dev server in development. */
export interface RendererLocation {
  readonly url: string;
  readonly trustedOrigins: readonly string[];
}

/** The cashier's window: the operator's screen. */
export function createCashierWindow(
  preload: string,
  renderer: RendererLocation,
  log: Logger,
): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    title: 'Alipay Counter',
    show: false,
    backgroundColor: '#eef2f7',
    webPreferences: hardenedWebPreferences(preload),
  });
  secureWindow(window, renderer.trustedOrigins);
  window.once('ready-to-show', () => window.show());
  loadInto(window, renderer.url, 'cashier screen', log);
  return window;
}

/**
 * The customer display: full screen on a second display when one is connected, otherwise a
 * second window the cashier can move to where the customer sees it.
 */
export function createCustomerWindow(
  preload: string,
  renderer: RendererLocation,
  log: Logger,
): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const second = screen.getAllDisplays().find((d) => d.id !== primary.id);
  const window = new BrowserWindow({
    ...(second
      ? {
          x: second.bounds.x,
          y: second.bounds.y,
          width: second.bounds.width,
          height: second.bounds.height,
          fullscreen: true,
        }
      : { width: 960, height: 640 }),
    title: 'Alipay Counter · Customer display',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(preload),
  });
  secureWindow(window, renderer.trustedOrigins);
  window.once('ready-to-show', () => window.show());
  loadInto(window, `${renderer.url}#customer`, 'customer display', log);
  return window;
}
