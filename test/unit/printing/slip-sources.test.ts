import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../../src/main/journal/journal';
import { gateOperationId, refundFacts, saleFacts } from '../../../src/main/printing/slip-sources';

let journal: Journal | undefined;
afterEach(() => journal?.close());

function paidPayment(): Journal {
  journal = new Journal(join(mkdtempSync(join(tmpdir(), 'slips-')), 'journal.sqlite'));
  journal.create(
    {
      id: 'T1-P',
      projectId: 7,
      terminalId: 'T1',
      amount: 10_000,
      currency: 'CNY',
      createdAt: 1_000,
    },
    'test',
  );
  journal.transition('T1-P', 'created', 'requested', 'ack');
  return journal;
}

/** A sale callback as Gate sends it: the operation id as a bare JSON number, every digit kept. */
const callback = (operationId: string) =>
  `{"payment":{"id":"T1-P","status":"success","sum":{"amount":10000,"currency":"CNY"}},` +
  `"operation":{"id":${operationId},"type":"sale","status":"success"}}`;

const record = (j: Journal, raw: string, verified: boolean) =>
  j.recordCallback({
    receivedAt: 2_000,
    paymentId: 'T1-P',
    verified,
    problem: verified ? null : 'bad signature',
    outcome: null,
    remote: '127.0.0.1',
    raw,
  });

describe('what a slip says comes from the journal', () => {
  it("Gate's operation id: from the settling transition, else a verified callback, never a forged one", () => {
    const j = paidPayment();
    record(j, callback('666'), false);
    expect(gateOperationId(j, 'T1-P')).toBeNull();
    // Ids beyond 2^53 keep every digit (the callback is read losslessly).
    record(j, callback('20891000000000045123'), true);
    expect(gateOperationId(j, 'T1-P')).toBe('20891000000000045123');
    j.transition(
      'T1-P',
      'requested',
      'succeeded',
      'status: success',
      {},
      { event: 'final', operationId: '4242' },
    );
    expect(gateOperationId(j, 'T1-P')).toBe('4242');
  });

  it('only a paid payment has a receipt', () => {
    const j = paidPayment();
    expect(saleFacts(j, { merchantName: 'Tea' }, 'T1-P')).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_STATE',
        message: 'Payment T1-P was not paid: only paid sales have a receipt.',
      },
    });
    expect(saleFacts(j, { merchantName: 'Tea' }, 'nope')).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it("a refund slip's remainder is what was left right after that refund, also when reprinted later", () => {
    const j = paidPayment();
    j.transition('T1-P', 'requested', 'succeeded', 'final', {}, undefined, 3_000);
    const refund = (id: string, amount: number, at: number) => {
      const reserved = j.refunds.reserve({
        id,
        paymentId: 'T1-P',
        amount,
        reason: `r ${id}`,
        actor: 'manager',
        at,
      });
      if (!reserved.ok) throw new Error(reserved.error.message);
      j.refunds.transition(id, 'created', 'succeeded', 'callback', {}, at + 10);
    };
    refund('R1', 3_000, 4_000);
    refund('R2', 2_500, 5_000);
    expect(refundFacts(j, { merchantName: 'Tea' }, 'R1')).toMatchObject({
      ok: true,
      value: {
        refundAmount: 3_000,
        paymentAmount: 10_000,
        remaining: 7_000,
        reason: 'r R1',
        refundedAt: 4_010,
      },
    });
    expect(refundFacts(j, { merchantName: 'Tea' }, 'R2')).toMatchObject({
      ok: true,
      value: { remaining: 4_500 },
    });
  });
});
