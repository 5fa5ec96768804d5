import { CURRENCY_EXPONENTS } from '../shared/money/currencies';
import { GATE_CODES } from './gate-codes';
import { statusAnswer } from './gate-messages';
import { isFinal, openPayment } from './payment-lifecycle';
import { startRefund } from './refund-lifecycle';
import { refundable } from './payment-store';
import {
  authenticate,
  customerIpRejection,
  field,
  isAnswer,
  missingField,
  positiveInteger,
  rejection,
  returnUrlRejection,
} from './request-validation';
import type { ApiAnswer, SandboxContext } from './sandbox-context';

const SALE_REQUIRED = [
  'general.payment_id',
  'payment.amount',
  'payment.currency',
  'customer.id',
  'customer.ip_address',
  'return_url.return',
] as const;

const REFUND_REQUIRED = [
  'general.payment_id',
  'payment.description',
  'customer.ip_address',
] as const;

/** Alipay's purchase limits, enforced by the platform too (seed). */
const PURCHASE_LIMITS: Record<string, { min?: number; max?: number }> = {
  CNY: { min: 10_00, max: 5_000_00 },
  USD: { min: 1_00 },
};

function accepted(requestId: string, projectId: number, paymentId: string): ApiAnswer {
  return {
    httpStatus: 200,
    body: {
      status: 'success',
      request_id: requestId,
      project_id: projectId,
      payment_id: paymentId,
    },
  };
}

/** `POST /v2/payment/wallet/alipay/sale`: validate, acknowledge, then run the purchase. */
export function handleSale(ctx: SandboxContext, body: unknown): ApiAnswer {
  const auth = authenticate(ctx, body);
  if (isAnswer(auth)) return auth;
  const missing = missingField(auth.body, SALE_REQUIRED);
  if (missing) return missing;
  const customer = customerIpRejection(auth.body) ?? returnUrlRejection(auth.body);
  if (customer) return customer;
  const amount = positiveInteger(auth.body, 'payment.amount');
  if (isAnswer(amount)) return amount;
  const currency = String(field(auth.body, 'payment.currency'));
  if (!Object.hasOwn(CURRENCY_EXPONENTS, currency)) {
    return rejection(
      GATE_CODES.validationError,
      `payment.currency ${currency} is not available for alipay`,
      'payment.currency',
    );
  }
  const limit = PURCHASE_LIMITS[currency];
  if (
    (limit?.min !== undefined && amount < limit.min) ||
    (limit?.max !== undefined && amount > limit.max)
  ) {
    return rejection(
      GATE_CODES.validationError,
      `payment.amount ${amount} is outside alipay limits for ${currency}`,
      'payment.amount',
    );
  }
  const paymentId = String(field(auth.body, 'general.payment_id'));
  if (ctx.store.get(auth.project.id, paymentId)) {
    return rejection(GATE_CODES.paymentIdExists, undefined, 'general.payment_id');
  }
  const callbackUrl = field(auth.body, 'general.merchant_callback_url');
  const success = field(auth.body, 'return_url.success');
  const payment = openPayment(ctx, {
    projectId: auth.project.id,
    id: paymentId,
    amount,
    currency,
    description: String(field(auth.body, 'payment.description') ?? ''),
    customerId: String(field(auth.body, 'customer.id')),
    source: 'gate',
    returnUrls: {
      return: String(field(auth.body, 'return_url.return')),
      ...(typeof success === 'string' && success !== '' ? { success } : {}),
    },
    ...(typeof callbackUrl === 'string' && callbackUrl !== '' ? { callbackUrl } : {}),
  });
  ctx.log(`sale ${auth.project.id}/${paymentId}: ${amount} ${currency} accepted`);
  return accepted(payment.operations[0]!.requestId, auth.project.id, paymentId);
}

/** `POST /v2/payment/wallet/alipay/refund`: validate, acknowledge, then settle the refund. */
export function handleRefund(ctx: SandboxContext, body: unknown): ApiAnswer {
  const auth = authenticate(ctx, body);
  if (isAnswer(auth)) return auth;
  const missing = missingField(auth.body, REFUND_REQUIRED);
  if (missing) return missing;
  const customer = customerIpRejection(auth.body);
  if (customer) return customer;
  const paymentId = String(field(auth.body, 'general.payment_id'));
  const payment = ctx.store.get(auth.project.id, paymentId);
  if (!payment) return rejection(GATE_CODES.transactionNotFound, paymentId, 'general.payment_id');
  if (
    !isFinal(payment) ||
    (payment.status !== 'success' && payment.status !== 'partially refunded')
  ) {
    return rejection(GATE_CODES.statusForbidsAction, `the payment is ${payment.status}`);
  }
  const currency = field(auth.body, 'payment.currency');
  if (currency !== undefined && currency !== payment.currency) {
    return rejection(
      GATE_CODES.refundCurrencyMismatch,
      `the payment is in ${payment.currency}`,
      'payment.currency',
    );
  }
  let amount = refundable(payment);
  if (field(auth.body, 'payment.amount') !== undefined) {
    const requested = positiveInteger(auth.body, 'payment.amount');
    if (isAnswer(requested)) return requested;
    amount = requested;
  }
  if (amount <= 0) return rejection(GATE_CODES.refundAboveInitial, 'nothing left to refund');
  const merchantRefundId = field(auth.body, 'payment.merchant_refund_id');
  if (merchantRefundId !== undefined) {
    if (!ctx.store.claimRefundId(auth.project.id, String(merchantRefundId))) {
      return rejection(GATE_CODES.refundIdExists, undefined, 'payment.merchant_refund_id');
    }
  }
  const callbackUrl = field(auth.body, 'general.merchant_callback_url');
  const operation = startRefund(ctx, payment, {
    amount,
    ...(typeof callbackUrl === 'string' && callbackUrl !== '' ? { callbackUrl } : {}),
    description: String(field(auth.body, 'payment.description')),
    ...(merchantRefundId !== undefined ? { merchantRefundId: String(merchantRefundId) } : {}),
  });
  return accepted(operation.requestId, auth.project.id, paymentId);
}

/** `POST /v2/payment/status`: the payment and its operations, signed; 3061 until it exists. */
export function handleStatus(ctx: SandboxContext, body: unknown): ApiAnswer {
  const auth = authenticate(ctx, body);
  if (isAnswer(auth)) return auth;
  const missing = missingField(auth.body, ['general.payment_id']);
  if (missing) return missing;
  const payment = ctx.store.get(auth.project.id, String(field(auth.body, 'general.payment_id')));
  const tooEarly =
    payment &&
    Date.now() - payment.createdAt.getTime() <
      ctx.clock.toRealMs(ctx.settings.statusNotFoundSeconds);
  if (!payment || tooEarly) return rejection(GATE_CODES.transactionNotFound);
  const faults = ctx.faults();
  return {
    httpStatus: 200,
    body: statusAnswer(payment, auth.project.secret, {
      omitMerchantRefundId: faults.omitMerchantRefundId === true,
      ...(faults.statusSignature ? { signature: faults.statusSignature } : {}),
    }),
  };
}
