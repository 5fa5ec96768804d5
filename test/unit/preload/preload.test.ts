import { describe, expect, it, vi } from 'vitest';
import type { BridgeOf } from '../../../src/shared/ipc/api';
import type { BRIDGES } from '../../../src/shared/ipc/bridges';
import { checkedApi } from '../../../src/shared/ipc/checked-api';
import { CHANNELS, type RequestOf } from '../../../src/shared/ipc/contract';
import { loadPreload, type PreloadSource } from '../../support/preload-loader';

type Requests = (typeof BRIDGES)['counter']['requests'];
type Call<C extends Requests[keyof Requests]> = readonly [channel: C, argument?: RequestOf<C>];

/**
 * Each method's channel and an argument of its own, written out here rather than read from the
 * table, so that two channels swapped in the table (or in a preload) cannot pass unnoticed.
 */
const CASHIER_CALLS: { readonly [M in keyof Requests]: Call<Requests[M]> } = {
  charge: ['payments:charge', { amount: '12.50', currency: 'CNY' }],
  cancel: ['payments:cancel', { paymentId: 'T1-cancel' }],
  keepLatePayment: ['payments:keep-late', { paymentId: 'T1-keep' }],
  getPayment: ['payments:get', { paymentId: 'T1-get' }],
  getSession: ['session:get'],
  newSale: ['session:new-sale'],
  getSettings: ['settings:get'],
  updateSettings: ['settings:update', { merchantName: 'Tea House' }],
  testConnection: ['settings:test-connection'],
  retryHeldBackCallbacks: ['relay:retry-held-back'],
  retryAsLink: ['payments:retry-as-link', { paymentId: 'T1-link' }],
  getAppInfo: ['app:info'],
  getManagerStatus: ['manager:status'],
  setManagerPin: ['manager:set-pin', { newPin: '482916' }],
  resetManagerPin: ['manager:reset-pin', { secret: 'project-secret', newPin: '135790' }],
  unlockManager: ['manager:unlock', { pin: '482916' }],
  lockManager: ['manager:lock'],
  touchManager: ['manager:touch'],
  refund: [
    'refunds:create',
    { paymentId: 'T1-refund', amount: '1.00', reason: 'broken cup', pin: '482916' },
  ],
  getPaymentDetail: ['payments:detail', { paymentId: 'T1-detail' }],
  searchHistory: ['history:search', { state: 'succeeded', limit: 20 }],
  getCurrentReport: ['reports:current'],
  closeDay: ['reports:close-day', { pin: '246810' }],
  listReports: ['reports:list'],
  exportHistoryCsv: ['exports:history-csv', { currency: 'HKD' }],
  exportReportCsv: ['exports:report-csv', { number: 3 }],
  savePdf: ['documents:save-pdf', { name: 'z-report-3.pdf' }],
  getAbout: ['app:about'],
  openLogsFolder: ['app:open-logs'],
  checkForUpdates: ['updates:check'],
  restartToUpdate: ['updates:restart', { pin: '975310' }],
  listDisplays: ['displays:list'],
  getPrintStatus: ['printing:status'],
  retryPrint: ['printing:retry', { jobId: 7 }],
  dismissPrintFailure: ['printing:dismiss', { jobId: 8 }],
  printReceipt: ['printing:receipt', { paymentId: 'T1-print', copy: 'merchant' }],
  printReport: ['printing:report', { number: 4 }],
  testPrint: [
    'printing:test',
    {
      printer: {
        kind: 'tcp',
        address: '192.168.1.50',
        paperWidth: 58,
        codePage: 'cp936',
        autoPrintCustomer: false,
        autoPrintMerchant: false,
      },
    },
  ],
  previewSlip: ['printing:preview', { paperWidth: 80, codePage: 'gb18030' }],
  listStaff: ['staff:list'],
  getShift: ['shift:current'],
  signIn: ['shift:sign-in', { staffId: 2, pin: '8642' }],
  lockShift: ['shift:lock'],
  handOver: ['shift:hand-over', { staffId: 1, pin: '1357' }],
  signOut: ['shift:sign-out'],
  endShiftByManager: ['shift:end-by-manager', { staffId: 3, pin: '2468', reason: 'went home' }],
  addFirstManager: ['staff:first-manager', { name: 'Mia', pin: '482916' }],
  getReportPeople: ['reports:people'],
  addStaff: [
    'staff:add',
    { name: 'Cleo', role: 'cashier', pin: '1470', manager: { staffId: 3, pin: '2468' } },
  ],
  renameStaff: [
    'staff:rename',
    { staffId: 2, name: 'Benedikt', manager: { staffId: 3, pin: '2468' } },
  ],
  setStaffActive: [
    'staff:set-active',
    { staffId: 2, active: false, manager: { staffId: 3, pin: '2468' } },
  ],
  setStaffPin: ['staff:set-pin', { staffId: 2, pin: '9753', manager: { staffId: 3, pin: '2468' } }],
};

