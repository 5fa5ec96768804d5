import { afterEach, describe, expect, it } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import { english } from '../../src/main/i18n/wording';
import type { PrinterSettings } from '../../src/shared/printing/printer-options';
import {
  charge,
  pressOnSandbox,
  startDemoCounter,
  tempDataDir,
  TEST_PROJECT,
  waitForPayment,
} from '../support/counter-harness';
import { printedQrCodes, printedText } from '../support/escpos-reader';
import {
  refusingAddress,
  startFakePrinter,
  type FakeReceiptPrinter,
  type PrinterBehaviour,
} from '../support/fake-receipt-printer';

/** Network timeouts short enough for tests (the app waits 3 s, 0.8 s and 10 s). */
const FAST = { connectMs: 1000, statusMs: 300, finishMs: 800 };

const printerAt = (address: string, more: Partial<PrinterSettings> = {}): PrinterSettings => ({
  kind: 'tcp',
  address,
  paperWidth: 58,
  codePage: 'gb18030',
  driverPaper: 'roll',
  autoPrintCustomer: true,
  autoPrintMerchant: false,
  ...more,
});

let counter: Counter | undefined;
let printer: FakeReceiptPrinter | undefined;
afterEach(async () => {
  await counter?.close();
  await printer?.close();
  counter = undefined;
  printer = undefined;
});

async function start(printerSettings: PrinterSettings, dataDir = tempDataDir()) {
  counter = await startDemoCounter({
    dataDir,
    // An English store with the customer display in Simplified Chinese (its default).
    settingsOverrides: { merchantName: '茶馆 Tea House', printer: printerSettings, language: 'en' },
    printing: { tcpTimeouts: FAST },
  });
  return counter;
}

async function paidSale(c: Counter, amount: string): Promise<string> {
  const sale = await charge(c, amount);
  await waitForPayment(c, sale.id, (p) => p.state === 'awaiting_customer');
  await pressOnSandbox(c.sandbox!, sale.id, 'success');
  await waitForPayment(c, sale.id, (p) => p.state === 'succeeded');
  const session = await c.handlers['session:new-sale']({});
  expect(session.ok).toBe(true);
  return sale.id;
}

