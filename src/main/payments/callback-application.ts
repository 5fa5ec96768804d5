import type { ReceivedCallback } from '../callbacks/callback-listener';
import {
  callbackOutcome,
  customerInstructions,
  REFUND_OPERATION_TYPES,
  type GateCallback,
} from '../gate';
import type { Journal } from '../journal/journal';
import type { PaymentRecord } from '../journal/payment-record';
import { createLogger } from '../logging/logger';
import type { Settings } from '../settings/settings';
import { gateWord, type PaymentTransitions } from './payment-transitions';
import { customerQr, type CustomerQrDeps } from './customer-qr';
import { setupHint } from './qr-view';
import { SourceBudget } from '../../protocol/source-budget';
import { describeApplied, ignored, refused, type Applied } from './state-change';

const log = createLogger('payments');

/** Points of callback handling where crash tests may stop the process. */
export type CallbackStep = 'intermediate-recorded' | 'final-received' | 'final-recorded';

/** What applying callbacks needs. */
export interface CallbackApplicationDeps extends CustomerQrDeps {
  readonly journal: Journal;
  readonly transitions: PaymentTransitions;
  readonly settings: () => Settings;
  readonly now: () => number;
  /** Where refund callbacks go (the refund service). */
  readonly onRefundCallback?: (callback: GateCallback) => Applied;
  readonly step: (step: CallbackStep, paymentId: string) => void;
  /** Unverified callbacks recorded per source address and minute (30). */
  readonly unverifiedPerMinute?: number;
}

/**
 * Gate's callbacks about sales: each is recorded before anything else (a failure to
 * record makes the listener answer 500, so Gate delivers it again), then applied through the
 * state machine only if it is verified, ours, and about the amount and currency we charged.
 */
export class CallbackApplication {
  private readonly budget: SourceBudget;

  constructor(private readonly deps: CallbackApplicationDeps) {
    this.budget = new SourceBudget(deps.unverifiedPerMinute);
  }

  /**
   * Records a callback from the listener, then applies it if it was verified. An unverified
   * one costs the journal a hash, a size and a prefix, within a budget per source address.
   */
  async receive(received: ReceivedCallback): Promise<void> {
    const { parsed } = received;
    const verified = parsed.ok || parsed.problem === 'unsupported_shape';
    const source = received.remoteAddress;
    if (!verified && !this.budget.take(source)) {
      if (this.budget.dropped(source) === 1)
        log.warn('unverified callbacks from one address beyond its budget are not recorded', {
          source,
        });
      return;
    }
    const paymentId = parsed.ok ? parsed.callback.payment.id : paymentIdIn(received.rawText);
    const entry = this.deps.journal.recordCallback({
      receivedAt: received.receivedAt.getTime(),
      paymentId,
      verified,
      problem: parsed.ok ? null : `${parsed.problem}: ${parsed.message}`,
      outcome: parsed.ok ? null : 'ignored',
      remote: source,
      raw: received.rawText,
    });
    if (!parsed.ok) {
      log.warn('callback refused', { problem: parsed.problem, paymentId });
      return;
    }
    // The same bytes again (a retry, a replay) are applied again, harmlessly, but the first
    // record keeps what was done with them.
    const outcome = await this.apply(parsed.callback);
    if (!entry.copy) this.deps.journal.setCallbackOutcome(entry.id, describeApplied(outcome));
  }

  /** Applies a verified callback; returns what was done, for the callback inbox. */
  async apply(callback: GateCallback): Promise<Applied> {
    const settings = this.deps.settings();
    if (callback.project_id !== undefined && callback.project_id !== String(settings.projectId)) {
      return ignored(`project ${callback.project_id} is not this counter's project`);
    }
    const payment = this.deps.journal.get(callback.payment.id);
    if (!payment) return ignored('unknown payment');
    if (isRefundCallback(callback))
      return this.deps.onRefundCallback?.(callback) ?? ignored('refund operation');
    const type = callback.operation?.type;
    if (type !== undefined && type !== 'sale') return ignored(`${type} operation`);
    const mismatch = amountMismatch(
      payment,
      callback.operation?.sum_initial ?? callback.payment.sum,
    );
    if (mismatch) {
      this.deps.journal.audit('gate', 'callback amount mismatch', payment.id, { mismatch });
      log.error('callback does not match the payment', { paymentId: payment.id, mismatch });
      return refused(mismatch);
    }
    const status = callback.payment.status;
    // A callback's `error`, in the payment or its sale, ends the sale: nothing was charged.
    const outcome =
      callbackOutcome(status) ??
      (callback.operation?.status === 'error' ? callbackOutcome('error') : undefined);
    if (outcome) return this.applyFinal(payment, callback, outcome);
    return this.applyInstructions(payment, callback, settings);
  }