/** Each subscription's event, written out for the same reason. */
const CASHIER_EVENTS = {
  onPaymentUpdated: 'payments:updated',
  onLatePayment: 'payments:late',
  onSessionChanged: 'session:changed',
  onSettingsChanged: 'settings:changed',
  onPrintStatusChanged: 'printing:changed',
  onManagerChanged: 'manager:changed',
  onShiftChanged: 'shift:changed',
};

/** Valid answers of a few channels, and a payment view for events. */
const LOGS = { path: '/var/log/alipay-counter' };
const MANAGER = {
  pinSet: true,
  namedManagers: false,
  lockedUntil: null,
  failures: 0,
  resetNeeded: false,
  session: null,
};
const PRINT_STATUS = { printer: null, failed: [], printing: 0 };
const DISPLAY = { active: null, merchantName: 'Tea House', locale: 'zh-Hans' };
const PAYMENT = {
  id: 'T1-1',
  amount: 1250,
  currency: 'CNY',
  state: 'awaiting_customer',
  createdAt: 1,
  updatedAt: 2,
  qr: { kind: 'text', text: 'https://qr.example/1' },
  qrExpiresAt: 3,
  gateCode: null,
  gateMessage: null,
  cancelledAt: null,
  lateAlert: null,
  refundedAmount: 0,
  settledAt: null,
  mode: 'gate_qr',
};

/** Valid data of the events (a whole settings view is left out: only its refusal is checked). */
const EVENT_DATA: Record<string, unknown> = {
  'payments:updated': PAYMENT,
  'payments:late': { ...PAYMENT, state: 'succeeded', lateAlert: 'open' },
  'session:changed': { active: PAYMENT, lateAlerts: [], banners: [] },
  'printing:changed': PRINT_STATUS,
};

type Method = (argument?: unknown) => Promise<unknown>;
type Subscribe = (listener: (data: unknown) => void) => () => void;

