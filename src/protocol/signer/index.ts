export { JsonNumber } from './json-number';
export { parseJsonLossless, JsonSyntaxError, type JsonValue } from './lossless-json';
export { stringToSign, sign, hmacBase64 } from './sign';
export {
  verify,
  verifyYielding,
  verifySteps,
  splitSignature,
  equalInConstantTime,
  type VerifyResult,
  type SignatureProblem,
} from './verify';
export { PATH_ORDERS, type PathOrder } from './path-order';
