import { GATE_CODES, DECLINED_REFUND_AMOUNTS, type GateCode } from './gate-codes';
import { newDelivery, newOperation } from './payment-lifecycle';
import { refundable } from './payment-store';
import type { SandboxContext } from './sandbox-context';
import type { SandboxOperation, SandboxPayment } from './sandbox-types';

/** What a refund request asks for. */
export interface NewRefund {
  readonly amount: number;
  /** The refund request's merchant_callback_url; else the payment's callback URL. */
  readonly callbackUrl?: string;
  readonly description: string;
  readonly merchantRefundId?: string;
}

/**
 * Accepts a refund for processing and settles it on the next tick: above what remains → 3283
 * decline; test amounts 50000 and 50500 → decline; anything else succeeds.
 */
export function startRefund(
  ctx: SandboxContext,
  payment: SandboxPayment,
  refund: NewRefund,
): SandboxOperation {
  const operation = newOperation(ctx, payment, 'refund', refund.amount, refund.merchantRefundId);
  payment.operations.push(operation);
  const fits = refund.amount <= refundable(payment);
  if (fits) payment.refundsPending += refund.amount;
  ctx.clock.after(0, () => {
    if (fits) payment.refundsPending -= refund.amount;
    let code: GateCode = GATE_CODES.success;
    if (!fits) code = GATE_CODES.refundAboveInitial;
    else if (DECLINED_REFUND_AMOUNTS.has(refund.amount)) code = GATE_CODES.generalDecline;
    const succeeded = code === GATE_CODES.success;
    if (succeeded) {
      payment.refunded += refund.amount;
      payment.status = payment.refunded >= payment.amount ? 'refunded' : 'partially refunded';
    }
    operation.status = succeeded ? 'success' : 'decline';
    operation.code = code.code;
    operation.message = code.message;
    operation.date = new Date();
    ctx.log(
      `refund ${payment.projectId}/${payment.id} ${refund.amount}: ${operation.status} (${code.code})`,
    );
    const delivery = newDelivery(
      ctx,
      payment,
      'refund',
      operation,
      undefined,
      refund.callbackUrl ?? payment.callbackUrl,
    );
    if (delivery) ctx.sender.deliver(delivery);
  });
  return operation;
}
