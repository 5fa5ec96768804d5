export * from './gate-error';
export * from './gate-schemas';
export * from './gate-paths';
export * from './request-bodies';
export {
  createGateClient,
  type GateClient,
  type GateClientConfig,
  type StatusAnswer,
} from './gate-client';
export { parseCallback, type ParsedCallback, type CallbackProblem } from './callback-parser';
export {
  customerInstructions,
  type CustomerInstructions,
  type InstructionCarrier,
  type QrSource,
} from './display-data';
export { withoutNulls } from './without-nulls';
export {
  bestBeforeText,
  buildPaymentPageUrl,
  type PaymentPageLink,
  type PaymentPageValue,
} from './payment-page-url';
