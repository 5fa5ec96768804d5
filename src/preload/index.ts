import { contextBridge } from 'electron';
import type { CounterBridge } from '../shared/ipc/api';
import { buildBridge } from '../shared/ipc/build-bridge';
import { ipcTransport } from './ipc-transport';

/**
 * `window.counter`: the cashier window's only way to main, one method per channel of its table
 * (`src/shared/ipc/bridges.ts`). No ipcRenderer, no process, no event objects cross the bridge.
 * Answers go to the page unchecked; the renderer parses each against its schema.
 */
const api: CounterBridge = buildBridge('counter', ipcTransport);

contextBridge.exposeInMainWorld('counter', api);
