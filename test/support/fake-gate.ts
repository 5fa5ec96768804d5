import type {
  GateAck,
  GateClient,
  GateError,
  GateResult,
  GateStatus,
  RefundRequest,
  SaleRequest,
  StatusAnswer,
} from '../../src/main/gate';
import { parseCallback } from '../../src/main/gate';
import type { ReceivedCallback } from '../../src/main/callbacks/callback-listener';
import type { Journal } from '../../src/main/journal/journal';
import type { PaymentRecord } from '../../src/main/journal/payment-record';
import { DEFAULT_SETTINGS, type Settings } from '../../src/main/settings/settings';
import { sign } from '../../src/protocol/signer';

/** The project and secret of the fakes below. */
export const PROJECT_ID = 1001;
export const SECRET = 'unit-test-secret';

/** A counter's settings for the unit tests: project 1001, terminal T01, one hour's threshold. */
export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return { ...DEFAULT_SETTINGS, projectId: PROJECT_ID, terminalId: 'T01', ...overrides };
}

type Answer<T> = GateResult<T> | Promise<GateResult<T>>;

/**
 * A Gate client that answers what the test says and remembers every request, so a test can
 * tell what Gate would have seen, and how often. By default Gate acknowledges sales and refunds
 * and knows no payment.
 */
export interface FakeGate extends GateClient {
  readonly sales: SaleRequest[];
  readonly refunds: RefundRequest[];
  /** Payment ids of status requests, in order. */
  readonly statusAsks: string[];
  answerSale: (request: SaleRequest) => Answer<GateAck>;
  answerRefund: (request: RefundRequest) => Answer<GateAck>;
  answerStatus: (paymentId: string) => Answer<StatusAnswer>;
}

/** A fake Gate client (see FakeGate). */
export function fakeGate(): FakeGate {
  const gate: FakeGate = {
    sales: [],
    refunds: [],
    statusAsks: [],
    answerSale: (request) => acknowledged(`sale-${request.paymentId}`),
    answerRefund: (request) => acknowledged(`refund-${request.merchantRefundId}`),
    answerStatus: () => notFound(),
    sale(request) {
      gate.sales.push(request);
      return Promise.resolve(gate.answerSale(request));
    },
    refund(request) {
      gate.refunds.push(request);
      return Promise.resolve(gate.answerRefund(request));
    },
    status(paymentId) {
      gate.statusAsks.push(paymentId);
      return Promise.resolve(gate.answerStatus(paymentId));
    },
    close() {},
  };
  return gate;
}

/** Gate's acknowledgement of a sale or refund request. */
export function acknowledged(requestId: string): GateResult<GateAck> {
  return { ok: true, value: { status: 'success', request_id: requestId } };
}

/** A failed Gate call. */
export function failed<T>(error: GateError): GateResult<T> {
  return { ok: false, error };
}

/** Gate refusing a request with a code and message. */
export function rejectedBy<T>(code: string, message: string, field?: string): GateResult<T> {
  return failed({ kind: 'rejected', httpStatus: 400, code, message, ...(field ? { field } : {}) });
}

/** "3061 Transaction not found". */
export function notFound(): GateResult<StatusAnswer> {
  return { ok: true, value: { found: false, code: '3061', message: 'Transaction not found' } };
}

/** A status answer for a payment Gate knows, in `status`, with its sale operation. */
export function statusAnswer(
  payment: Pick<PaymentRecord, 'id' | 'amount' | 'currency'>,
  status: string,
  extra: Partial<GateStatus> = {},
): GateResult<StatusAnswer> {
  const sum = { amount: payment.amount, currency: payment.currency };
  const answer: GateStatus = {
    project_id: String(PROJECT_ID),
    payment: { id: payment.id, status, sum },
    operations: [
      {
        id: `op-${payment.id}`,
        type: 'sale',
        status,
        sum_initial: sum,
        ...(status === 'success' ? { code: '0', message: 'Success' } : {}),
        ...(status === 'decline' ? { code: '20105', message: 'Insufficient funds' } : {}),
      },
    ],
    ...extra,
  };
  return { ok: true, value: { found: true, status: answer } };
}

/** A callback body as Gate signs and posts it, received by the listener and verified. */
export function receivedCallback(
  callback: Record<string, unknown>,
  options: { secret?: string; at?: number; from?: string } = {},
): ReceivedCallback {
  const rawText = JSON.stringify({
    ...callback,
    signature: sign(callback, options.secret ?? SECRET),
  });
  return {
    rawText,
    receivedAt: new Date(options.at ?? Date.now()),
    remoteAddress: options.from ?? '127.0.0.1',
    parsed: parseCallback(rawText, SECRET),
  };
}

/** Gate's final callback about a sale. */
export function finalCallback(
  payment: Pick<PaymentRecord, 'id' | 'amount' | 'currency'>,
  status: 'success' | 'decline' | 'error',
  sum: { amount: number; currency: string } = payment,
): Record<string, unknown> {
  const money = { amount: sum.amount, currency: sum.currency };
  return {
    project_id: PROJECT_ID,
    payment: { id: payment.id, type: 'purchase', status, sum: money },
    operation: {
      id: 77,
      type: 'sale',
      status,
      ...(status === 'success' ? { code: '0', message: 'Success' } : {}),
      ...(status === 'decline' ? { code: '20105', message: 'Insufficient funds' } : {}),
      sum_initial: money,
    },
  };
}

/** Gate's intermediate callback: the QR text and its lifetime in seconds. */
export function qrCallback(
  payment: Pick<PaymentRecord, 'id' | 'amount' | 'currency'>,
  qr: string,
  timeoutSeconds = 600,
): Record<string, unknown> {
  const sum = { amount: payment.amount, currency: payment.currency };
  return {
    project_id: PROJECT_ID,
    payment: { id: payment.id, type: 'purchase', status: 'awaiting customer action', sum },
    operation: { type: 'sale', status: 'awaiting customer action', sum_initial: sum },
    display_data: [
      { type: 'qr_data', data: qr },
      { type: 'add_info', title: 'QR Code Timeout', data: String(timeoutSeconds) },
    ],
  };
}

/** A payment of project 1001 written straight to the journal, then moved to `state`. */
export function journaledPayment(
  journal: Journal,
  id: string,
  state: PaymentRecord['state'],
  options: { amount?: number; createdAt?: number; mode?: PaymentRecord['mode'] } = {},
): PaymentRecord {
  const created = journal.create(
    {
      id,
      projectId: PROJECT_ID,
      terminalId: 'T01',
      amount: options.amount ?? 10_000,
      currency: 'CNY',
      createdAt: options.createdAt ?? Date.now(),
      ...(options.mode ? { mode: options.mode } : {}),
    },
    'test: journaled',
  );
  return state === 'created' ? created : journal.transition(id, 'created', state, 'test: set up');
}

/** The audit entries about one payment, as (actor, action) pairs, oldest first. */
export function auditOf(journal: Journal, paymentId: string): Array<[string, string]> {
  return journal
    .auditLog()
    .filter((entry) => entry.paymentId === paymentId)
    .map((entry) => [entry.actor, entry.action]);
}
