import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal, StaleStateError } from '../../../src/main/journal/journal';
import { MIGRATIONS, migrate } from '../../../src/main/journal/migrations';
import { verifyAuditChain } from '../../../src/main/journal/audit-verify';

const journals: Journal[] = [];
function open(path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'journal.sqlite')): {
  journal: Journal;
  path: string;
} {
  const journal = new Journal(path);
  journals.push(journal);
  return { journal, path };
}
afterEach(() => {
  for (const j of journals.splice(0)) {
    try {
      j.close();
    } catch {
      /* already closed */
    }
  }
});

const payment = (id: string, createdAt = 1_000) => ({
  id,
  projectId: 7,
  terminalId: 'T1',
  amount: 1250,
  currency: 'CNY' as const,
  createdAt,
});

describe('journal', () => {
  it('creates a payment in state created with its first transition', () => {
    const { journal } = open();
    const created = journal.create(payment('p1'), 'cashier pressed Charge');
    expect(created).toMatchObject({
      id: 'p1',
      state: 'created',
      amount: 1250,
      currency: 'CNY',
      refundedAmount: 0,
      cancelledAt: null,
      qr: null,
    });
    expect(journal.transitionsOf('p1')).toMatchObject([
      { from: null, to: 'created', cause: 'cashier pressed Charge' },
    ]);
  });

  it('refuses a second payment with the same id (the idempotency key)', () => {
    const { journal } = open();
    journal.create(payment('p1'), 'first');
    expect(() => journal.create(payment('p1'), 'again')).toThrow(/UNIQUE/);
  });

  it('records every transition with time, cause and detail, and applies the patch', () => {
    const { journal } = open();
    journal.create(payment('p1'), 'c');
    journal.transition(
      'p1',
      'created',
      'requested',
      'ack',
      { requestId: 'req-1' },
      { event: 'acknowledged' },
      2_000,
    );
    const qr = { kind: 'text' as const, text: 'https://qr' };
    const after = journal.transition(
      'p1',
      'requested',
      'awaiting_customer',
      'qr',
      { qr, qrExpiresAt: 9_000 },
      undefined,
      3_000,
    );
    expect(after).toMatchObject({
      state: 'awaiting_customer',
      requestId: 'req-1',
      qr,
      qrExpiresAt: 9_000,
      updatedAt: 3_000,
    });
    expect(journal.transitionsOf('p1').map((t) => [t.from, t.to, t.at, t.cause])).toEqual([
      [null, 'created', 1_000, 'c'],
      ['created', 'requested', 2_000, 'ack'],
      ['requested', 'awaiting_customer', 3_000, 'qr'],
    ]);
  });

  it('refuses a transition from a state the payment is no longer in', () => {
    const { journal } = open();
    journal.create(payment('p1'), 'c');
    journal.transition('p1', 'created', 'requested', 'ack');
    expect(() => journal.transition('p1', 'created', 'rejected', 'late rejection')).toThrow(
      StaleStateError,
    );
    expect(journal.get('p1')?.state).toBe('requested');
  });

  it('lists only unfinished payments for recovery, oldest first', () => {
    const { journal } = open();
    for (const [id, at] of [
      ['a', 3],
      ['b', 1],
      ['c', 2],
      ['d', 4],
    ] as const)
      journal.create(payment(id, at), 'c');
    journal.transition('c', 'created', 'succeeded', 'paid');
    journal.transition('d', 'created', 'unknown', 'timeout');
    expect(journal.openPayments().map((p) => p.id)).toEqual(['b', 'a', 'd']);
  });

  it('keeps everything across a reopen (durable commits)', () => {
    const { journal, path } = open();
    journal.create(payment('p1'), 'c');
    journal.recordCallback({
      receivedAt: 5,
      paymentId: 'p1',
      verified: false,
      problem: 'bad_signature',
      outcome: 'ignored',
      remote: '127.0.0.1',
      raw: '{"x":1}',
    });
    journal.audit('cashier', 'sale cancelled', 'p1', { why: 'test' });
    journal.setCounterState('active_payment', 'p1');
    journal.close();
    const again = new Journal(path);
    journals.push(again);
    expect(again.get('p1')?.state).toBe('created');
    expect(again.callbacksOf('p1')).toMatchObject([
      { verified: false, problem: 'bad_signature', raw: '{"x":1}' },
    ]);
    expect(again.auditLog()).toMatchObject([
      { actor: 'cashier', action: 'sale cancelled', paymentId: 'p1', detail: { why: 'test' } },
    ]);
    expect(again.getCounterState('active_payment')).toBe('p1');
  });

  it('runs in WAL mode with synchronous=FULL', () => {
    const { path } = open();
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    const { journal } = open();
    expect(
      (journal as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true }),
    ).toBe(2); // FULL
  });

  it('records schema versions, migrates a version-1 journal forward (chaining its audit log), and refuses a newer one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'migrate-'));
    const path = join(dir, 'j.sqlite');
    const db = new Database(path);
    expect(migrate(db, MIGRATIONS.slice(0, 1))).toBe(1);
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, payment_id, detail) VALUES (1, 'system', 'app started', NULL, NULL)",
    ).run();
    db.prepare(
      "INSERT INTO audit_log (at, actor, action, payment_id, detail) VALUES (2, 'cashier', 'sale cancelled', 'p1', '{}')",
    ).run();
    expect(migrate(db, MIGRATIONS)).toBe(MIGRATIONS.length);
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, entries: 2, keyed: 0, unproven: 0 });
    const extra = {
      version: MIGRATIONS.length + 1,
      description: 'test column',
      sql: 'ALTER TABLE payments ADD COLUMN note TEXT',
    };
    expect(migrate(db, [...MIGRATIONS, extra])).toBe(MIGRATIONS.length + 1);
    expect(db.prepare('SELECT version FROM schema_version ORDER BY version').all()).toEqual(
      [...MIGRATIONS, extra].map((m) => ({ version: m.version })),
    );
    db.close();
    expect(() => new Journal(path)).toThrow(
      new RegExp(
        `schema version ${MIGRATIONS.length + 1}, newer than this app knows \\(${MIGRATIONS.length}\\)`,
      ),
    );
  });
});

