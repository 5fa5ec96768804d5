import { createHash, createHmac } from 'node:crypto';
import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/journal/journal';
import {
  periodDigest,
  periodDigestRowByRow,
  rowMarks,
  type PeriodDigest,
  type RowMarks,
} from '../../../src/main/journal/period-digest';
import { prng } from '../../support/prng';

const journals: Journal[] = [];
afterEach(() => {
  for (const j of journals.splice(0)) j.close();
});

function open(): { journal: Journal; db: Database.Database } {
  const journal = new Journal(':memory:');
  journals.push(journal);
  return { journal, db: (journal as unknown as { db: Database.Database }).db };
}

/** The digest exactly as Z reports were closed before: row objects, one JSON line at a time. */
function digestAsBefore(
  db: Database.Database,
  from: RowMarks,
  upto: RowMarks,
  key: Buffer | undefined,
): PeriodDigest {
  const sql = {
    payments: `SELECT rowid, id, project_id, terminal_id, amount, currency, created_at, mode
      FROM payments WHERE rowid > ? AND rowid <= ? ORDER BY rowid`,
    refunds: `SELECT rowid, id, payment_id, amount, currency, reason, actor, created_at
      FROM refunds WHERE rowid > ? AND rowid <= ? ORDER BY rowid`,
    transitions: `SELECT id, payment_id, from_state, to_state, at, cause, detail, refund_id
      FROM transitions WHERE id > ? AND id <= ? ORDER BY id`,
  } as const;
  const mac = () => (key ? createHmac('sha256', key) : createHash('sha256'));
  const sections = { payments: '', refunds: '', transitions: '' };
  const counts = { payments: 0, refunds: 0, transitions: 0 };
  for (const kind of ['payments', 'refunds', 'transitions'] as const) {
    const hash = mac();
    for (const row of db.prepare(sql[kind]).iterate(from[kind], upto[kind])) {
      hash.update(JSON.stringify(Object.values(row as object)));
      hash.update('\n');
      counts[kind]++;
    }
    sections[kind] = hash.digest('hex');
  }
  const digest = mac()
    .update(`${sections.payments}|${sections.refunds}|${sections.transitions}`)
    .digest('hex');
  return { upto, counts, sections, digest, keyed: key !== undefined };
}

/** Text that JSON escapes in every way: quotes, backslashes, control and non-BMP characters. */
function nastyText(random: () => number): string {
  const pieces = [
    '"',
    '\\',
    '\n',
    '\r\t\b\f',
    '\u0000',
    '\u0001\u001f',
    '\u007f',
    '\u2028\u2029',
    '/',
    '</script>',
    'é',
    '中文',
    '😀',
    '\ufffd',
    '\ufeff',
    ' ',
    'abc',
    '{"a":[1]}',
  ];
  let s = '';
  const n = Math.floor(random() * 6);
  for (let i = 0; i < n; i++) {
    s +=
      random() < 0.2
        ? String.fromCodePoint(Math.floor(random() * 0x80))
        : pieces[Math.floor(random() * pieces.length)]!;
  }
  return s;
}

