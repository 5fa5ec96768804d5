import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Counter } from '../../src/main/app/create-counter';
import {
  charge,
  postCallback,
  pressOnSandbox,
  saleCallback,
  startDemoCounter,
  tempDataDir,
  waitForPayment,
} from '../support/counter-harness';

/**
 * An audit entry is written in the same transaction as the change it describes: when the entry
 * cannot be written (here a trigger refuses it, as a full disk would), the change does not
 * happen either, so the journal never holds a change the audit log does not tell.
 */
describe('audit entries and their changes, all or nothing', () => {
  let counter: Counter | undefined;
  let dataDir = '';
  afterEach(async () => {
    await counter?.close();
    counter = undefined;
  });

  async function start() {
    dataDir = tempDataDir();
    counter = await startDemoCounter({ dataDir });
    return counter;
  }

  /** From now on, the audit log refuses entries with this action. */
  function refuseAudit(action: string): void {
    const db = new Database(join(dataDir, 'journal.sqlite'));
    db.prepare(
      `CREATE TRIGGER refuse_${action.replaceAll(' ', '_')} BEFORE INSERT ON audit_log
       WHEN NEW.action = '${action}' BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    ).run();
    db.close();
  }

  it('a cancel whose audit entry fails is not a cancel', async () => {
    const c = await start();
    const sale = await charge(c, '21.00');
    await waitForPayment(c, sale.id, (p) => p.state === 'awaiting_customer');
    refuseAudit('sale cancelled');
    await expect(c.handlers['payments:cancel']({ paymentId: sale.id })).rejects.toThrow(
      /disk full/,
    );
    expect(c.journal.get(sale.id)!.cancelledAt).toBeNull();
  });

  it('a refund whose "refund requested" entry fails is never reserved nor sent', async () => {
    const c = await start();
    const sale = await charge(c, '22.00');
    await waitForPayment(c, sale.id, (p) => p.state === 'awaiting_customer');
    await pressOnSandbox(c.sandbox!, sale.id, 'success');
    await waitForPayment(c, sale.id, (p) => p.state === 'succeeded');
    refuseAudit('refund requested');
    const before = c.sandbox!.stats().requests.refund;
    await expect(
      c.handlers['refunds:create']({
        paymentId: sale.id,
        amount: '5.00',
        reason: 'x',
        pin: '2468',
      }),
    ).rejects.toThrow(/disk full/);
    expect(c.journal.refunds.ofPayment(sale.id)).toEqual([]);
    expect(c.sandbox!.stats().requests.refund).toBe(before);
  });

  it('a late payment whose alert entry fails is not taken as paid: Gate is asked to deliver again', async () => {
    const c = await start();
    c.sandbox!.setFaults({ dropCallbacks: true });
    const sale = await charge(c, '23.00');
    await c.handlers['payments:cancel']({ paymentId: sale.id });
    refuseAudit('late payment');
    expect(await postCallback(c, saleCallback(sale.id, 2300, 'success'))).toBe(500);
    expect(c.journal.get(sale.id)!.state).not.toBe('succeeded');
    expect(c.journal.openLateAlerts()).toEqual([]);
  });
});