describe('settlement times that reports file by', () => {
  it('a refund written off as rejected and then carried out is filed when it succeeded, in the open period', () => {
    const { journal } = open();
    journal.create(payment('p1'), 'charge');
    journal.transition('p1', 'created', 'succeeded', 'paid', {}, undefined, 2_000);
    const reserved = journal.refunds.reserve({
      id: 'r1',
      paymentId: 'p1',
      amount: 250,
      reason: 'test',
      actor: 'manager',
      at: 3_000,
    });
    if (!reserved.ok) throw new Error(reserved.error.message);
    journal.refunds.transition('r1', 'created', 'rejected', 'not found', {}, 4_000);
    const z1 = journal.closeDay(5_000, 'manager');
    expect(z1.currencies[0]?.refunds).toEqual({ count: 0, sum: 0 });

    journal.refunds.transition('r1', 'rejected', 'succeeded', 'late callback', {}, 6_000);
    expect(journal.refunds.get('r1')?.settledAt).toBe(6_000);
    expect(journal.closeDay(7_000, 'manager').currencies[0]?.refunds).toEqual({
      count: 1,
      sum: 250,
    });
  });

  it('a period ends no earlier than its newest settlement (one filed while the clock ran fast)', () => {
    const { journal } = open();
    journal.create(payment('p1'), 'charge');
    journal.transition('p1', 'created', 'succeeded', 'paid', {}, undefined, 20_000);
    // The clock was corrected back to 15,000 before the day was closed.
    expect(journal.reports.current(15_000).currencies[0]?.payments.count).toBe(1);
    const z = journal.closeDay(15_000, 'manager');
    expect(z.periodEnd).toBe(20_000);
    expect(z.currencies[0]?.payments.count).toBe(1);
  });

  it('a settlement with the clock behind the last Z is filed just after it, not in the closed period', () => {
    const { journal } = open();
    journal.closeDay(10_000, 'manager');
    journal.create(payment('p1'), 'charge');
    journal.transition('p1', 'created', 'succeeded', 'paid', {}, undefined, 8_000);
    expect(journal.get('p1')?.settledAt).toBe(10_001);
    expect(journal.reports.current(9_000).currencies[0]?.payments).toEqual({ count: 1, sum: 1250 });
  });
});
