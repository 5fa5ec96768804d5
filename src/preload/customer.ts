import { contextBridge } from 'electron';
import type { CustomerDisplayBridge } from '../shared/ipc/api';
import { buildBridge } from '../shared/ipc/build-bridge';
import { ipcTransport } from './ipc-transport';

/**
 * The customer display's preload: `window.counterDisplay`, the sale on the counter and its
 * changes, and nothing else. Main refuses every other channel from this window as well.
 */
const api: CustomerDisplayBridge = buildBridge('counterDisplay', ipcTransport);

contextBridge.exposeInMainWorld('counterDisplay', api);
