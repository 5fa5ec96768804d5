import {
  callbackOutcome,
  describeGateError,
  FAILED_PURCHASE_STATUSES,
  finalOutcome,
  REFUND_OPERATION_TYPES,
  type GateCallback,
  type GateOperation,
} from '../gate';
import { OPEN_REFUND_STATES, type RefundRecord } from '../journal/refund-journal';
import { createLogger } from '../logging/logger';
import type { ReconcilerDeps } from './polled-service';
import type { RefundTransitions } from './refund-transitions';
import { DEFAULT_NOT_FOUND_GRACE_MS } from './sale-state-machine';
import { ignored, refused, type Applied } from './state-change';

const log = createLogger('refunds');

/** What learning refunds' results needs. */
export type RefundReconcilerDeps = ReconcilerDeps<RefundTransitions>;

/**
 * Gate's word on refunds, by callback or status answer: matched to the refund it is about (by
 * Gate's request id, else by our merchant_refund_id), checked for its amount, applied through
 * the refund transitions. A refund Gate never heard of ends only when no operation could be it.
 */
export class RefundReconciler {
  constructor(private readonly deps: RefundReconcilerDeps) {}

  /** Applies a verified refund callback (its payment already matched); returns what was done. */
  applyCallback(callback: GateCallback): Applied {
    const operation = callback.operation;
    if (!operation) return ignored('no operation');
    const refund = this.match(callback.payment.id, operation, callback.payment.merchant_refund_id);
    if (!refund) return ignored('unknown refund');
    const sum = operation.sum_initial;
    if (!sum || sum.amount !== refund.amount || sum.currency !== refund.currency) {
      const mismatch = sum
        ? `Gate reports ${sum.amount} ${sum.currency}, the refund is ${refund.amount} ${refund.currency}`
        : 'Gate sent no refund amount';
      this.deps.journal.audit('gate', 'refund callback amount mismatch', refund.paymentId, {
        refundId: refund.id,
        mismatch,
      });
      return refused(mismatch);
    }
    return this.applyOperation(
      refund,
      operation,
      `refund callback: ${operation.status ?? callback.payment.status}`,
      'callback',
    );
  }

  /** Asks Gate about a refund's payment and applies what its operations say. */
  async pollOnce(refundId: string): Promise<void> {
    const refund = this.deps.journal.refunds.get(refundId);
    if (!refund || !OPEN_REFUND_STATES.includes(refund.state)) {
      this.deps.tracker.untrack(refundId);
      return;
    }
    // A refund of another project's payment waits for that project (see PaymentService).
    if (this.deps.journal.get(refund.paymentId)?.projectId !== this.deps.settings().projectId)
      return;
    const access = this.deps.statusGate();
    if (!access.ok) return;
    const answer = await access.value.status(refund.paymentId);
    if (!answer.ok) {
      log.warn('status request failed', { refundId, error: describeGateError(answer.error) });
      return;
    }
    if (!answer.value.found) return;
    const operations = answer.value.status.operations;
    const operation = operations.find((op) => isOperationOf(op, refund));
    if (operation) {
      this.applyOperation(refund, operation, `status: refund ${operation.status}`, 'status');
      return;
    }
    if (refund.requestId !== null) return;
    // A refund operation none of this payment's refunds can claim may be this one (Gate never
    // told us its request_id, and may not echo merchant_refund_id): "not found" would free its
    // reserved amount and let a second refund go out. It stays unknown for a person to check.
    const known = this.deps.journal.refunds.ofPayment(refund.paymentId);
    const unclaimed = operations.filter(
      (op) =>
        op.type !== undefined &&
        REFUND_OPERATION_TYPES.has(op.type) &&
        !known.some((r) => isOperationOf(op, r)) &&
        // Only one that could be this refund: its amount, and not one that refunded nothing.
        op.sum_initial?.amount === refund.amount &&
        op.sum_initial.currency === refund.currency &&
        !FAILED_PURCHASE_STATUSES.has(op.status ?? ''),
    );
    if (unclaimed.length > 0) {
      log.warn('an unclaimed refund operation at Gate may be this refund', {
        refundId: refund.id,
        operations: unclaimed.length,
      });
      return;
    }
    // Gate never acknowledged this refund and lists no refund it could be: past the grace
    // period it never arrived, so nothing was refunded.
    const conclusive =
      this.deps.now() - refund.createdAt >=
      (this.deps.notFoundGraceMs ?? DEFAULT_NOT_FOUND_GRACE_MS);
    this.deps.transitions.apply(
      refund.id,
      { type: 'not_found', conclusive },
      'status: Gate has no such refund',
      {
        gateCode: 'NOT_FOUND',
        gateMessage: 'Gate has no record of this refund; nothing was refunded.',
      },
      'status',
    );
  }

  private match(
    paymentId: string,
    operation: GateOperation,
    merchantRefundId?: string,
  ): RefundRecord | undefined {
    const refunds = this.deps.journal.refunds.ofPayment(paymentId);
    return (
      refunds.find((r) => r.requestId !== null && r.requestId === operation.request_id) ??
      refunds.find((r) => r.id === (operation.merchant_refund_id ?? merchantRefundId))
    );
  }

  /**
   * Applies what Gate says of a refund operation. A callback's `error` ends it declined; in a
   * status answer `error` settles nothing (it also means "not registered").
   */
  private applyOperation(
    refund: RefundRecord,
    operation: GateOperation,
    cause: string,
    source: 'callback' | 'status',
  ): Applied {
    const code = operation.code ?? '';
    const message = operation.message || `Gate ended the refund: ${operation.status}`;
    // Matched by merchant_refund_id: keep Gate's request_id, so later status answers that do
    // not echo our id can still tell this operation apart from a lost refund's.
    const requestId =
      refund.requestId === null && operation.request_id ? { requestId: operation.request_id } : {};
    // Gate's final failure statuses (internal error, external error ...) end it like a decline.
    const outcome =
      source === 'callback'
        ? callbackOutcome(operation.status)
        : operation.status !== undefined
          ? finalOutcome(operation.status)
          : undefined;
    if (outcome) {
      return this.deps.transitions.apply(
        refund.id,
        { type: 'final', outcome, code, message },
        cause,
        { gateCode: code, gateMessage: message, ...requestId },
        source,
      );
    }
    return this.deps.transitions.apply(
      refund.id,
      { type: 'still_processing' },
      cause,
      requestId,
      source,
    );
  }
}

function isOperationOf(operation: GateOperation, refund: RefundRecord): boolean {
  // An operation whose type Gate left out is matched by its ids alone.
  if (operation.type !== undefined && !REFUND_OPERATION_TYPES.has(operation.type)) return false;
  if (refund.requestId !== null && operation.request_id === refund.requestId) return true;
  return operation.merchant_refund_id === refund.id;
}
