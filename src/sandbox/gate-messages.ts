import { sign } from '../protocol/signer/sign';
import type { SandboxOperation, SandboxPayment } from './sandbox-types';

/** Gate's date format: `2019-02-27T16:01:25+0000`. */
export function gateDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** Provider id ecommpay's Alipay examples show (seed). */
const ALIPAY_PROVIDER_ID = 1189;

/** The `payment` block of callbacks and status answers. */
export function paymentBlock(
  payment: SandboxPayment,
  merchantRefundId?: string,
): Record<string, unknown> {
  const block: Record<string, unknown> = {
    id: payment.id,
    type: 'purchase',
    status: payment.status,
    date: gateDate(lastChange(payment)),
    method: 'alipay',
    // The purchase amount as made; refunds show in their operations (unconfirmed, see docs/sandbox-fidelity.md).
    sum: { amount: payment.amount, currency: payment.currency },
    description: payment.description,
  };
  if (merchantRefundId !== undefined) block['merchant_refund_id'] = merchantRefundId;
  return block;
}

/** One `operation` as callbacks and status answers show it. */
export function operationBlock(operation: SandboxOperation): Record<string, unknown> {
  const sum = { amount: operation.amount, currency: operation.currency };
  return {
    id: operation.id,
    type: operation.type,
    status: operation.status,
    date: gateDate(operation.date),
    created_date: gateDate(operation.createdAt),
    request_id: operation.requestId,
    sum_initial: sum,
    sum_converted: { ...sum },
    provider: {
      id: ALIPAY_PROVIDER_ID,
      payment_id: operation.providerPaymentId,
      date: gateDate(operation.date),
      auth_code: '',
    },
    code: operation.code,
    message: operation.message,
    // Unconfirmed (see docs/sandbox-fidelity.md): refund operations echo the merchant's refund id.
    ...(operation.merchantRefundId !== undefined
      ? { merchant_refund_id: operation.merchantRefundId }
      : {}),
  };
}

/** A callback about `operation`, in the seed's standard format, signed at the root. */
export function callbackBody(
  payment: SandboxPayment,
  operation: SandboxOperation,
  secret: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    project_id: payment.projectId,
    payment: paymentBlock(payment, operation.merchantRefundId),
    customer: { id: payment.customerId },
    operation: operationBlock(operation),
    ...extra,
  };
  return { ...body, signature: sign(body, secret) };
}

/** Statuses in which the customer has not acted yet: status answers repeat the QR then. */
const AWAITING: ReadonlySet<string> = new Set([
  'awaiting customer action',
  'awaiting redirect result',
  'awaiting clarification',
]);

/**
 * The answer to `/v2/payment/status`: the payment with all its operations, signed. While the
 * customer has not acted, it repeats what the intermediate callback said (`display_data`,
 * `redirect_data`, `clarification_fields`), as ecommpay's mock does, so a merchant that never
 * got that callback can still show the QR.
 */
export function statusAnswer(
  payment: SandboxPayment,
  secret: string,
  options: { omitMerchantRefundId?: boolean; signature?: 'missing' | 'wrong' } = {},
): Record<string, unknown> {
  const operations = payment.operations.map(operationBlock);
  if (options.omitMerchantRefundId) for (const op of operations) delete op['merchant_refund_id'];
  const body: Record<string, unknown> = {
    project_id: payment.projectId,
    payment: paymentBlock(payment),
    customer: { id: payment.customerId },
    operations,
    ...(AWAITING.has(payment.status) ? (payment.instructions ?? {}) : {}),
    errors: [],
  };
  if (options.signature === 'missing') return body;
  const key = options.signature === 'wrong' ? `${secret}-not-it` : secret;
  return { ...body, signature: sign(body, key) };
}

/** A rejection of a request: `{status: "error", code, message}` and the field when one is at fault. */
export function rejectionBody(
  code: string,
  message: string,
  field?: string,
): Record<string, unknown> {
  const body: Record<string, unknown> = { status: 'error', code, message };
  if (field !== undefined) body['errors'] = [{ code, message, field }];
  return body;
}

function lastChange(payment: SandboxPayment): Date {
  let latest = payment.createdAt;
  for (const op of payment.operations) if (op.date > latest) latest = op.date;
  return latest;
}
