import { z } from 'zod';
import { PAYMENT_STATES } from '../payment-state';
import { CURRENCIES } from '../money/currencies';

/** What to draw as the QR: text the renderer encodes, an image main checked, or why it cannot. */
export const qrViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('text'), text: z.string() }),
  z.object({
    kind: z.literal('image'),
    dataUrl: z.string().regex(/^data:image\/(png|jpeg);base64,/),
  }),
  z.object({ kind: z.literal('unscannable'), message: z.string() }),
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
});
export type PaymentView = z.infer<typeof paymentViewSchema>;

/** What both screens show: the sale in progress (if any) and late payments waiting for a decision. */
export const sessionViewSchema = z.object({
  active: paymentViewSchema.nullable(),
  lateAlerts: z.array(paymentViewSchema),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** Non-secret settings as the Settings screen shows them; the secret only as `configured`. */
export const settingsViewSchema = z.object({
  mode: z.enum(['demo', 'live']),
  gateUrl: z.string(),
  projectId: z.number().int().nullable(),
  terminalId: z.string(),
  defaultCurrency: z.enum(CURRENCIES as unknown as [string, ...string[]]),
  callbackBindAddress: z.string(),
  callbackPort: z.number().int(),
  callbackPublicUrl: z.string(),
  acceptedQrKinds: z.array(z.enum(['qr_data', 'qr_url', 'qr_img', 'redirect'])),
  thresholdSeconds: z.number().int(),
  language: z.enum(['en', 'zh']),
  merchantName: z.string(),
  secretConfigured: z.boolean(),
  /** Everything live payments need is set and the keychain works. */
  ready: z.boolean(),
  /** What is missing or broken when not ready, in plain words. */
  problems: z.array(z.string()),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** Facts about the running app. */
export const appInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['demo', 'live']),
  shell: z.enum(['electron', 'browser']),
  keychain: z.object({ available: z.boolean(), message: z.string() }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;
