import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CounterApi } from '../shared/ipc/api';
import type { EventChannel, EventOf } from '../shared/ipc/contract';

/** Subscribes to a main-process event; the listener gets the data only, never the event object. */
function subscribe<E extends EventChannel>(event: E) {
  return (listener: (data: EventOf<E>) => void): (() => void) => {
    const handler = (_event: IpcRendererEvent, data: EventOf<E>) => listener(data);
    ipcRenderer.on(event, handler);
    return () => ipcRenderer.removeListener(event, handler);
  };
}

/**
 * `window.counter`: the renderer's only way to main (STYLE rule 3). User tasks only; no
 * ipcRenderer, no process, no event objects cross the bridge.
 */
const api: CounterApi = {
  charge: (input) => ipcRenderer.invoke('payments:charge', input),
  cancel: (input) => ipcRenderer.invoke('payments:cancel', input),
  keepLatePayment: (input) => ipcRenderer.invoke('payments:keep-late', input),
  getPayment: (input) => ipcRenderer.invoke('payments:get', input),
  getSession: () => ipcRenderer.invoke('session:get', {}),
  newSale: () => ipcRenderer.invoke('session:new-sale', {}),
  getSettings: () => ipcRenderer.invoke('settings:get', {}),
  updateSettings: (input) => ipcRenderer.invoke('settings:update', input),
  testConnection: () => ipcRenderer.invoke('settings:test-connection', {}),
  retryHeldBackCallbacks: () => ipcRenderer.invoke('relay:retry-held-back', {}),
  retryAsLink: (input) => ipcRenderer.invoke('payments:retry-as-link', input),
  getAppInfo: () => ipcRenderer.invoke('app:info', {}),
  getManagerStatus: () => ipcRenderer.invoke('manager:status', {}),
  setManagerPin: (input) => ipcRenderer.invoke('manager:set-pin', input),
  resetManagerPin: (input) => ipcRenderer.invoke('manager:reset-pin', input),
  refund: (input) => ipcRenderer.invoke('refunds:create', input),
  getPaymentDetail: (input) => ipcRenderer.invoke('payments:detail', input),
  searchHistory: (input) => ipcRenderer.invoke('history:search', input),
  getCurrentReport: () => ipcRenderer.invoke('reports:current', {}),
  closeDay: (input) => ipcRenderer.invoke('reports:close-day', input),
  listReports: () => ipcRenderer.invoke('reports:list', {}),
  exportHistoryCsv: (input) => ipcRenderer.invoke('exports:history-csv', input),
  exportReportCsv: (input) => ipcRenderer.invoke('exports:report-csv', input),
  savePdf: (input) => ipcRenderer.invoke('documents:save-pdf', input),
  getAbout: () => ipcRenderer.invoke('app:about', {}),
  openLogsFolder: () => ipcRenderer.invoke('app:open-logs', {}),
  checkForUpdates: () => ipcRenderer.invoke('updates:check', {}),
  restartToUpdate: (input) => ipcRenderer.invoke('updates:restart', input),
  listDisplays: () => ipcRenderer.invoke('displays:list', {}),
  getPrintStatus: () => ipcRenderer.invoke('printing:status', {}),
  retryPrint: (input) => ipcRenderer.invoke('printing:retry', input),
  dismissPrintFailure: (input) => ipcRenderer.invoke('printing:dismiss', input),
  printReceipt: (input) => ipcRenderer.invoke('printing:receipt', input),
  printReport: (input) => ipcRenderer.invoke('printing:report', input),
  testPrint: (input) => ipcRenderer.invoke('printing:test', input),
  previewSlip: (input) => ipcRenderer.invoke('printing:preview', input),
  onPaymentUpdated: subscribe('payments:updated'),
  onLatePayment: subscribe('payments:late'),
  onSessionChanged: subscribe('session:changed'),
  onSettingsChanged: subscribe('settings:changed'),
  onPrintStatusChanged: subscribe('printing:changed'),
};

contextBridge.exposeInMainWorld('counter', Object.freeze(api));
