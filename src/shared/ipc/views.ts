import { z } from 'zod';
import { CURRENCIES } from '../money/currencies';
import { printerSettingsSchema } from '../printing/printer-settings';
import { CUSTOMER_LOCALES, LANGUAGE_CHOICES } from '../i18n/locales';
import { saidSchema } from '../i18n/said';
import { paymentViewSchema } from './payment-views';

/** What both screens show: the sale in progress (if any) and late payments waiting for a decision. */
export const sessionViewSchema = z.object({
  active: paymentViewSchema.nullable(),
  lateAlerts: z.array(paymentViewSchema),
  /** What keeps the counter from working normally (keychain, Gate's signatures), as messages. */
  banners: z.array(z.object({ key: z.string(), message: saidSchema, since: z.number() })),
  /** The callback relay's link, for the header; null (or absent) without a relay. */
  relay: z
    .object({ state: z.enum(['connecting', 'connected', 'reconnecting']), since: z.number() })
    .nullable()
    .optional(),
  /**
   * Demo mode only: the sandbox's page the customer's phone opens for the sale on screen (what
   * its QR leads to), so that a person can pay without a phone. Never set on a live counter.
   */
  demoPayUrl: z
    .string()
    .regex(/^https?:\/\//)
    .nullable()
    .optional(),
});
export type SessionView = z.infer<typeof sessionViewSchema>;

/** The last connection test: what it found, when, and whether it counts for today's settings. */
export const connectionTestSchema = z.object({
  at: z.number(),
  ok: z.boolean(),
  /** Each check's finding: one sentence, a second one with what to do, and Gate's codes. */
  findings: z.array(
    z.object({
      ok: z.boolean(),
      said: saidSchema,
      hint: saidSchema.optional(),
      /** Technical words (Gate's code, a network error), shown only behind Details. */
      detail: z.string().optional(),
    }),
  ),
  /** False once the Gate URL, project or secret changed since: it must be run again. */
  current: z.boolean(),
});
export type ConnectionTestView = z.infer<typeof connectionTestSchema>;

/**
 * All the customer display reads: the sale on the counter (if any) and the merchant's name.
 * Its window gets nothing else (its own preload, its own channel).
 */
export const displayViewSchema = z.object({
  active: paymentViewSchema.nullable(),
  merchantName: z.string(),
  /** The customer display's language (Settings), whatever the cashier window speaks. */
  locale: z.enum(CUSTOMER_LOCALES),
});
export type DisplayView = z.infer<typeof displayViewSchema>;

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
  language: z.enum(LANGUAGE_CHOICES),
  customerLanguage: z.enum(CUSTOMER_LOCALES),
  merchantName: z.string(),
  purchaseMode: z.enum(['auto', 'gate_qr', 'payment_page']),
  /** What `auto` means here: Gate QR where a callback URL is set (or in demo), else the link. */
  effectivePurchaseMode: z.enum(['gate_qr', 'payment_page']),
  paymentPageUrl: z.string(),
  paymentPageLifetimeSeconds: z.number().int(),
  customerReturnUrl: z.string(),
  successUrl: z.string(),
  storeIpAddress: z.string(),
  secretConfigured: z.boolean(),
  /** Everything live payments need is set and the keychain works. */
  ready: z.boolean(),
  /** What is missing or broken when not ready, as messages. */
  problems: z.array(saidSchema),
  connectionTest: connectionTestSchema.nullable(),
  /** Whether a manager PIN exists (a live counter asks for one before anything else). */
  pinSet: z.boolean(),
  /** A connection test has passed once on this counter: its first-run screen is done. */
  setupDone: z.boolean(),
  /** Limits a manager changed, and the limits in force for every currency (minor units). */
  amountLimits: z.partialRecord(
    z.enum(CURRENCIES as unknown as [string, ...string[]]),
    z.object({ min: z.number().int(), max: z.number().int() }),
  ),
  purchaseLimits: z.record(
    z.enum(CURRENCIES as unknown as [string, ...string[]]),
    z.object({ min: z.number().int(), max: z.number().int() }),
  ),
  updateChannel: z.enum(['stable', 'pilot']),
  startAtLogin: z.boolean(),
  customerDisplayId: z.number().int().nullable(),
  /** The receipt printer. */
  printer: printerSettingsSchema,
  /** The callback relay: NATS servers, and this counter's callback URL at the relay. */
  relayNatsUrls: z.array(z.string()),
  relayCallbackUrl: z.string(),
  /** The broker's CA certificate (PEM; public), empty when the system's CAs are used. */
  relayCaCertificate: z.string(),
  /** Whether broker credentials are in the keychain (never the credentials themselves). */
  relayCredentialsConfigured: z.boolean(),
  /** Relayed callbacks held back because their signature failed (a wrong secret key?). */
  relayHeldBack: z.array(
    z.object({
      id: z.number().int(),
      receivedAt: z.number(),
      source: z.string(),
      reason: saidSchema,
      size: z.number().int(),
    }),
  ),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;

/** Facts about the running app. */
export const appInfoSchema = z.object({
  version: z.string(),
  mode: z.enum(['demo', 'live']),
  shell: z.enum(['electron', 'browser']),
  /** Whether the keychain works, as a message; the system's own words only as `detail`. */
  keychain: z.object({
    available: z.boolean(),
    message: saidSchema,
    detail: z.string().optional(),
  }),
  /** The operating system's language (Electron's app.getLocale()); null in the browser shell. */
  systemLocale: z.string().nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Settings → About: version, where data and logs live, and where updates stand. */
export const aboutViewSchema = z.object({
  version: z.string(),
  dataFolder: z.string().nullable(),
  logFile: z.string().nullable(),
  /** Where crash dumps are written (the desktop app only). */
  crashDumpFolder: z.string().nullable(),
  updates: z.object({
    state: z.enum([
      'not configured',
      'idle',
      'checking',
      'downloading',
      'ready',
      'installing',
      'error',
    ]),
    message: saidSchema,
    /** A failure's technical words, shown only behind Details. */
    detail: z.string().optional(),
    version: z.string().optional(),
  }),
});
export type AboutView = z.infer<typeof aboutViewSchema>;

/** The displays the customer display can go to (none in the browser shell). */
export const displayListSchema = z.object({
  displays: z.array(
    z.object({
      id: z.number().int(),
      label: z.string(),
      primary: z.boolean(),
      width: z.number(),
      height: z.number(),
    }),
  ),
});
export type DisplayList = z.infer<typeof displayListSchema>;

// The views of a payment, of the manager's screens and of staff live in files of their own.
export * from './payment-views';
export * from './manager-views';
export * from './staff-views';