const status = async (c: Counter) => {
  const result = await c.handlers['printing:status']({});
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('receipt printing on a counter', () => {
  it('a paid sale prints the customer slip, then the merchant copy: QR, Gate operation id, amount', async () => {
    printer = await startFakePrinter('print');
    const c = await start(printerAt(printer.address, { autoPrintMerchant: true }));
    const paymentId = await paidSale(c, '88.00');
    const [customer, merchant] = await printer.waitForJobs(2);

    const operationId = String(c.sandbox!.payment(TEST_PROJECT, paymentId)!.operations[0]!.id);
    const text = printedText(customer!);
    for (const fact of ['茶馆 Tea House', 'CNY 88.00', '支付宝', paymentId, operationId, '顾客联'])
      expect(text).toContain(fact);
    expect(printedQrCodes(customer!)).toEqual([paymentId]);
    // The merchant's copy is in the store's language.
    expect(printedText(merchant!)).toContain('MERCHANT COPY');

    await c.printQueue.whenIdle();
    const jobs = c.journal.printJobs.ofPayment(paymentId);
    expect(jobs.map((j) => [j.kind, j.state, j.attempts])).toEqual([
      ['customer', 'sent', 1],
      ['merchant', 'sent', 1],
    ]);
    expect(jobs[0]!.printer).toBe(`network printer ${printer.address}`);
  });

  it('a refund prints its slip: what was refunded, what remains, the reason', async () => {
    printer = await startFakePrinter('print');
    const c = await start(printerAt(printer.address));
    const paymentId = await paidSale(c, '100.00');
    await printer.waitForJobs(1);
    const refund = await c.handlers['refunds:create']({
      paymentId,
      amount: '30.00',
      reason: '退一杯 one cup',
      pin: '2468',
    });
    expect(refund.ok).toBe(true);
    const [, slip] = await printer.waitForJobs(2);
    const text = printedText(slip!);
    for (const fact of [
      '退款凭证',
      'CNY 30.00',
      'CNY 100.00',
      'CNY 70.00',
      '退一杯 one cup',
      paymentId,
    ])
      expect(text).toContain(fact);
    expect(printedQrCodes(slip!)).toEqual([paymentId]);
  });

  const faults: Array<[string, PrinterBehaviour | 'refuse', RegExp]> = [
    ['refuses the connection', 'refuse', /refused the connection/],
    ['hangs', 'hang', /did not confirm the slip/],
    ['closes mid-slip', 'reset-mid-job', /closed the connection in the middle of the slip/],
    ['is out of paper', 'paper-out', /out of paper/],
  ];
  for (const [what, behaviour, reason] of faults) {
    it(`a printer that ${what}: the sale is paid all the same, the slip fails with the reason, Retry prints it`, async () => {
      printer = await startFakePrinter(behaviour === 'refuse' ? 'print' : behaviour);
      const address = behaviour === 'refuse' ? await refusingAddress() : printer.address;
      const c = await start(printerAt(address));
      const changes: number[] = [];
      c.events.on('printing:changed', (view) => changes.push(view.failed.length));

      const paymentId = await paidSale(c, '12.00');
      expect(c.journal.get(paymentId)!.state).toBe('succeeded');
      await c.printQueue.whenIdle();
      const failed = (await status(c)).failed;
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ kind: 'customer', paymentId, state: 'failed' });
      expect(english(failed[0]!.reason!)).toMatch(reason);
      expect(changes.at(-1)).toBe(1);

      // The printer is fixed (switched on, paper loaded): Retry prints the slip once.
      if (behaviour === 'refuse') {
        const update = await c.handlers['settings:update']({
          printer: printerAt(printer.address),
          pin: '2468',
        });
        expect(update.ok).toBe(true);
      }
      printer.behaviour = 'print';
      const retried = await c.handlers['printing:retry']({ jobId: failed[0]!.id });
      expect(retried.ok).toBe(true);
      // A second press before it ran adds nothing.
      expect((await c.handlers['printing:retry']({ jobId: failed[0]!.id })).ok).toBe(false);
      const [slip] = await printer.waitForJobs(1);
      expect(printedQrCodes(slip!)).toEqual([paymentId]);
      await c.printQueue.whenIdle();
      expect((await status(c)).failed).toEqual([]);
      expect(c.journal.printJobs.get(failed[0]!.id)).toMatchObject({
        state: 'sent',
        attempts: 2,
        reason: null,
      });
      expect(changes.at(-1)).toBe(0);
      expect(printer.jobs).toHaveLength(1);
    });
  }

  it('a slip cut off by a stop is shown as failed at the next start, never printed again unasked', async () => {
    printer = await startFakePrinter('hang');
    const dataDir = tempDataDir();
    const c = await start(printerAt(printer.address, { autoPrintCustomer: true }), dataDir);
    const paymentId = await paidSale(c, '15.00');
    await expect.poll(() => c.journal.printJobs.ofPayment(paymentId).length).toBe(1);
    await c.close();
    counter = undefined;

    printer.behaviour = 'print';
    const again = await start(printerAt(printer.address), dataDir);
    const failed = (await status(again)).failed;
    expect(failed).toMatchObject([{ paymentId, kind: 'customer', state: 'failed' }]);
    expect(english(failed[0]!.reason!)).toMatch(/counter stopped before this slip was confirmed/);
    // Whatever the start queued has been sent by the time the queue is idle: none was.
    await again.printQueue.whenIdle();
    expect(again.journal.printJobs.ofPayment(paymentId).map((job) => job.state)).toEqual([
      'failed',
    ]);
    expect(printer.jobs).toHaveLength(0);
  });

  it('reprints say REPRINT and go to the audit log; a Z slip carries the chain head hash', async () => {
    printer = await startFakePrinter('print');
    const c = await start(printerAt(printer.address, { autoPrintCustomer: false }));
    const paymentId = await paidSale(c, '20.00');
    const reprint = await c.handlers['printing:receipt']({ paymentId, copy: 'customer' });
    expect(reprint.ok).toBe(true);
    const [slip] = await printer.waitForJobs(1);
    expect(printedText(slip!)).toContain('重印');
    expect(
      c.journal
        .auditLog()
        .filter((e) => e.action === 'receipt reprinted' && e.paymentId === paymentId),
    ).toHaveLength(1);

    const closed = await c.handlers['reports:close-day']({ pin: '2468' });
    expect(closed.ok).toBe(true);
    const log = c.journal.auditLog();
    const dayClosed = log.findIndex((e) => e.action === 'day closed');
    const head = log[dayClosed - 1]!.hash;
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    expect((await c.handlers['printing:report']({ number: 1 })).ok).toBe(true);
    const [, z] = await printer.waitForJobs(2);
    const text = printedText(z!);
    expect(text).toContain('Z REPORT 1');
    expect(text).toContain('CNY 20.00');
    expect(text).toContain(head.slice(0, 32));
    expect(text).toContain(head.slice(32));
    const digest = c.journal.reports.zReport(1)?.evidence?.digest ?? '';
    expect(digest).not.toBe('');
    expect(text).toContain(digest.slice(0, 32));
  });

  it('a late payment prints nothing until the cashier keeps it, then its slip', async () => {
    printer = await startFakePrinter('print');
    const c = await start(printerAt(printer.address));
    const sale = await charge(c, '33.00');
    await waitForPayment(c, sale.id, (p) => p.state === 'awaiting_customer');
    expect((await c.handlers['payments:cancel']({ paymentId: sale.id })).ok).toBe(true);
    await pressOnSandbox(c.sandbox!, sale.id, 'success');
    await waitForPayment(c, sale.id, (p) => p.lateAlert === 'open');
    await c.printQueue.whenIdle();
    expect(c.journal.printJobs.ofPayment(sale.id)).toEqual([]);

    expect((await c.handlers['payments:keep-late']({ paymentId: sale.id })).ok).toBe(true);
    const [slip] = await printer.waitForJobs(1);
    expect(printedQrCodes(slip!)).toEqual([sale.id]);
  });

  it('with no printer set up a sale prints nothing and shows no failure; a reprint says why not', async () => {
    const c = await start({ ...printerAt(''), kind: 'none' });
    const paymentId = await paidSale(c, '11.00');
    expect(c.journal.printJobs.ofPayment(paymentId)).toEqual([]);
    expect(await status(c)).toEqual({ printer: null, failed: [], printing: 0 });
    const reprint = await c.handlers['printing:receipt']({ paymentId, copy: 'customer' });
    expect(reprint).toMatchObject({
      ok: false,
      error: { code: 'NOT_CONFIGURED', message: expect.stringMatching(/Settings → Printer/) },
    });
  });
});
