import { ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeTransport } from '../shared/ipc/api';

/**
 * The preloads' one way to main: `invoke` for requests, `subscribe` for events. The listener
 * gets the event's data only, never the event object (it would hand the page `sender`).
 */
export const ipcTransport: BridgeTransport = {
  invoke: (channel, input) => ipcRenderer.invoke(channel, input),
  subscribe: (event, listener) => {
    const handler = (_event: IpcRendererEvent, data: unknown) => listener(data);
    ipcRenderer.on(event, handler);
    return () => void ipcRenderer.removeListener(event, handler);
  },
};
