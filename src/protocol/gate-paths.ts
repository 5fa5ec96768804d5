/** The Gate endpoints of the Alipay method: the counter calls them, the sandbox serves them. */
export const GATE_PATHS = {
  sale: '/v2/payment/wallet/alipay/sale',
  refund: '/v2/payment/wallet/alipay/refund',
  status: '/v2/payment/status',
} as const;
