import type { WebContents } from 'electron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import { DEMO_MANAGER_PIN as PIN } from '../../src/main/app/demo-mode';
import { createDispatcher } from '../../src/main/ipc/dispatcher';
import { forwardEvents } from '../../src/main/ipc/event-forwarder';
import {
  registerIpcHandlers,
  type InvokeEvent,
  type IpcMainLike,
} from '../../src/main/ipc/ipc-main-adapter';
import type { BridgeOf, CounterApi } from '../../src/shared/ipc/api';
import { checkedApi } from '../../src/shared/ipc/checked-api';
import type { PaymentView } from '../../src/shared/ipc/views';
import { pressOnSandbox, startDemoCounter } from '../support/counter-harness';
import { loadPreload } from '../support/preload-loader';

/**
 * The whole way a cashier's click takes, without Electron: the renderer's checked API, the real
 * preload, a fake ipcRenderer wired to main's real ipcMain adapter (sender frame checked),
 * dispatcher and handlers of a demo counter; events back through main's real forwarder. Every
 * answer and event main gives must fit the contract's schemas: none may be refused.
 */
async function cashierOver(counter: Counter) {
  const electron = await loadPreload('index', 'source');
  const handlers = new Map<string, (event: InvokeEvent, payload: unknown) => unknown>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  const unregister = registerIpcHandlers(ipcMain, createDispatcher(counter.handlers), [
    'app://counter',
  ]);
  const frame: InvokeEvent = { senderFrame: { url: 'app://counter/index.html', parent: null } };
  electron.answer = (channel, payload) => handlers.get(channel)!(frame, payload);
  const window = {
    isDestroyed: () => false,
    send: (event: string, data: unknown) => electron.emit(event, data),
  } as unknown as WebContents;
  const unforward = forwardEvents(
    counter,
    () => [window],
    () => [],
  );
  const report = vi.fn<(problem: string) => void>();
  const api = checkedApi('counter', electron.exposed.get('counter') as BridgeOf<'counter'>, report);
  return { api, report, close: () => (unforward(), unregister()) };
}

/** The value of a successful Result; fails the test with the error otherwise. */
async function valueOf<T>(answer: Promise<{ ok: true; value: T } | { ok: false; error: unknown }>) {
  const result = await answer;
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.error)}`);
  return result.value;
}

describe('window.counter end to end over the real preload and ipcMain adapter', () => {
  let counter: Counter | undefined;
  let close: (() => void) | undefined;
  afterEach(async () => {
    close?.();
    await counter?.close();
    counter = undefined;
  });

  it('a sale, its refund, the reports and every other method: every answer fits its schema', async () => {
    counter = await startDemoCounter();
    const cashier = await cashierOver(counter);
    close = cashier.close;
    const api: CounterApi = cashier.api;
    const updates: PaymentView[] = [];
    const offs = [
      api.onPaymentUpdated((payment) => updates.push(payment)),
      api.onSessionChanged(() => {}),
      api.onSettingsChanged(() => {}),
      api.onPrintStatusChanged(() => {}),
      api.onLatePayment(() => {}),
    ];

    expect(await valueOf(api.getSession())).toMatchObject({ active: null });
    expect(await valueOf(api.getSettings())).toMatchObject({ mode: 'demo' });
    // Demo mode has staff: each manager's PIN is their own, the counter's one PIN is retired.
    expect(await api.setManagerPin({ newPin: PIN, currentPin: PIN })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_STATE' },
    });
    expect(await valueOf(api.getManagerStatus())).toMatchObject({
      pinSet: true,
      namedManagers: true,
    });

    const sale = await valueOf(api.charge({ amount: '88.00', currency: 'CNY' }));
    await vi.waitFor(() => expect(updates.at(-1)?.state).toBe('awaiting_customer'));
    expect(await pressOnSandbox(counter.sandbox!, sale.id, 'success')).toBe(303);
    await vi.waitFor(() => expect(updates.at(-1)?.state).toBe('succeeded'));
    expect(await valueOf(api.getPayment({ paymentId: sale.id }))).toMatchObject({
      state: 'succeeded',
    });
    const refund = await valueOf(
      api.refund({ paymentId: sale.id, amount: '8.00', reason: 'cold tea', pin: PIN }),
    );
    expect(refund).toMatchObject({ paymentId: sale.id, amount: 800 });
    await vi.waitFor(async () =>
      expect((await valueOf(api.getPaymentDetail({ paymentId: sale.id }))).refunds).toEqual([
        expect.objectContaining({ state: 'succeeded' }),
      ]),
    );
    expect((await valueOf(api.searchHistory({}))).items).toHaveLength(1);
    expect(await valueOf(api.exportHistoryCsv({}))).toMatchObject({ rows: 1 });
    // Reports are the manager's: they open under the manager session.
    expect(await valueOf(api.unlockManager({ pin: PIN }))).toMatchObject({ session: {} });
    expect(await valueOf(api.getCurrentReport())).toMatchObject({ kind: 'X' });
    expect(await valueOf(api.closeDay({ pin: PIN }))).toMatchObject({ kind: 'Z' });
    expect((await valueOf(api.listReports())).reports).toHaveLength(1);
    expect(await valueOf(api.exportReportCsv({}))).toMatchObject({ truncated: false });
    expect(
      await valueOf(api.previewSlip({ paperWidth: 80, codePage: 'gb18030', paymentId: sale.id })),
    ).toMatchObject({ paperWidth: 80 });
    await valueOf(api.newSale());

    // The rest may succeed or be refused here (no printer, no desktop): either way, in shape.
    await Promise.all([
      api.cancel({ paymentId: sale.id }),
      api.keepLatePayment({ paymentId: sale.id }),
      api.retryAsLink({ paymentId: sale.id }),
      api.updateSettings({ merchantName: 'Tea House' }),
      api.testConnection(),
      api.retryHeldBackCallbacks(),
      api.getAppInfo(),
      api.resetManagerPin({ secret: 'not the secret', newPin: '135790' }),
      api.savePdf({ name: 'report.pdf' }),
      api.getAbout(),
      api.openLogsFolder(),
      api.checkForUpdates(),
      api.restartToUpdate({ pin: PIN }),
      api.listDisplays(),
      api.getPrintStatus(),
      api.retryPrint({}),
      api.dismissPrintFailure({ jobId: 1 }),
      api.printReceipt({ paymentId: sale.id, copy: 'customer' }),
      api.printReport({}),
      api.testPrint({
        printer: {
          kind: 'none',
          address: '',
          paperWidth: 58,
          codePage: 'gb18030',
          autoPrintCustomer: false,
          autoPrintMerchant: false,
        },
      }),
    ]);
    offs.forEach((off) => off());
    expect(cashier.report.mock.calls).toEqual([]);
  });
});
