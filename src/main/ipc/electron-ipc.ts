import { ipcMain } from 'electron';
import type { Dispatch } from './dispatcher';
import { registerIpcHandlers } from './ipc-main-adapter';

/** Registers the contract's channels on Electron's ipcMain; returns the unregister function. */
export function registerElectronIpc(
  dispatch: Dispatch,
  trustedOrigins: readonly string[],
  displaySenders: () => ReadonlySet<number>,
): () => void {
  return registerIpcHandlers(ipcMain, dispatch, trustedOrigins, displaySenders);
}