/** Payments, refunds and transitions with every kind of text and integer the columns hold. */
function fill(db: Database.Database, random: () => number, rows: number): void {
  const payment = db.prepare(`INSERT INTO payments (id, project_id, terminal_id, amount, currency,
    state, created_at, updated_at, refunded_amount, mode) VALUES (?, ?, ?, ?, ?, 'succeeded', ?, ?, 0, ?)`);
  const refund = db.prepare(`INSERT INTO refunds (id, payment_id, amount, currency, reason, actor,
    state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'created', ?, ?)`);
  const transition = db.prepare(`INSERT INTO transitions (payment_id, from_state, to_state, at,
    cause, detail, refund_id) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const int = () =>
    random() < 0.1
      ? Number.MAX_SAFE_INTEGER - Math.floor(random() * 10)
      : Math.floor(random() * 1e13);
  db.transaction(() => {
    for (let i = 0; i < rows; i++) {
      const id = `p${i}${nastyText(random)}`;
      payment.run(
        id,
        int() - 5e12,
        nastyText(random),
        1 + int(),
        nastyText(random),
        int(),
        int(),
        nastyText(random),
      );
      if (random() < 0.3)
        refund.run(
          `r${i}${nastyText(random)}`,
          id,
          1 + int(),
          nastyText(random),
          nastyText(random),
          nastyText(random),
          int(),
          int(),
        );
      const n = Math.floor(random() * 3);
      for (let t = 0; t < n; t++) {
        transition.run(
          id,
          random() < 0.5 ? null : nastyText(random),
          nastyText(random),
          int(),
          nastyText(random),
          random() < 0.5 ? null : JSON.stringify({ text: nastyText(random) }),
          random() < 0.7 ? null : nastyText(random),
        );
      }
    }
  })();
}

describe('the digest of a Z report’s money rows', () => {
  it('is what Z reports closed before computed, for any text and integer the rows hold, across chunks, keyed or not', () => {
    const random = prng(20);
    const { db } = open();
    fill(db, random, 2500);
    const all = rowMarks(db);
    const zero = { payments: 0, refunds: 0, transitions: 0 };
    const pick = (n: number) => Math.floor(random() * (n + 1));
    const spans: Array<[RowMarks, RowMarks]> = [[zero, all]];
    for (let i = 0; i < 6; i++) {
      const a = {
        payments: pick(all.payments),
        refunds: pick(all.refunds),
        transitions: pick(all.transitions),
      };
      const b = {
        payments: a.payments + pick(all.payments - a.payments),
        refunds: a.refunds + pick(all.refunds - a.refunds),
        transitions: a.transitions + pick(all.transitions - a.transitions),
      };
      spans.push([a, b]);
    }
    for (const [from, upto] of spans) {
      for (const key of [undefined, Buffer.alloc(32, 7)]) {
        const before = digestAsBefore(db, from, upto, key);
        expect(periodDigest(db, from, upto, key)).toEqual(before);
        expect(periodDigestRowByRow(db, from, upto, key)).toEqual(before);
      }
    }
  });

  it('a Z report closed the old way over an integer beyond 2^53 still verifies, and an edit is still found', () => {
    const { journal, db } = open();
    journal.create(
      { id: 'p1', projectId: 1, terminalId: 'T1', amount: 500, currency: 'CNY', createdAt: 1_000 },
      'charge',
    );
    journal.transition('p1', 'created', 'succeeded', 'paid', {}, undefined, 2_000);
    db.prepare('UPDATE payments SET project_id = ? WHERE id = ?').run(2n ** 53n + 1n, 'p1');
    journal.closeDay(3_000, 'manager');
    const zero = { payments: 0, refunds: 0, transitions: 0 };
    const upto = (
      JSON.parse(
        (db.prepare('SELECT digest FROM z_reports WHERE number = 1').get() as { digest: string })
          .digest,
      ) as PeriodDigest
    ).upto;
    // JavaScript read 2^53 + 1 as 2^53: the digest an older counter printed differs.
    const old = digestAsBefore(db, zero, upto, undefined);
    expect(old.digest).not.toBe(periodDigest(db, zero, upto, undefined).digest);
    db.prepare('UPDATE z_reports SET digest = ? WHERE number = 1').run(JSON.stringify(old));
    expect(journal.auditTrail.verify()).toMatchObject({ intact: true, zReports: [{ ok: true }] });

    db.prepare('UPDATE payments SET amount = 5 WHERE id = ?').run('p1');
    expect(journal.auditTrail.verify()).toMatchObject({
      intact: false,
      zReports: [{ ok: false, problem: expect.stringMatching(/money rows changed.*payments/) }],
    });
  });
});
