import { z } from 'zod';
import { PAYMENT_STATES } from '../payment-state';
import { CURRENCIES } from '../money/currencies';
import { printerSettingsSchema } from '../printing/printer-settings';
import { CUSTOMER_LOCALES, LANGUAGE_CHOICES } from '../i18n/locales';
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

/** A refund as the screens see it. */
export const refundViewSchema = z.object({
  id: z.string(),
  paymentId: z.string(),
  amount: z.number().int(),
  currency: z.string(),
  reason: z.string(),
  state: z.enum(['created', 'requested', 'unknown', 'succeeded', 'declined', 'rejected']),
  createdAt: z.number(),
  settledAt: z.number().nullable(),
  gateCode: z.string().nullable(),
  gateMessage: z.string().nullable(),
});
export type RefundView = z.infer<typeof refundViewSchema>;

/** One line of a payment's timeline: a state change, a callback, a refund or an audit entry. */
export const timelineEntrySchema = z.object({
  at: z.number(),
  kind: z.enum(['transition', 'callback', 'audit', 'print']),
  /** What happened, in a plain sentence for the manager. */
  said: saidSchema,
  /** The journal's own words behind it (states, causes, codes), shown under Details. */
  detail: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

/** A payment with everything the journal knows about it. */
export const paymentDetailSchema = z.object({
  payment: paymentViewSchema,
  refunds: z.array(refundViewSchema),
  /** What can still be refunded (refunds under way counted). */
  refundable: z.number().int(),
  timeline: z.array(timelineEntrySchema),
  /** Who took it, refunded it, decided on it late (see `paymentPeopleSchema`). */
  people: z.lazy(() => paymentPeopleSchema).optional(),
});
export type PaymentDetail = z.infer<typeof paymentDetailSchema>;

/** A page of the history; `next` continues it. */
export const historyPageSchema = z.object({
  items: z.array(paymentViewSchema),
  next: z.string().nullable(),
  /** Who took each payment on the page, by payment id (absent: nobody signed in). */
  takenBy: z.record(z.string(), z.string()).optional(),
});
export type HistoryPageView = z.infer<typeof historyPageSchema>;

const totalsSchema = z.object({ count: z.number().int(), sum: z.number().int() });

/** An X report (so far) or a Z report (a closed day), per currency. */
export const reportSchema = z.object({
  kind: z.enum(['X', 'Z']),
  number: z.number().int().nullable(),
  periodStart: z.number(),
  periodEnd: z.number(),
  currencies: z.array(
    z.object({
      currency: z.string(),
      payments: totalsSchema,
      refunds: totalsSchema,
      net: z.number().int(),
      declined: z.number().int(),
      /** Sales the cashier cancelled that were not paid (absent from older Z reports). */
      cancelled: z.number().int().optional(),
    }),
  ),
  open: z.object({ payments: z.number().int(), refunds: z.number().int() }),
  /** A Z report's proof: the audit log's head when the day closed, the money rows' digest. */
  evidence: z
    .object({
      auditId: z.number().int().nullable(),
      auditHash: z.string().nullable(),
      digest: z.string(),
      keyed: z.boolean(),
    })
    .optional(),
});
export type ReportView = z.infer<typeof reportSchema>;

/** Whether a manager PIN is set and whether manager actions are locked. */
export const managerStatusSchema = z.object({
  pinSet: z.boolean(),
  lockedUntil: z.number().nullable(),
  failures: z.number().int(),
  /** The PIN cannot be checked any more: reset it with the project's secret key. */
  resetNeeded: z.boolean(),
  /**
   * The manager session (Reports, Settings, actions without a second PIN), as main holds it:
   * open until `until` unless there is activity, or null when locked.
   */
  session: z.object({ until: z.number(), idleMs: z.number().int() }).nullable(),
});
export type ManagerStatus = z.infer<typeof managerStatusSchema>;

/** A file for the user to save (CSV exports). */
export const exportFileSchema = z.object({
  filename: z.string(),
  mimeType: z.string(),
  content: z.string(),
  /** Rows written, and whether the filter matched more than an export holds. */
  rows: z.number().int(),
  truncated: z.boolean(),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

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

/* Staff and shifts: who may sign in, who is signed in, and a shift's report. */

/** A staff member as the sign-in screen sees them: never the PIN or its hash. */
export const staffViewSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  role: z.enum(['cashier', 'manager']),
  active: z.boolean(),
  /** False when the PIN cannot be checked and a manager must give a new one. */
  pinSet: z.boolean(),
  lockedUntil: z.number().nullable(),
});
export type StaffView = z.infer<typeof staffViewSchema>;

/** Who is signed in on this counter (null: nobody, the sign-in screen shows). */
export const shiftStateSchema = z.object({
  signedIn: z
    .object({
      staffId: z.number().int(),
      name: z.string(),
      role: z.enum(['cashier', 'manager']),
      shiftId: z.number().int(),
      openedAt: z.number(),
      /** Locked: the shift goes on, the screens wait for this person's PIN. */
      locked: z.boolean(),
    })
    .nullable(),
});
export type ShiftState = z.infer<typeof shiftStateSchema>;

/** What one person took and gave back in one currency, in minor units. */
export const shiftTotalsSchema = z.object({
  currency: z.string(),
  payments: z.object({ count: z.number().int(), sum: z.number().int() }),
  refunds: z.object({ count: z.number().int(), sum: z.number().int() }),
  net: z.number().int(),
});

/** A shift that ended: who, from when to when, how, and its totals per currency. */
export const shiftReportSchema = z.object({
  shiftId: z.number().int(),
  staffId: z.number().int(),
  name: z.string(),
  openedAt: z.number(),
  endedAt: z.number(),
  endReason: z.enum(['handover', 'signed_out', 'ended_by_manager']),
  totals: z.array(shiftTotalsSchema),
});
export type ShiftReportView = z.infer<typeof shiftReportSchema>;

// ---- Who did what: staff on the manager's screens (History, a payment, the reports) ----

/** A staff member as the manager's screens list them (the same view as the sign-in screen's). */
export const staffMemberSchema = staffViewSchema;
export type StaffMemberView = StaffView;

/** Who took a payment and who decided on it when it was paid late (names; null: nobody). */
export const paymentPeopleSchema = z.object({
  takenBy: z.string().nullable(),
  shiftId: z.number().int().nullable(),
  lateDecidedBy: z.string().nullable(),
  /** Per refund id: who gave it back, and the manager who authorised a cashier's refund. */
  refunds: z.record(
    z.string(),
    z.object({ by: z.string().nullable(), authorisedBy: z.string().nullable() }),
  ),
});
export type PaymentPeople = z.infer<typeof paymentPeopleSchema>;

/** Takings and refunds of one person or one shift in one currency (minor units). */
export const namedTotalsSchema = z.object({
  /** The member's name, or null for what was taken with nobody signed in. */
  name: z.string().nullable(),
  currency: z.string(),
  payments: totalsSchema,
  refunds: totalsSchema,
  net: z.number().int(),
  openedAt: z.number().optional(),
  endedAt: z.number().nullable().optional(),
});
export type NamedTotalsView = z.infer<typeof namedTotalsSchema>;

/** The reports by person: the X so far by person, and each Z's shifts. */
export const reportPeopleSchema = z.object({
  xByPerson: z.array(namedTotalsSchema),
  zShifts: z.array(z.object({ number: z.number().int(), byShift: z.array(namedTotalsSchema) })),
});
export type ReportPeopleView = z.infer<typeof reportPeopleSchema>;
