import type { Currency } from '../../shared/money';

/** What the counter asks Gate to charge. Amounts are integer minor units. */
export interface SaleRequest {
  readonly paymentId: string;
  readonly amount: number;
  readonly currency: Currency;
  readonly description: string;
  readonly customerId: string;
  /** `customer.ip_address`: the store's public address for an in-store QR (docs/configuration.md). */
  readonly customerIp: string;
  /** Overrides the project's callback URL for this payment (`general.merchant_callback_url`). */
  readonly callbackUrl?: string;
  /** `return_url.return` (required by the seed) and `return_url.success` (optional). */
  readonly returnUrls: { readonly return: string; readonly success?: string };
}

/** A refund of a paid payment; without `amount` Gate refunds what remains. */
export interface RefundRequest {
  readonly paymentId: string;
  readonly amount?: number;
  readonly currency: Currency;
  readonly description: string;
  /** The idempotency key of this refund: journaled before the request is sent. */
  readonly merchantRefundId: string;
  readonly customerIp: string;
  readonly callbackUrl?: string;
}

type Body = Record<string, unknown>;

function general(projectId: number, paymentId: string, callbackUrl?: string): Body {
  const block: Body = { project_id: projectId, payment_id: paymentId };
  if (callbackUrl !== undefined) block['merchant_callback_url'] = callbackUrl;
  return block;
}

/** Body of `POST /v2/payment/wallet/alipay/sale` (seed: "Purchases via Gate"), unsigned. */
export function saleBody(projectId: number, sale: SaleRequest): Body {
  const body: Body = {
    general: general(projectId, sale.paymentId, sale.callbackUrl),
    customer: { id: sale.customerId, ip_address: sale.customerIp },
    payment: { amount: sale.amount, currency: sale.currency, description: sale.description },
  };
  const { return: back, success } = sale.returnUrls;
  body['return_url'] = success ? { return: back, success } : { return: back };
  return body;
}

/** Body of `POST /v2/payment/wallet/alipay/refund` (seed: "Refunds by using Gate"), unsigned. */
export function refundBody(projectId: number, refund: RefundRequest): Body {
  const payment: Body = {
    currency: refund.currency,
    description: refund.description,
    merchant_refund_id: refund.merchantRefundId,
  };
  if (refund.amount !== undefined) payment['amount'] = refund.amount;
  return {
    general: general(projectId, refund.paymentId, refund.callbackUrl),
    customer: { ip_address: refund.customerIp },
    payment,
  };
}

/** Body of `POST /v2/payment/status`, unsigned. */
export function statusBody(projectId: number, paymentId: string): Body {
  return { general: general(projectId, paymentId) };
}
