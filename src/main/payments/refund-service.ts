import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { ok, type ErrorCode, type Result } from '../../shared/result';
import {
  callbackOutcome,
  describeGateError,
  FAILED_PURCHASE_STATUSES,
  finalOutcome,
  REFUND_OPERATION_TYPES,
  type GateCallback,
  type GateOperation,
} from '../gate';
import type { Journal } from '../journal/journal';
import {
  OPEN_REFUND_STATES,
  type RefundPatch,
  type RefundRecord,
  type RefundState,
} from '../journal/refund-journal';
import { createLogger } from '../logging/logger';
import type { Settings } from '../settings/settings';
import type { GateAccess } from './payment-service';
import type { LateAlertEvent } from './late-alert';
import { gateWord, type GateChannel } from './payment-transitions';
import { decideRefund, type RefundEvent } from './refund-state-machine';
import { DEFAULT_NOT_FOUND_GRACE_MS } from './sale-state-machine';
import { applyWithRetry, ignored, refused, type Applied } from './state-change';
import { StatusPoller } from './status-poller';
import { DEFAULT_POLL_SCHEDULE, type PollSchedule } from './status-poll-schedule';

const log = createLogger('refunds');

/** What the refund service needs from the rest of main. */
export interface RefundServiceDeps {
  readonly journal: Journal;
  readonly gate: () => GateAccess;
  /** The client for status requests (defaults to `gate`): allowed while only a non-Gate address is wrong. */
  readonly statusGate?: () => GateAccess;
  readonly settings: () => Settings;
  /** Why no refund may be sent now (setup unfinished), checked before anything is journaled. */
  readonly canRefund?: () => Result<void, ErrorCode>;
  readonly callbackUrl: () => string | undefined;
  readonly pollSchedule?: Partial<Omit<PollSchedule, 'thresholdMs'>>;
  readonly now?: () => number;
  readonly notFoundGraceMs?: number;
  /** Moves a refunded late payment's alert (the payment service's transitions). */
  readonly lateAlerts?: LateAlertChanger;
}

/** Moves a payment's late-payment alert, with its audit entry (PaymentTransitions). */
export type LateAlertChanger = (
  paymentId: string,
  event: LateAlertEvent,
  audit: { readonly actor: string; readonly action: string; readonly detail?: unknown },
  cause: string,
) => unknown;