describe.each<PreloadSource>(['source', 'build'])('the cashier preload (%s)', (source) => {
  /** Loads the preload and checks its bridge as the renderer does. */
  async function loaded() {
    const electron = await loadPreload('index', source);
    const bridge = electron.exposed.get('counter') as BridgeOf<'counter'>;
    const report = vi.fn<(problem: string) => void>();
    const api = checkedApi('counter', bridge, report) as unknown as Record<string, Method>;
    return { electron, bridge: bridge as unknown as Record<string, unknown>, api, report };
  }

  it('exposes window.counter only, frozen, with exactly the methods of the table', async () => {
    const { electron, bridge } = await loaded();
    expect([...electron.exposed.keys()]).toEqual(['counter']);
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(
      [...Object.keys(CASHIER_CALLS), ...Object.keys(CASHIER_EVENTS)].sort(),
    );
    expect(Object.values(bridge).every((value) => typeof value === 'function')).toBe(true);
  });

  it('has a valid argument of its own for every method (the samples below mean something)', () => {
    for (const [channel, argument] of Object.values(CASHIER_CALLS))
      expect(CHANNELS[channel].request.safeParse(argument ?? {}).success, channel).toBe(true);
    const argumentsSent = Object.values(CASHIER_CALLS).map(([, argument]) => argument);
    expect(new Set(argumentsSent.filter(Boolean).map((a) => JSON.stringify(a))).size).toBe(
      argumentsSent.filter(Boolean).length,
    );
  });

  it.each(Object.entries(CASHIER_CALLS))(
    '%s sends its own channel with its argument, once',
    async (method, [channel, argument]) => {
      const { electron, api } = await loaded();
      await api[method]!(argument);
      expect(electron.invoked).toEqual([[channel, argument ?? {}]]);
    },
  );

  it.each(Object.keys(CASHIER_CALLS))(
    '%s refuses an answer of the wrong shape, and passes an error answer through',
    async (method) => {
      const { electron, api, report } = await loaded();
      const [channel, argument] = CASHIER_CALLS[method as keyof Requests];
      for (const wrong of [
        { ok: true, value: { unexpected: true } },
        { ok: true, value: 'nonsense' },
        { ok: false, error: { code: 'TEAPOT', message: 'not one of ours' } },
        { ok: 'yes' },
        undefined,
      ]) {
        electron.answer = () => wrong;
        expect(await api[method]!(argument)).toMatchObject({
          ok: false,
          error: { code: 'INTERNAL', message: expect.stringContaining(`${channel}: an answer`) },
        });
      }
      expect(report).toHaveBeenCalledTimes(5);
      const busy = { ok: false, error: { code: 'BUSY', message: 'Finish the sale first.' } };
      electron.answer = () => busy;
      expect(await api[method]!(argument)).toEqual(busy);
    },
  );

  it("checks each answer against its own channel's schema, and returns what the schema makes of it", async () => {
    const { electron, api, report } = await loaded();
    const answers: Record<string, unknown> = {
      'app:open-logs': { ...LOGS, extra: 'dropped' },
      'manager:status': MANAGER,
      'printing:status': PRINT_STATUS,
    };
    electron.answer = (channel) => ({ ok: true, value: answers[channel] });
    expect(await api['openLogsFolder']!()).toEqual({ ok: true, value: LOGS });
    expect(await api['getManagerStatus']!()).toEqual({ ok: true, value: MANAGER });
    expect(await api['getPrintStatus']!()).toEqual({ ok: true, value: PRINT_STATUS });
    expect(report).not.toHaveBeenCalled();
    // The manager status is a valid answer, but not to the logs folder.
    electron.answer = () => ({ ok: true, value: MANAGER });
    expect(await api['openLogsFolder']!()).toMatchObject({
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          'app:open-logs: an answer of the wrong shape: value.path: Invalid input: expected string, received undefined',
      },
    });
  });

  it('turns a call that got no answer into an error Result', async () => {
    const { electron, api, report } = await loaded();
    electron.answer = () => {
      throw new Error("No handler registered for 'payments:charge'");
    };
    expect(await api['charge']!({ amount: '1.00', currency: 'CNY' })).toEqual({
      ok: false,
      error: {
        code: 'INTERNAL',
        message:
          "payments:charge: no answer from the counter (No handler registered for 'payments:charge')",
      },
    });
    expect(report).toHaveBeenCalledOnce();
  });

  it.each(Object.entries(CASHIER_EVENTS))(
    '%s follows %s: the data only, checked, until unsubscribed',
    async (method, event) => {
      const { electron, api, report } = await loaded();
      const listener = vi.fn();
      const off = (api[method] as unknown as Subscribe)(listener);
      expect(electron.listenerCount(event)).toBe(1);
      for (const other of Object.values(CASHIER_EVENTS).filter((e) => e !== event))
        electron.emit(other, { not: 'for this listener' });
      const data = EVENT_DATA[event];
      if (data) {
        electron.emit(event, data);
        expect(listener.mock.calls).toEqual([[data]]);
      }
      electron.emit(event, { unexpected: true });
      expect(listener).toHaveBeenCalledTimes(data ? 1 : 0);
      expect(report).toHaveBeenLastCalledWith(
        expect.stringContaining(`${event}: an event of the wrong shape, dropped`),
      );
      off();
      expect(electron.listenerCount(event)).toBe(0);
      if (data) electron.emit(event, data);
      expect(listener).toHaveBeenCalledTimes(data ? 1 : 0);
    },
  );
});

describe.each<PreloadSource>(['source', 'build'])('the customer display preload (%s)', (source) => {
  it('exposes window.counterDisplay only: its view and its event, checked', async () => {
    const electron = await loadPreload('customer', source);
    expect([...electron.exposed.keys()]).toEqual(['counterDisplay']);
    const bridge = electron.exposed.get('counterDisplay') as BridgeOf<'counterDisplay'>;
    expect(Object.isFrozen(bridge)).toBe(true);
    expect(Object.keys(bridge).sort()).toEqual(['getDisplay', 'onDisplayChanged']);

    const report = vi.fn<(problem: string) => void>();
    const api = checkedApi('counterDisplay', bridge, report);
    electron.answer = () => ({ ok: true, value: DISPLAY });
    expect(await api.getDisplay()).toEqual({ ok: true, value: DISPLAY });
    expect(electron.invoked).toEqual([['display:get', {}]]);
    electron.answer = () => ({ ok: true, value: { active: 'a sale' } });
    expect(await api.getDisplay()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    const listener = vi.fn();
    const off = api.onDisplayChanged(listener);
    electron.emit('display:changed', DISPLAY);
    electron.emit('display:changed', { merchantName: 5 });
    expect(listener.mock.calls).toEqual([[DISPLAY]]);
    expect(report).toHaveBeenCalledTimes(2);
    off();
    expect(electron.listenerCount('display:changed')).toBe(0);
  });
});
