/**
 * The names of the IPC contract: for each window's bridge (`window.counter`,
 * `window.counterDisplay`), every request method and the channel it calls, every subscription
 * and the event it follows. This is the only place a channel is paired with a method.
 *
 * It has no runtime dependency, so the sandboxed preloads can import it without pulling zod
 * in. The schemas of each channel and event are in `contract.ts`, which the compiler holds to
 * exactly the channels and events named here.
 */
export const BRIDGES = {
  counter: {
    requests: {
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
      unlockManager: 'manager:unlock',
      lockManager: 'manager:lock',
      touchManager: 'manager:touch',
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
      listStaff: 'staff:list',
      getShift: 'shift:current',
      signIn: 'shift:sign-in',
      lockShift: 'shift:lock',
      handOver: 'shift:hand-over',
      signOut: 'shift:sign-out',
      endShiftByManager: 'shift:end-by-manager',
      addFirstManager: 'staff:first-manager',
      // Who did what: the staff list, the reports by person, staff management.
      getReportPeople: 'reports:people',
      addStaff: 'staff:add',
      renameStaff: 'staff:rename',
      setStaffActive: 'staff:set-active',
      setStaffPin: 'staff:set-pin',
    },
    events: {
      onPaymentUpdated: 'payments:updated',
      onLatePayment: 'payments:late',
      onSessionChanged: 'session:changed',
      onSettingsChanged: 'settings:changed',
      onPrintStatusChanged: 'printing:changed',
      onManagerChanged: 'manager:changed',
      onShiftChanged: 'shift:changed',
    },
  },
  /** The customer display reads the sale on the counter and follows it; nothing else. */
  counterDisplay: {
    requests: { getDisplay: 'display:get' },
    events: { onDisplayChanged: 'display:changed' },
  },
} as const;

/** A window's bridge, by the name it has on `window`. */
export type BridgeName = keyof typeof BRIDGES;

/** Every request channel of every bridge. */
export type BridgeChannel = {
  [N in BridgeName]: (typeof BRIDGES)[N]['requests'][keyof (typeof BRIDGES)[N]['requests']];
}[BridgeName];
/** Every event of every bridge. */
export type BridgeEvent = {
  [N in BridgeName]: (typeof BRIDGES)[N]['events'][keyof (typeof BRIDGES)[N]['events']];
}[BridgeName];

/** A bridge's request methods as `[method, channel]` pairs. */
export function requestsOf(name: BridgeName): Array<[string, BridgeChannel]> {
  return Object.entries(BRIDGES[name].requests);
}

/** A bridge's subscriptions as `[method, event]` pairs. */
export function eventsOf(name: BridgeName): Array<[string, BridgeEvent]> {
  return Object.entries(BRIDGES[name].events);
}
