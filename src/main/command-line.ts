/**
 * What the command line uses of main, in one place: the money path it runs sales and refunds
 * on, the Gate client, the connection checks, printing, the audit check and the browser shell.
 * The command line imports main through this module only; ESLint holds it to that.
 */
export { openPaymentDesk, type PaymentDesk, type PaymentDeskOptions } from './app/payment-desk';
export { learnedVia } from './payments/payment-transitions';
export type { PaymentRecord } from './journal/payment-record';
export type { RefundRecord } from './journal/refund-journal';
export type { Journal } from './journal/journal';
export { isLoopbackUrl } from './settings/settings';
export { PRODUCTION_GATE_URL, PRODUCTION_PAYMENT_PAGE_URL } from './gate/gate-paths';
export { OPEN_REFUND_STATES } from './journal/refund-journal';
export { describeGateError, type GateStatus } from './gate';
