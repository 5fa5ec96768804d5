import type { Channel, ChannelResult, EventChannel, EventOf, RequestOf } from './contract';

/*
 * The bridge API without any runtime dependency (no zod): the preload and the renderer import
 * this file, so the renderer bundle stays small. Types come from contract.ts.
 */

/**
 * `window.counter`: user tasks, one method per channel, plus event subscriptions that return an
 * unsubscribe function. The preload declares `const api: CounterApi` so the compiler checks it.
 */
export interface CounterApi {
  charge(input: RequestOf<'payments:charge'>): Promise<ChannelResult<'payments:charge'>>;
  cancel(input: RequestOf<'payments:cancel'>): Promise<ChannelResult<'payments:cancel'>>;
  keepLatePayment(
    input: RequestOf<'payments:keep-late'>,
  ): Promise<ChannelResult<'payments:keep-late'>>;
  getPayment(input: RequestOf<'payments:get'>): Promise<ChannelResult<'payments:get'>>;
  getSession(): Promise<ChannelResult<'session:get'>>;
  newSale(): Promise<ChannelResult<'session:new-sale'>>;
  getSettings(): Promise<ChannelResult<'settings:get'>>;
  updateSettings(input: RequestOf<'settings:update'>): Promise<ChannelResult<'settings:update'>>;
  testConnection(): Promise<ChannelResult<'settings:test-connection'>>;
  retryHeldBackCallbacks(): Promise<ChannelResult<'relay:retry-held-back'>>;
  retryAsLink(
    input: RequestOf<'payments:retry-as-link'>,
  ): Promise<ChannelResult<'payments:retry-as-link'>>;
  getAppInfo(): Promise<ChannelResult<'app:info'>>;
  getManagerStatus(): Promise<ChannelResult<'manager:status'>>;
  setManagerPin(input: RequestOf<'manager:set-pin'>): Promise<ChannelResult<'manager:set-pin'>>;
  resetManagerPin(
    input: RequestOf<'manager:reset-pin'>,
  ): Promise<ChannelResult<'manager:reset-pin'>>;
  refund(input: RequestOf<'refunds:create'>): Promise<ChannelResult<'refunds:create'>>;
  getPaymentDetail(input: RequestOf<'payments:detail'>): Promise<ChannelResult<'payments:detail'>>;
  searchHistory(input: RequestOf<'history:search'>): Promise<ChannelResult<'history:search'>>;
  getCurrentReport(): Promise<ChannelResult<'reports:current'>>;
  closeDay(input: RequestOf<'reports:close-day'>): Promise<ChannelResult<'reports:close-day'>>;
  listReports(): Promise<ChannelResult<'reports:list'>>;
  exportHistoryCsv(
    input: RequestOf<'exports:history-csv'>,
  ): Promise<ChannelResult<'exports:history-csv'>>;
  exportReportCsv(
    input: RequestOf<'exports:report-csv'>,
  ): Promise<ChannelResult<'exports:report-csv'>>;
  savePdf(input: RequestOf<'documents:save-pdf'>): Promise<ChannelResult<'documents:save-pdf'>>;
  getAbout(): Promise<ChannelResult<'app:about'>>;
  openLogsFolder(): Promise<ChannelResult<'app:open-logs'>>;
  checkForUpdates(): Promise<ChannelResult<'updates:check'>>;
  restartToUpdate(input: RequestOf<'updates:restart'>): Promise<ChannelResult<'updates:restart'>>;
  listDisplays(): Promise<ChannelResult<'displays:list'>>;
  getPrintStatus(): Promise<ChannelResult<'printing:status'>>;
  retryPrint(input: RequestOf<'printing:retry'>): Promise<ChannelResult<'printing:retry'>>;
  dismissPrintFailure(
    input: RequestOf<'printing:dismiss'>,
  ): Promise<ChannelResult<'printing:dismiss'>>;
  printReceipt(input: RequestOf<'printing:receipt'>): Promise<ChannelResult<'printing:receipt'>>;
  printReport(input: RequestOf<'printing:report'>): Promise<ChannelResult<'printing:report'>>;
  testPrint(input: RequestOf<'printing:test'>): Promise<ChannelResult<'printing:test'>>;
  previewSlip(input: RequestOf<'printing:preview'>): Promise<ChannelResult<'printing:preview'>>;
  onPaymentUpdated(listener: (payment: EventOf<'payments:updated'>) => void): () => void;
  onLatePayment(listener: (payment: EventOf<'payments:late'>) => void): () => void;
  onSessionChanged(listener: (session: EventOf<'session:changed'>) => void): () => void;
  onSettingsChanged(listener: (settings: EventOf<'settings:changed'>) => void): () => void;
  onPrintStatusChanged(listener: (status: EventOf<'printing:changed'>) => void): () => void;
}

/** Which channel each request method of CounterApi uses. */
export const METHOD_CHANNELS = {
  charge: 'payments:charge',
  cancel: 'payments:cancel',
  keepLatePayment: 'payments:keep-late',
  getPayment: 'payments:get',
  getSession: 'session:get',
  newSale: 'session:new-sale',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  testConnection: 'settings:test-connection',
  retryHeldBackCallbacks: 'relay:retry-held-back',
  retryAsLink: 'payments:retry-as-link',
  getAppInfo: 'app:info',
  getManagerStatus: 'manager:status',
  setManagerPin: 'manager:set-pin',
  resetManagerPin: 'manager:reset-pin',
  refund: 'refunds:create',
  getPaymentDetail: 'payments:detail',
  searchHistory: 'history:search',
  getCurrentReport: 'reports:current',
  closeDay: 'reports:close-day',
  listReports: 'reports:list',
  exportHistoryCsv: 'exports:history-csv',
  exportReportCsv: 'exports:report-csv',
  savePdf: 'documents:save-pdf',
  getAbout: 'app:about',
  openLogsFolder: 'app:open-logs',
  checkForUpdates: 'updates:check',
  restartToUpdate: 'updates:restart',
  listDisplays: 'displays:list',
  getPrintStatus: 'printing:status',
  retryPrint: 'printing:retry',
  dismissPrintFailure: 'printing:dismiss',
  printReceipt: 'printing:receipt',
  printReport: 'printing:report',
  testPrint: 'printing:test',
  previewSlip: 'printing:preview',
} as const satisfies Record<string, Channel>;

/** Which event channel each subscription method of CounterApi listens to. */
export const SUBSCRIPTION_EVENTS = {
  onPaymentUpdated: 'payments:updated',
  onLatePayment: 'payments:late',
  onSessionChanged: 'session:changed',
  onSettingsChanged: 'settings:changed',
  onPrintStatusChanged: 'printing:changed',
} as const satisfies Record<string, EventChannel>;

/**
 * `window.counterDisplay`: all the customer display may do, in its own preload: read the sale
 * on the counter and follow it. None of the cashier's functions are there.
 */
export interface CustomerDisplayApi {
  getDisplay(): Promise<ChannelResult<'display:get'>>;
  onDisplayChanged(listener: (display: EventOf<'display:changed'>) => void): () => void;
}

/** Which channel each method of CustomerDisplayApi uses, and which event it follows. */
export const DISPLAY_METHOD_CHANNELS = { getDisplay: 'display:get' } as const satisfies Record<
  string,
  Channel
>;
export const DISPLAY_SUBSCRIPTION_EVENTS = {
  onDisplayChanged: 'display:changed',
} as const satisfies Record<string, EventChannel>;
