import { z } from 'zod';
import { JsonNumber } from '../../protocol/signer';

/**
 * Shapes of what Gate sends: acknowledgements, rejections, status responses and callbacks
 * (the Alipay seed's examples). Parsed after the signature is
 * verified and nulls are left out (`withoutNulls`): only a payment's id and status, and a
 * rejection's code, are required; every other field may be missing. Objects keep fields we do
 * not model (`looseObject`): the raw text is journaled too.
 */

/** Ids and codes arrive as strings or numbers (`"0"`, `20891000000045`); kept as exact text. */
export const idText = z
  .union([z.string(), z.number(), z.instanceof(JsonNumber)])
  .transform((value) => String(value));

/** An amount in minor units with its currency. */
export const sumSchema = z.looseObject({
  amount: z.number().int().nonnegative(),
  currency: z.string(),
});

/** A sum that is absent when it is incomplete (an amount or currency Gate left out). */
const optionalSum = sumSchema.optional().catch(undefined);

/** One operation of a payment (sale, refund ...). */
export const operationSchema = z.looseObject({
  id: idText.optional(),
  type: z.string().optional(),
  status: z.string().optional(),
  date: z.string().optional(),
  created_date: z.string().optional(),
  request_id: z.string().optional(),
  sum_initial: optionalSum,
  sum_converted: optionalSum,
  provider: z.looseObject({}).optional(),
  code: idText.optional(),
  message: z.string().optional(),
  merchant_refund_id: z.string().optional(),
});
export type GateOperation = z.infer<typeof operationSchema>;

/** The payment block of callbacks and status responses. */
export const paymentBlockSchema = z.looseObject({
  id: idText,
  type: z.string().optional(),
  status: z.string(),
  date: z.string().optional(),
  method: z.string().optional(),
  sum: optionalSum,
  description: z.string().optional(),
  merchant_refund_id: z.string().optional(),
});
export type GatePaymentBlock = z.infer<typeof paymentBlockSchema>;

/** An item of `display_data`: the QR (`qr_data`, `qr_url`, `qr_img`) or `add_info`. */
export const displayItemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  data: z
    .union([z.string(), z.number(), z.instanceof(JsonNumber)])
    .transform(String)
    .optional(),
});
export type DisplayItem = z.infer<typeof displayItemSchema>;

/**
 * Where to send the customer: `url` with `method` and `body` (an object, [] when empty, or, as
 * one third-party model has it, a query string).
 */
export const redirectDataSchema = z.looseObject({
  method: z.string().optional(),
  url: z.string().optional(),
  body: z.union([z.record(z.string(), z.unknown()), z.array(z.unknown()), z.string()]).optional(),
  encrypted: z.unknown().optional(),
});
export type RedirectData = z.infer<typeof redirectDataSchema>;

const errorItemSchema = z.looseObject({
  code: idText.optional(),
  message: z.string().optional(),
  field: z.string().optional(),
  description: z.unknown().optional(),
});

/** A payment callback (intermediate or final), without its signature. */
export const callbackSchema = z.looseObject({
  project_id: idText.optional(),
  payment: paymentBlockSchema,
  customer: z.looseObject({ id: idText.optional() }).optional(),
  operation: operationSchema.optional(),
  display_data: z.array(displayItemSchema).optional(),
  redirect_data: redirectDataSchema.optional(),
  /** `awaiting clarification`: the fields Gate wants; only read to name them. */
  clarification_fields: z.unknown().optional(),
  errors: z.array(errorItemSchema).optional(),
});
export type GateCallback = z.infer<typeof callbackSchema>;

/** The synchronous acknowledgement of a sale or refund request. */
export const ackSchema = z.looseObject({
  status: z.literal('success'),
  request_id: z.string().min(1),
  project_id: idText.optional(),
  payment_id: idText.optional(),
});
export type GateAck = z.infer<typeof ackSchema>;

/** A rejection: `code`/`message` at the root, or only in `errors[0]`. */
export const rejectionSchema = z.looseObject({
  status: z.string().optional(),
  code: idText.optional(),
  message: z.string().optional(),
  errors: z.array(errorItemSchema).optional(),
});

/** A status response for a payment Gate knows. */
export const statusFoundSchema = z.looseObject({
  project_id: idText.optional(),
  payment: paymentBlockSchema,
  operations: z.array(operationSchema).default([]),
  customer: z.looseObject({}).optional(),
  /** The QR (or redirect) again while the customer has not paid, as ecommpay's mock sends it. */
  display_data: z.array(displayItemSchema).optional(),
  redirect_data: redirectDataSchema.optional(),
  clarification_fields: z.unknown().optional(),
  errors: z.array(errorItemSchema).optional(),
});
export type GateStatus = z.infer<typeof statusFoundSchema>;

/** Purchase statuses in which the customer's money moved (refunds aside). */
export const PAID_PURCHASE_STATUSES: ReadonlySet<string> = new Set([
  'success',
  'refunded',
  'partially refunded',
  'reversed',
  'partially reversed',
]);

/**
 * Final purchase statuses in which nothing was charged: all end as a decline here. Not
 * `error`: status answers also use it for "not registered", which may still change.
 */
export const FAILED_PURCHASE_STATUSES: ReadonlySet<string> = new Set([
  'decline',
  'internal error',
  'external error',
  'expired',
  'canceled',
  'cancelled',
]);

/**
 * What a callback's or an operation's final status means: `success`, or one of Gate's failure
 * statuses (a decline: nothing moved); undefined while it is not final.
 */
export function finalOutcome(status: string): 'success' | 'decline' | undefined {
  if (status === 'success') return 'success';
  return FAILED_PURCHASE_STATUSES.has(status) ? 'decline' : undefined;
}

/**
 * What a status means when a *callback* carries it: as `finalOutcome`, and `error` ends it too
 * (ecommpay's PHP SDK: "error occurred while reviewing data"; Magento treats it as final). In a
 * status answer `error` also means "not registered", so status answers never use this.
 */
export function callbackOutcome(status: string | undefined): 'success' | 'decline' | undefined {
  if (status === undefined) return undefined;
  return status === 'error' ? 'decline' : finalOutcome(status);
}

/** Gate waits for customer fields a cashier cannot know. */
export const AWAITING_CLARIFICATION = 'awaiting clarification';

/** What a purchase status means: paid, ended with nothing charged, or not final (undefined). */
export function purchaseOutcome(status: string): 'success' | 'decline' | undefined {
  if (PAID_PURCHASE_STATUSES.has(status)) return 'success';
  return FAILED_PURCHASE_STATUSES.has(status) ? 'decline' : undefined;
}

/** Operation types that give money back: Gate may carry out a refund as a reversal. */
export const REFUND_OPERATION_TYPES: ReadonlySet<string> = new Set(['refund', 'reversal']);

/** Payment statuses after which nothing more happens to a purchase. */
export const FINAL_PURCHASE_STATUSES: ReadonlySet<string> = new Set([
  ...PAID_PURCHASE_STATUSES,
  ...FAILED_PURCHASE_STATUSES,
]);
