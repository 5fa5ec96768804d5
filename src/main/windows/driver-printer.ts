import { BrowserWindow } from 'electron';
import type { SlipPrintWindow } from '../printing/driver-page-printer';

/**
 * The hidden window a driver printer prints from: its own session, JavaScript off (it only
 * shows the slip's picture), sandboxed like every window.
 */
export function openSlipWindow(): SlipPrintWindow {
  return new BrowserWindow({
    show: false,
    webPreferences: {
      partition: 'slip-printing',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
    },
  });
}
