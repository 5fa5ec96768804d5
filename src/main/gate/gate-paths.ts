/** Production Gate. */
export const PRODUCTION_GATE_URL = 'https://api.ecommpay.com';

/** Production Payment Page. */
export const PRODUCTION_PAYMENT_PAGE_URL = 'https://paymentpage.ecommpay.com';

/** Code Gate answers for a payment it does not know (yet). */
export const TRANSACTION_NOT_FOUND = '3061';