  private applyFinal(
    payment: PaymentRecord,
    callback: GateCallback,
    outcome: 'success' | 'decline',
  ): Applied {
    this.deps.step('final-received', payment.id);
    const firstError = callback.errors?.[0];
    const code = callback.operation?.code ?? firstError?.code ?? '';
    const message =
      callback.operation?.message ||
      firstError?.message ||
      `Gate ended the payment: ${callback.payment.status}`;
    const result = this.deps.transitions.apply(
      payment.id,
      { type: 'final', outcome, code, message },
      `final callback: ${callback.payment.status}`,
      { gateCode: code, gateMessage: message },
      gateWord('callback', callback.operation?.id),
    );
    this.deps.step('final-recorded', payment.id);
    return result;
  }

  private async applyInstructions(
    payment: PaymentRecord,
    callback: GateCallback,
    settings: Settings,
  ): Promise<Applied> {
    const instructions = customerInstructions(callback);
    if (!instructions) return ignored(`status ${callback.payment.status} without QR`);
    const { qr, hosted } = await customerQr(payment, instructions, callback, settings, this.deps);
    const hint = hosted ? undefined : setupHint(instructions.qr, settings.projectId);
    if (hint)
      log.warn('this sale cannot be scanned at the counter', { paymentId: payment.id, hint });
    const qrExpiresAt =
      instructions.qrTimeoutSeconds !== undefined
        ? this.deps.now() + instructions.qrTimeoutSeconds * 1000
        : null;
    const result = this.deps.transitions.apply(
      payment.id,
      { type: 'customer_instructions', qr, qrExpiresAt, firstQr: payment.qr === null },
      hint
        ? `intermediate callback: cannot be scanned (${hint})`
        : hosted
          ? 'intermediate callback: POST redirect hosted by the callback relay'
          : 'intermediate callback: QR for the customer',
      { qr, qrExpiresAt },
    );
    this.deps.step('intermediate-recorded', payment.id);
    return result;
  }
}

/** Statuses a purchase takes once money went back: a callback with one is about a refund. */
const REFUNDED_STATUSES: ReadonlySet<string> = new Set([
  'refunded',
  'partially refunded',
  'reversed',
  'partially reversed',
]);

/**
 * Whether a callback is about a refund: its operation says so, or (the operation's type left
 * out) the payment's status or a merchant_refund_id does.
 */
function isRefundCallback(callback: GateCallback): boolean {
  const type = callback.operation?.type;
  if (type !== undefined) return REFUND_OPERATION_TYPES.has(type);
  return (
    REFUNDED_STATUSES.has(callback.payment.status) ||
    callback.payment.merchant_refund_id !== undefined ||
    callback.operation?.merchant_refund_id !== undefined
  );
}

/** Why a callback's or status answer's sum does not match the journaled payment, if it does not. */
export function amountMismatch(
  payment: PaymentRecord,
  sum: { amount: number; currency: string } | undefined,
): string | undefined {
  if (!sum) return 'Gate sent no amount to check';
  if (sum.amount !== payment.amount || sum.currency !== payment.currency) {
    return `Gate reports ${sum.amount} ${sum.currency}, the journal holds ${payment.amount} ${payment.currency}`;
  }
  return undefined;
}

/**
 * Best-effort payment id of an unverified callback, only to file it next to its payment; looked
 * for in the first 4 KB alone, so a crafted megabyte costs no more than a small body.
 */
function paymentIdIn(raw: string): string | null {
  const match = /"payment"\s*:\s*\{[^{}]*?"id"\s*:\s*"([^"]{1,64})"/.exec(raw.slice(0, 4096));
  return match?.[1] ?? null;
}
