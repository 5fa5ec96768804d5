/**
 * Codes and messages the sandbox answers with, from ecommpay's unified registry
 *. Messages are quoted as listed there.
 */
export const GATE_CODES = {
  success: { code: '0', message: 'Success' },
  generalDecline: { code: '100', message: 'General decline' },
  internalError: { code: '501', message: 'Internal error' },
  validationError: { code: '502', message: 'Validation error' },
  invalidJson: { code: '2003', message: 'Invalid JSON string' },
  requiredField: { code: '2004', message: 'Required field not provided' },
  projectNotFound: { code: '2442', message: 'Project ID not found' },
  paymentIdExists: { code: '3041', message: 'Payment ID already exists' },
  statusForbidsAction: {
    code: '3060',
    message: 'Current payment or operation status does not allow this action',
  },
  transactionNotFound: { code: '3061', message: 'Transaction not found' },
  needClarification: { code: '3191', message: 'Need clarification' },
  refundIdExists: {
    code: '3230',
    message: 'The operation with such merchant_refund_id already exists',
  },
  invalidSignature: { code: '3261', message: 'Invalid signature' },
  emptySignature: { code: '3262', message: 'Empty signature' },
  refundAboveInitial: { code: '3283', message: 'Refund amount more than init amount' },
  refundCurrencyMismatch: { code: '3284', message: 'Refund currency mismatched or empty' },
  insufficientFunds: { code: '20105', message: 'Insufficient funds on customer account' },
  timeOut: { code: '20602', message: 'Time-out' },
  awaitingProcessing: { code: '29999', message: 'Awaiting processing' },
} as const;

/** A code with its message. */
export interface GateCode {
  readonly code: string;
  readonly message: string;
}

/** Purchase amounts that always end declined in ecommpay's test projects (seed: "Testing"). */
export const DECLINED_PURCHASE_AMOUNTS: ReadonlySet<number> = new Set([40000, 40400]);

/** Refund amounts that are always declined in ecommpay's test projects (seed: "Testing"). */
export const DECLINED_REFUND_AMOUNTS: ReadonlySet<number> = new Set([50000, 50500]);
