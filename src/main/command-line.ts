/**
 * What the command line uses of main, in one place: the money path it runs sales and refunds
 * on, the Gate client, the connection checks, printing, the audit check and the browser shell.
 * The command line imports main through this module only; ESLint holds it to that.
 */
export { openPaymentDesk, type PaymentDesk, type PaymentDeskOptions } from './app/payment-desk';
export { COMMAND_LINE_STAFF } from './staff/command-line-staff';
export { learnedVia } from './payments/payment-transitions';
export type { PaymentRecord } from './journal/payment-record';
export type { RefundRecord } from './journal/refund-journal';
export type { Journal } from './journal/journal';
export { isLoopbackUrl } from './settings/settings';
export { PRODUCTION_GATE_URL, PRODUCTION_PAYMENT_PAGE_URL } from './gate/gate-paths';
export { OPEN_REFUND_STATES } from './journal/refund-journal';
export { describeGateError, type GateStatus } from './gate';
export { DEMO_STORE_IP, sandboxHostOptions, sandboxReachLine } from './app/demo-mode';
export { createCounter } from './app/create-counter';
export { buildBridgeScript } from './web-shell/bridge-script';
export { startWebShell } from './web-shell/web-shell';
export { parsePrinterUrl } from './printing/printer-url';
export { samplePaymentId, slipTitle } from './printing/slip-for-job';
export { english, wordIn } from './i18n/wording';
export { saleSlip, sampleSaleFacts } from './printing/slip-layouts';
export { renderEscPos, renderSvg, slipFormat } from './printing/slip-render';
export { transportFor } from './printing/transports';
export { startCallbackListener } from './callbacks/callback-listener';
export { probeCallbackPath } from './callbacks/callback-probe';
export { createGateClient } from './gate';
export { gateFinding, findingContext, findingText, type Finding } from './gate/connection-findings';
export { verifyAuditChain, type ChainCheck } from './journal/audit-verify';
export { AUDIT_FIRST_KEYED_ACCOUNT, AUDIT_KEY_ACCOUNT, readEntryId } from './secrets/counter-keys';
export { createKeytarSecretStore } from './secrets/keytar-secret-store';
