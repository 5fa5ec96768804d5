import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { ok, type ErrorCode, type Result } from '../../shared/result';
import { describeGateError, type GateCallback } from '../gate';
import type { RefundRecord } from '../journal/refund-journal';
import { RefundReconciler } from './refund-reconciler';
import { RefundTransitions, type LateAlertChanger } from './refund-transitions';
import type { Applied } from './state-change';
import { PolledService, type GateServiceDeps } from './polled-service';
import { StatusPoller } from './status-poller';
import { DEFAULT_POLL_SCHEDULE } from './status-poll-schedule';

export type { LateAlertChanger } from './refund-transitions';

/** What the refund service needs from the rest of main. */
export interface RefundServiceDeps extends GateServiceDeps {
  /** Why no refund may be sent now (setup unfinished), checked before anything is journaled. */
  readonly canRefund?: () => Result<void, ErrorCode>;
  /** Moves a refunded late payment's alert (the payment service's transitions). */
  readonly lateAlerts?: LateAlertChanger;
}

/** A refund's id, also its merchant_refund_id at Gate: terminal, date and time, random hex. */
export function newRefundId(terminalId: string, now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp = `${pad(now.getFullYear() % 100)}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  return `${terminalId}-R${stamp}-${randomBytes(3).toString('hex')}`;
}

/**
 * Refunds, as one facade over their parts: written to the journal and reserved against the
 * payment first (the id is the idempotency key), then sent once to Gate's refund endpoint; the
 * result comes by callback or status polling (`refund-reconciler.ts`), with the same
 * unknown-outcome rules as sales, and only through `refund-transitions.ts`.
 */
export class RefundService extends PolledService {
  readonly events = new EventEmitter<{ updated: [RefundRecord] }>();
  protected readonly poller: StatusPoller;
  private readonly transitions: RefundTransitions;
  private readonly reconciler: RefundReconciler;

  constructor(private readonly deps: RefundServiceDeps) {
    super(deps.now);
    this.transitions = new RefundTransitions({
      ...this.transitionDeps(deps.journal, this.events),
      ...(deps.lateAlerts ? { lateAlerts: deps.lateAlerts } : {}),
    });
    this.reconciler = new RefundReconciler(this.reconcilerDeps(deps, this.transitions));
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
      this.transitions.apply(
        refund.id,
        { type: 'acknowledged', requestId: answer.value.request_id },
        'Gate acknowledged the refund',
        { requestId: answer.value.request_id },
      );
    } else if (answer.error.kind === 'rejected' && answer.error.code !== '3230') {
      const { code, message } = answer.error;
      this.transitions.apply(
        refund.id,
        { type: 'rejected', code, message },
        'Gate rejected the refund',
        {
          gateCode: code,
          gateMessage: message,
        },
      );
    } else if (answer.error.kind === 'network') {
      const message = describeGateError(answer.error);
      this.transitions.apply(
        refund.id,
        { type: 'rejected', code: 'NETWORK', message },
        'refund request could not be sent',
        { gateCode: 'NETWORK', gateMessage: message },
      );
    } else {
      // Timeout, cut, 5xx, or "3230 already exists" for our own fresh id: Gate may have it.
      const reason = describeGateError(answer.error);
      this.transitions.apply(
        refund.id,
        { type: 'outcome_unknown', reason },
        'refund outcome unknown',
        {
          gateMessage: reason,
        },
      );
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
    return this.reconciler.applyCallback(callback);
  }

  /** Asks Gate about a refund's payment and applies what its operations say. */
  pollOnce(refundId: string): Promise<void> {
    return this.reconciler.pollOnce(refundId);
  }

  /** Re-tracks every unfinished refund after a start. */
  recover(): RefundRecord[] {
    const open = this.deps.journal.refunds.open();
    for (const refund of open) this.poller.track(refund.id, refund.createdAt);
    return open;
  }
}
