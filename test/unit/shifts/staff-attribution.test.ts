import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Journal } from '../../../src/main/journal/journal';
import type { RefundService } from '../../../src/main/payments/refund-service';
import { ok } from '../../../src/shared/result';
import { staffCounter } from '../../support/staff-setup';
import { NO_PRINTER } from '../../../src/main/printing/print-queue';

let sales = 0;
/** A paid sale as the money path journals it. */
function paidSale(journal: Journal, at: number): string {
  const id = `sale-${++sales}`;
  journal.create(
    { id, projectId: 1, terminalId: 'T1', amount: 1000, currency: 'CNY', createdAt: at },
    'charge',
  );
  journal.transition(id, 'created', 'succeeded', 'callback', {}, undefined, at + 1);
  return id;
}

/** A refund service that journals the refund as the real one does (before Gate is asked). */
function journalingRefunds(journal: Journal): RefundService {
  let n = 0;
  return {
    refund: (request: { paymentId: string; amount: number; reason: string; actor: string }) => {
      const reserved = journal.refunds.reserve({ id: `r${++n}`, ...request, at: 5 });
      if (!reserved.ok) return Promise.resolve(reserved);
      return Promise.resolve(ok(journal.refunds.get(`r${n}`)!));
    },
  } as unknown as RefundService;
}

describe('who took it', () => {
  it('each payment records the person signed in and their shift, across a handover', async () => {
    const c = await staffCounter();
    const ana = await c.add('Ana', 'cashier', '1357');
    const ben = await c.add('Ben', 'cashier', '8642');
    await c.shifts.signIn(ana.id, '1357');
    const first = paidSale(c.journal, 10);
    const handed = await c.shifts.handOver(ben.id, '8642');
    const second = paidSale(c.journal, 20);
    const anaShift = handed.ok ? handed.value.report.shiftId : -1;
    expect(c.journal.people.attribution.payment(first)).toMatchObject({
      staffName: 'Ana',
      shiftId: anaShift,
    });
    expect(c.journal.people.attribution.payment(second)).toMatchObject({
      staffName: 'Ben',
      shiftId: handed.ok ? handed.value.next.shift.id : -1,
    });
    expect(c.journal.people.attribution.paymentIdsBy(ben.id)).toEqual([second]);
  });

  it("a cashier's refund is refused without a manager, and records the manager who authorised it", async () => {
    const withRefunds = await staffCounter({ refunds: journalingRefunds });
    const ben = await withRefunds.add('Ben', 'cashier', '8642');
    await withRefunds.shifts.signIn(ben.id, '8642');
    const sale = paidSale(withRefunds.journal, 10);
    const alone = await withRefunds.actions.refund({
      paymentId: sale,
      amount: '1.00',
      reason: 'x',
    });
    expect(alone).toMatchObject({ ok: false, error: { code: 'NEEDS_MANAGER' } });
    const bensPin = await withRefunds.actions.refund({
      paymentId: sale,
      amount: '1.00',
      reason: 'x',
      manager: { staffId: ben.id, pin: '8642' },
    });
    expect(bensPin).toMatchObject({ ok: false, error: { code: 'NEEDS_MANAGER' } });
    const authorised = await withRefunds.actions.refund({
      paymentId: sale,
      amount: '1.00',
      reason: 'wrong tea',
      manager: { staffId: withRefunds.mia.id, pin: '918273' },
    });
    expect(authorised).toMatchObject({ ok: true, value: { actor: 'Ben', amount: 100 } });
    const refundId = authorised.ok ? authorised.value.id : '';
    expect(withRefunds.journal.people.attribution.refund(refundId)).toMatchObject({
      staffName: 'Ben',
      authorisedByName: 'Mia',
    });
    // The authorisation covered that one action only.
    expect(withRefunds.journal.people.shifts.open()[0]?.authorising).toBeNull();
    const entry = withRefunds.journal
      .auditLog()
      .find((e) => e.action === 'manager authorised an action');
    expect(entry).toMatchObject({ staffId: ben.id, detail: { action: 'refund' } });
    expect(withRefunds.journal.auditTrail.verify().intact).toBe(true);
  });

  it('a late decision, a print job and an audit entry record the person and the shift', async () => {
    const c = await staffCounter();
    const ana = await c.add('Ana', 'cashier', '1357');
    const signed = await c.shifts.signIn(ana.id, '1357');
    const shiftId = signed.ok ? signed.value.shift.id : -1;
    const sale = paidSale(c.journal, 10);
    c.journal.transition(sale, 'succeeded', 'succeeded', 'late', { lateAlert: 'open' });
    c.journal.transition(sale, 'succeeded', 'succeeded', 'kept', { lateAlert: 'kept' });
    expect(c.journal.people.attribution.payment(sale)).toMatchObject({
      lateStaffId: ana.id,
      lateShiftId: shiftId,
    });
    const job = c.journal.printJobs.queue({
      kind: 'customer',
      paymentId: sale,
      printer: NO_PRINTER,
      at: 1,
    });
    expect(c.journal.people.attribution.printJob(job.id)).toEqual({ staffId: ana.id, shiftId });
    const entry = c.journal.audit('cashier', 'reprint asked', sale);
    expect(entry).toMatchObject({ staffId: ana.id, shiftId });
  });

  it('an audit entry whose person is edited afterwards breaks the chain', async () => {
    const c = await staffCounter();
    const ana = await c.add('Ana', 'cashier', '1357');
    await c.shifts.signIn(ana.id, '1357');
    c.journal.audit('cashier', 'reprint asked', null);
    expect(c.journal.auditTrail.verify().intact).toBe(true);
    // Whoever edits the file has to get past the append-only trigger first.
    const db = (c.journal as unknown as { db: Database.Database }).db;
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET staff_id = ? WHERE action = 'reprint asked'").run(c.mia.id);
    expect(c.journal.auditTrail.verify().intact).toBe(false);
  });
});
