/** Gate endpoints this app uses (seed and ecommpay-gate.md §2.3). */
export const GATE_PATHS = {
  sale: '/v2/payment/wallet/alipay/sale',
  refund: '/v2/payment/wallet/alipay/refund',
  status: '/v2/payment/status',
} as const;

/** Production Gate. */
export const PRODUCTION_GATE_URL = 'https://api.ecommpay.com';

/** Production Payment Page. */
export const PRODUCTION_PAYMENT_PAGE_URL = 'https://paymentpage.ecommpay.com';

/** Code Gate answers for a payment it does not know (yet). */
export const TRANSACTION_NOT_FOUND = '3061';
