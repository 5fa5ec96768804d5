import { z } from 'zod';
import { saidSchema } from '../i18n/said';
import { paymentViewSchema } from './payment-views';
import { currencyTotalsSchema, paymentPeopleSchema } from './staff-views';

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

/** An X report (so far) or a Z report (a closed day), per currency. */
export const reportSchema = z.object({
  kind: z.enum(['X', 'Z']),
  number: z.number().int().nullable(),
  periodStart: z.number(),
  periodEnd: z.number(),
  currencies: z.array(
    currencyTotalsSchema.extend({
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
  /** A manager can be told: the counter's one manager PIN is set, or it has staff. */
  pinSet: z.boolean(),
  /**
   * Managers are staff members with PINs of their own (set in Settings → Staff); the counter's
   * one manager PIN, and what is said of it here, no longer counts.
   */
  namedManagers: z.boolean(),
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