/** A refund's id, also its merchant_refund_id at Gate: terminal, date and time, random hex. */
export function newRefundId(terminalId: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${pad(now.getFullYear() % 100)}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${terminalId}-R${stamp}-${randomBytes(3).toString('hex')}`;
}

/**
 * Refunds (DESIGN §4): written to the journal and reserved against the payment first (the id is
 * the idempotency key), then sent once to `/v2/payment/wallet/alipay/refund`; the result comes by
 * callback or status polling, with the same unknown-outcome rules as sales (the refund state
 * machine is the sale's, restricted to states without a customer).
 */
export class RefundService {
  readonly events = new EventEmitter<{ updated: [RefundRecord] }>();
  private readonly poller: StatusPoller;
  private readonly now: () => number;

  constructor(private readonly deps: RefundServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.poller = new StatusPoller(
      () => ({
        ...DEFAULT_POLL_SCHEDULE,
        ...deps.pollSchedule,
        thresholdMs: deps.settings().thresholdSeconds * 1000,
      }),
      (id) => this.pollOnce(id),
      this.now,
    );
  }

  /**
   * Refunds `amount` of a paid payment; resolves with the refund after Gate's answer. Its id is
   * fresh (the terminal, the time) unless one is given.
   */
  async refund(request: {
    paymentId: string;
    amount: number;
    reason: string;
    actor: string;
    refundId?: string;
  }): Promise<Result<RefundRecord, ErrorCode>> {
    const ready = this.deps.canRefund?.() ?? ok(undefined);
    if (!ready.ok) return ready;
    const access = this.deps.gate();
    if (!access.ok) return access;
    const settings = this.deps.settings();
    const { journal } = this.deps;
    // The reservation and its audit entry in one transaction: neither without the other.
    const reserved = journal.inTransaction(() => {
      const result = journal.refunds.reserve({
        id: request.refundId ?? newRefundId(settings.terminalId, new Date(this.now())),
        paymentId: request.paymentId,
        amount: request.amount,
        reason: request.reason,
        actor: request.actor,
        at: this.now(),
      });
      if (result.ok)
        journal.audit(request.actor, 'refund requested', result.value.paymentId, {
          refundId: result.value.id,
          amount: result.value.amount,
          currency: result.value.currency,
          reason: result.value.reason,
        });
      return result;
    });
    if (!reserved.ok) {
      journal.audit(request.actor, 'refund refused', request.paymentId, {
        amount: request.amount,
        reason: request.reason,
        why: reserved.error.message,
      });
      return reserved;
    }
    const refund = reserved.value;
    this.events.emit('updated', refund);
    this.poller.track(refund.id, refund.createdAt);

    const callbackUrl = this.deps.callbackUrl();
    const answer = await access.value.refund({
      paymentId: refund.paymentId,
      amount: refund.amount,
      currency: refund.currency,
      description: refund.reason,
      merchantRefundId: refund.id,
      customerIp: settings.storeIpAddress,
      ...(callbackUrl ? { callbackUrl } : {}),
    });
    if (answer.ok) {
      this.apply(
        refund.id,
        { type: 'acknowledged', requestId: answer.value.request_id },
        'Gate acknowledged the refund',
        { requestId: answer.value.request_id },
      );
    } else if (answer.error.kind === 'rejected' && answer.error.code !== '3230') {
      const { code, message } = answer.error;
      this.apply(refund.id, { type: 'rejected', code, message }, 'Gate rejected the refund', {
        gateCode: code,
        gateMessage: message,
      });
    } else if (answer.error.kind === 'network') {
      const message = describeGateError(answer.error);
      this.apply(
        refund.id,
        { type: 'rejected', code: 'NETWORK', message },
        'refund request could not be sent',
        { gateCode: 'NETWORK', gateMessage: message },
      );
    } else {
      // Timeout, cut, 5xx, or "3230 already exists" for our own fresh id: Gate may have it.
      const reason = describeGateError(answer.error);
      this.apply(refund.id, { type: 'outcome_unknown', reason }, 'refund outcome unknown', {
        gateMessage: reason,
      });
    }
    const now = this.deps.journal.refunds.get(refund.id)!;
    // A late payment's alert closes for a refund on its way or done; one Gate refused at once
    // (or that could not be sent) leaves it open, as the customer's money is still taken.
    if (now.state !== 'rejected')
      this.deps.lateAlerts?.(
        now.paymentId,
        { type: 'refund_sent' },
        { actor: request.actor, action: 'late payment refunded', detail: { refundId: now.id } },
        `${request.actor} refunds the late payment`,
      );
    return ok(now);
  }

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
      this.poller.untrack(refundId);
      return;
    }
    // A refund of another project's payment waits for that project (see PaymentService).
    if (this.deps.journal.get(refund.paymentId)?.projectId !== this.deps.settings().projectId)
      return;
    const access = (this.deps.statusGate ?? this.deps.gate)();
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
      this.now() - refund.createdAt >= (this.deps.notFoundGraceMs ?? DEFAULT_NOT_FOUND_GRACE_MS);
    this.apply(
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

  /** Re-tracks every unfinished refund after a start. */
  recover(): RefundRecord[] {
    const open = this.deps.journal.refunds.open();
    for (const refund of open) this.poller.track(refund.id, refund.createdAt);
    return open;
  }

  /** Asks Gate about every unfinished refund now (its access was just restored). */
  reconcileNow(): void {
    this.poller.nudgeAll();
  }

  stop(): void {
    this.poller.stop();
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
      return this.apply(
        refund.id,
        { type: 'final', outcome, code, message },
        cause,
        { gateCode: code, gateMessage: message, ...requestId },
        source,
      );
    }
    return this.apply(refund.id, { type: 'still_processing' }, cause, requestId, source);
  }

  /**
   * A late payment's refund that failed leaves the customer charged: when nothing else is under
   * way and money is still taken, the late-payment alert comes back for Keep or Refund.
   */
  private refundFailed(refund: RefundRecord): void {
    const payment = this.deps.journal.get(refund.paymentId);
    if (!payment) return;
    this.deps.lateAlerts?.(
      payment.id,
      {
        type: 'refund_failed',
        moneyStillTaken: payment.refundedAmount < payment.amount,
        refundsUnderWay: this.deps.journal.refunds
          .ofPayment(payment.id)
          .some((r) => OPEN_REFUND_STATES.includes(r.state)),
      },
      {
        actor: 'gate',
        action: 'late payment alert reopened',
        detail: { refundId: refund.id, refund: refund.state },
      },
      `the late payment's refund ${refund.state}`,
    );
  }

  private apply(
    refundId: string,
    event: RefundEvent,
    cause: string,
    patch: RefundPatch = {},
    via?: GateChannel,
  ): Applied {
    const { journal } = this.deps;
    let moved: RefundRecord | undefined;
    const applied = applyWithRetry<RefundRecord, RefundState>(
      {
        read: () => journal.refunds.get(refundId),
        stateOf: (refund) => refund.state,
        decide: (state) => decideRefund(state, event),
        forbidden: (refund) =>
          journal.audit('gate', 'contradictory refund answer', refund.paymentId, {
            refundId,
            state: refund.state,
            event: event.type,
          }),
        write: (refund, to) => {
          // The refund's change, the late alert it brings back and its audit entry: one
          // transaction.
          moved = journal.inTransaction(() => {
            const written = journal.refunds.transition(
              refundId,
              refund.state,
              to,
              cause,
              patch,
              this.now(),
              via ? gateWord(via) : {},
            );
            if (!OPEN_REFUND_STATES.includes(written.state)) {
              if (written.state !== 'succeeded') this.refundFailed(written);
              journal.audit('gate', `refund ${written.state}`, written.paymentId, {
                refundId,
                amount: written.amount,
                currency: written.currency,
                gateCode: written.gateCode,
                gateMessage: written.gateMessage,
              });
            }
            return written;
          });
        },
      },
      'refund',
    );
    if (moved) {
      // Gate may reopen a refund we had settled (one written off that it still processes).
      if (OPEN_REFUND_STATES.includes(moved.state)) this.poller.track(refundId, moved.createdAt);
      else this.poller.untrack(refundId);
      this.events.emit('updated', moved);
    }
    return applied;
  }
}

function isOperationOf(operation: GateOperation, refund: RefundRecord): boolean {
  // An operation whose type Gate left out is matched by its ids alone.
  if (operation.type !== undefined && !REFUND_OPERATION_TYPES.has(operation.type)) return false;
  if (refund.requestId !== null && operation.request_id === refund.requestId) return true;
  return operation.merchant_refund_id === refund.id;
}
