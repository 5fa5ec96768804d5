import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CustomerDisplayApi } from '../shared/ipc/api';
import type { EventOf } from '../shared/ipc/contract';

/**
 * The customer display's preload: `window.counterDisplay`, the sale on the counter and its
 * changes, and nothing else. Main refuses every other channel from this window as well.
 */
const api: CustomerDisplayApi = {
  getDisplay: () => ipcRenderer.invoke('display:get', {}),
  onDisplayChanged: (listener) => {
    const handler = (_event: IpcRendererEvent, data: EventOf<'display:changed'>) => listener(data);
    ipcRenderer.on('display:changed', handler);
    return () => ipcRenderer.removeListener('display:changed', handler);
  },
};

contextBridge.exposeInMainWorld('counterDisplay', Object.freeze(api));
