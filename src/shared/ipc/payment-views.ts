import { z } from 'zod';
import { PAYMENT_STATES } from '../payment-state';
import { CURRENCIES } from '../money/currencies';
import { saidSchema } from '../i18n/said';

/** What to draw as the QR: text the renderer encodes, an image main checked, or why it cannot. */
export const qrViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({
    kind: z.literal('image'),
    dataUrl: z.string().regex(/^data:image\/(png|jpeg);base64,/),
  }),
  /** Why, for the cashier; what an engineer would want to know (HTTP 404 ...) only as `detail`. */
  z.object({
    kind: z.literal('unscannable'),
    message: saidSchema,
    detail: z.string().optional(),
  }),
]);
export type QrView = z.infer<typeof qrViewSchema>;

/** A payment as the screens see it. Amounts in minor units; times in ms since the epoch. */
export const paymentViewSchema = z.object({
  id: z.string(),
  amount: z.number().int(),
  currency: z.enum(CURRENCIES as unknown as [string, ...string[]]),
  state: z.enum(PAYMENT_STATES),
  createdAt: z.number(),
  updatedAt: z.number(),
  qr: qrViewSchema.nullable(),
  qrExpiresAt: z.number().nullable(),
  gateCode: z.string().nullable(),
  gateMessage: z.string().nullable(),
  /** When the cashier pressed Cancel; the payment is still tracked to its final state. */
  cancelledAt: z.number().nullable(),
  /** A success that came after the cashier gave up: `open` until Keep (or Refund) is chosen. */
  lateAlert: z.enum(['open', 'kept', 'refund_requested']).nullable(),
  refundedAmount: z.number().int(),
  settledAt: z.number().nullable(),
  /** Gate's QR (scan with Alipay) or a Payment Page link (scan with the phone's camera). */
  mode: z.enum(['gate_qr', 'payment_page']),
});
export type PaymentView = z.infer<typeof paymentViewSchema>;
