import { TECHNICAL_DEFAULTS } from '../../shared/settings/technical-defaults';

/** Production Gate. */
export const PRODUCTION_GATE_URL = TECHNICAL_DEFAULTS.gateUrl;

/** Production Payment Page. */
export const PRODUCTION_PAYMENT_PAGE_URL = TECHNICAL_DEFAULTS.paymentPageUrl;

/** Code Gate answers for a payment it does not know (yet). */
export const TRANSACTION_NOT_FOUND = '3061';
