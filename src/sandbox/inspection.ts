import { customerUrl, isFinal } from './payment-lifecycle';
import type { SandboxContext } from './sandbox-context';
import type { SandboxPayment } from './sandbox-types';

/**
 * A payment as tests and `--pay` see it through `/sandbox/payments/...`: the sandbox's truth,
 * including where the customer page is and every callback delivery attempt.
 */
export function inspectPayment(
  ctx: SandboxContext,
  payment: SandboxPayment,
): Record<string, unknown> {
  return {
    project_id: payment.projectId,
    payment_id: payment.id,
    status: payment.status,
    final: isFinal(payment),
    amount: payment.amount,
    currency: payment.currency,
    refunded: payment.refunded,
    source: payment.source,
    qr_mode: payment.qrMode,
    customer_url: customerUrl(ctx, payment),
    qr_expires_at: new Date(payment.qrExpiresAt).toISOString(),
    customer_action: payment.customerAction ?? null,
    operations: payment.operations.map((op) => ({
      id: op.id,
      type: op.type,
      status: op.status,
      amount: op.amount,
      request_id: op.requestId,
      code: op.code,
      message: op.message,
      merchant_refund_id: op.merchantRefundId ?? null,
    })),
    callbacks: payment.callbacks.map((c) => ({
      kind: c.kind,
      url: c.url,
      delivered: c.delivered,
      finished: c.finished,
      attempts: c.attempts.map((a) => ({ ...a, at: a.at.toISOString() })),
    })),
  };
}
