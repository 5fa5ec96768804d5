import { BrowserWindow, type Rectangle } from 'electron';
import type { CustomerWindowStyle } from '../displays/customer-display-keeper';
import type { Logger } from '../logging/logger';
import { loadInto } from '../shell/window-loading';
import { hardenedWebPreferences, secureWindow } from './window-security';

/** Where the renderer comes from: app://counter/ when built, the dev server in development. */
export interface RendererLocation {
  readonly url: string;
  readonly trustedOrigins: readonly string[];
}

/** The cashier's window: the operator's screen (`openOutside`: see guardNavigation). */
export function createCashierWindow(
  preload: string,
  renderer: RendererLocation,
  log: Logger,
  openOutside?: (url: string) => void,
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
  secureWindow(window, renderer.trustedOrigins, openOutside);
  window.once('ready-to-show', () => window.show());
  loadInto(window, renderer.url, 'cashier screen', log);
  return window;
}

/**
 * The customer display. `cover`: borderless, exactly the size of the customer's display and
 * above its menu bar or taskbar, instead of the system's full screen (on macOS that is a Space
 * of its own, entered and left with an animation during which the window cannot move, and with
 * "Displays have separate Spaces" off it blanks the cashier's display). `window`: an ordinary
 * window the cashier can move, on a counter with one display. Shown without taking the focus
 * from the cashier's window.
 */
export function createCustomerWindow(
  preload: string,
  renderer: RendererLocation,
  style: CustomerWindowStyle,
  bounds: Rectangle,
  log: Logger,
): BrowserWindow {
  const window = new BrowserWindow({
    ...bounds,
    ...(style === 'cover'
      ? {
          frame: false,
          resizable: false,
          movable: false,
          minimizable: false,
          fullscreenable: false,
          roundedCorners: false,
          // macOS: keeps the window's top edge where it is put, not pushed below the menu bar.
          enableLargerThanScreen: true,
        }
      : { fullscreenable: false }),
    title: 'Alipay Counter · Customer display',
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#ffffff',
    webPreferences: hardenedWebPreferences(preload),
  });
  // Above the menu bar, the Dock and the taskbar of the customer's display, and above
  // notifications that would otherwise show the cashier's messages to the customer.
  if (style === 'cover') window.setAlwaysOnTop(true, 'screen-saver');
  secureWindow(window, renderer.trustedOrigins);
  window.once('ready-to-show', () => window.showInactive());
  loadInto(window, `${renderer.url}#customer`, 'customer display', log);
  return window;
}
